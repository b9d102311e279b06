package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device's keepalive (GB/T 28181-2016 §9.6, Annex A.2.5.1): sent every keepalive interval; three missed
 * make the device offline. {@code Status} OK means the device works; {@code Info} (faulty channels) is
 * kept in the extensions.
 */
@JsonIgnoreProperties(value = { "eventType", "statusValue" }, allowGetters = true)
public final class KeepaliveNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "Status")
    private String status;

    public KeepaliveNotify() {
        super("Keepalive");
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@code Status} normalised (ON/On/ONLINE/OK -> ON, OFF/OFFLINE -> OFF), {@code null} when neither. JSON only. */
    @JsonOnly
    public OnOff getStatusValue() {
        return OnOff.of(status);
    }
}
