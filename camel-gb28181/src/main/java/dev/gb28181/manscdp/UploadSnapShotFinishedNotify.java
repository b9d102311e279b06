package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device reports that the snapshots of a session were uploaded (GB/T 28181-2022 Annex A.2.5,
 * CmdType {@code UploadSnapShotFinished}): the session and the uploaded file IDs.
 */
public final class UploadSnapShotFinishedNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "SessionID")
    private String sessionId;

    @JacksonXmlProperty(localName = "SnapShotList")
    private SnapShotList snapShotList;

    public UploadSnapShotFinishedNotify() {
        super("UploadSnapShotFinished");
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public SnapShotList getSnapShotList() {
        return snapShotList;
    }

    public void setSnapShotList(SnapShotList snapShotList) {
        this.snapShotList = snapShotList;
    }
}
