package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Starts a voice broadcast (GB/T 28181-2016 §9.12, Annex A.2.5.6): the platform names the audio source
 * (itself) and the target device, which answers with a {@link BroadcastResponse} and then INVITEs the
 * platform for audio.
 */
public final class BroadcastNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "SourceID")
    private String sourceId;

    @JacksonXmlProperty(localName = "TargetID")
    private String targetId;

    public BroadcastNotify() {
        super("Broadcast");
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }
}
