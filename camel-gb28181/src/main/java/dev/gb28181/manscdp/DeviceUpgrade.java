package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * A firmware upgrade order (GB/T 28181-2022 Annex A.2.3.1 {@code DeviceUpgrade}): the firmware, where to
 * fetch it, the manufacturer and the session the result will name ({@link DeviceUpgradeResultNotify}).
 */
public final class DeviceUpgrade extends ManscdpElement {

    @JacksonXmlProperty(localName = "Firmware")
    private String firmware;

    @JacksonXmlProperty(localName = "FileURL")
    private String fileUrl;

    @JacksonXmlProperty(localName = "Manufacturer")
    private String manufacturer;

    @JacksonXmlProperty(localName = "SessionID")
    private String sessionId;

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public String getFileUrl() {
        return fileUrl;
    }

    public void setFileUrl(String fileUrl) {
        this.fileUrl = fileUrl;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
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
        if (!(o instanceof DeviceUpgrade other)) {
            return false;
        }
        return Objects.equals(firmware, other.firmware)
                && Objects.equals(fileUrl, other.fileUrl)
                && Objects.equals(manufacturer, other.manufacturer)
                && Objects.equals(sessionId, other.sessionId)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firmware, fileUrl, manufacturer, sessionId, extensionsHash());
    }
}
