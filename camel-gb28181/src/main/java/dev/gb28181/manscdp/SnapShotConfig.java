package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * Snapshot configuration (GB/T 28181-2022 Annex A.2.3.2 {@code SnapShotConfig}): how many pictures, at
 * which interval, uploaded where, for which session; the device reports the end with
 * {@link UploadSnapShotFinishedNotify}.
 */
public final class SnapShotConfig extends ManscdpElement {

    @JacksonXmlProperty(localName = "SnapNum")
    private Integer snapNum;

    @JacksonXmlProperty(localName = "Interval")
    private Integer interval;

    @JacksonXmlProperty(localName = "UploadURL")
    private String uploadUrl;

    @JacksonXmlProperty(localName = "SessionID")
    private String sessionId;

    public Integer getSnapNum() {
        return snapNum;
    }

    public void setSnapNum(Integer snapNum) {
        this.snapNum = snapNum;
    }

    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }

    public String getUploadUrl() {
        return uploadUrl;
    }

    public void setUploadUrl(String uploadUrl) {
        this.uploadUrl = uploadUrl;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SnapShotConfig other)) {
            return false;
        }
        return Objects.equals(snapNum, other.snapNum)
                && Objects.equals(interval, other.interval)
                && Objects.equals(uploadUrl, other.uploadUrl)
                && Objects.equals(sessionId, other.sessionId)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(snapNum, interval, uploadUrl, sessionId, extensionsHash());
    }
}
