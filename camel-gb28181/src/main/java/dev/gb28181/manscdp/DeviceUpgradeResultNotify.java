package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device reports the result of a firmware upgrade started with DeviceControl DeviceUpgrade
 * (GB/T 28181-2022 Annex A.2.5, CmdType {@code DeviceUpgradeResult}): session, result OK/ERROR, the new
 * firmware, the reason of a failure.
 */
@JsonIgnoreProperties(value = { "eventType", "resultValue" }, allowGetters = true)
public final class DeviceUpgradeResultNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "SessionID")
    private String sessionId;

    @JacksonXmlProperty(localName = "Result")
    private String result;

    @JacksonXmlProperty(localName = "Firmware")
    private String firmware;

    @JacksonXmlProperty(localName = "UpgradeFailedReason")
    private String upgradeFailedReason;

    public DeviceUpgradeResultNotify() {
        super("DeviceUpgradeResult");
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** {@code Result} normalised (ON/On/ONLINE/OK -> ON, OFF/OFFLINE -> OFF), {@code null} when neither. JSON only. */
    @JsonOnly
    public OnOff getResultValue() {
        return OnOff.of(result);
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public String getUpgradeFailedReason() {
        return upgradeFailedReason;
    }

    public void setUpgradeFailedReason(String upgradeFailedReason) {
        this.upgradeFailedReason = upgradeFailedReason;
    }
}
