package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Media state reported by a device (GB/T 28181-2016 §9.8.3, Annex A.2.5.4): {@code NotifyType} 121 = the
 * file of a playback or download ended. Devices may send it from another From user than the channel:
 * match it to the session by Call-ID.
 */
public final class MediaStatusNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "NotifyType")
    private String notifyType;

    public MediaStatusNotify() {
        super("MediaStatus");
    }

    public String getNotifyType() {
        return notifyType;
    }

    public void setNotifyType(String notifyType) {
        this.notifyType = notifyType;
    }

    /** NotifyType 121: the playback or download reached the end of the file. */
    public static final String END_OF_FILE = "121";

    /** {@code true} when this reports the end of a playback or download file (NotifyType 121). */
    public boolean endOfFile() {
        return notifyType != null && END_OF_FILE.equals(notifyType.trim());
    }
}
