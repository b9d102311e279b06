package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Asks a mobile device for its position, or subscribes to it (GB/T 28181-2016 §9.11.2, Annex A.2.4.10):
 * {@code Interval} in seconds between reports (default 5). Positions arrive as {@link MobilePositionNotify}.
 */
public final class MobilePositionQuery extends ManscdpQuery {

    @JacksonXmlProperty(localName = "Interval")
    private Integer interval;

    public MobilePositionQuery() {
        super("MobilePosition");
    }

    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }
}
