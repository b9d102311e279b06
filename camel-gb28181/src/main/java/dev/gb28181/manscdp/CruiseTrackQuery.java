package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Asks a PTZ camera for the points of one cruise track (GB/T 28181-2022 Annex A.2.4.13), {@code Number}
 * naming the track; answered by a {@link CruiseTrackResponse}.
 */
public final class CruiseTrackQuery extends ManscdpQuery {

    @JacksonXmlProperty(localName = "Number")
    private Integer number;

    public CruiseTrackQuery() {
        super("CruiseTrackQuery");
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }
}
