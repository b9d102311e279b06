package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A device's identity (GB/T 28181-2016 §9.5.2, Annex A.2.6.4): name, manufacturer, model, firmware and
 * channel counts. Vendor additions (Dahua's Port, LoginName...) are kept in the extensions.
 */
public final class DeviceInfoResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "DeviceName")
    private String deviceName;

    @JacksonXmlProperty(localName = "Result")
    private String result;

    @JacksonXmlProperty(localName = "DeviceType")
    private String deviceType;

    @JacksonXmlProperty(localName = "Manufacturer")
    private String manufacturer;

    @JacksonXmlProperty(localName = "Model")
    private String model;

    @JacksonXmlProperty(localName = "Firmware")
    private String firmware;

    @JacksonXmlProperty(localName = "MaxCamera")
    private Integer maxCamera;

    @JacksonXmlProperty(localName = "MaxAlarm")
    private Integer maxAlarm;

    @JacksonXmlProperty(localName = "Channel")
    private Integer channel;

    public DeviceInfoResponse() {
        super("DeviceInfo");
    }

    public String getDeviceName() {
        return deviceName;
    }

    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getDeviceType() {
        return deviceType;
    }

    public void setDeviceType(String deviceType) {
        this.deviceType = deviceType;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public Integer getMaxCamera() {
        return maxCamera;
    }

    public void setMaxCamera(Integer maxCamera) {
        this.maxCamera = maxCamera;
    }

    public Integer getMaxAlarm() {
        return maxAlarm;
    }

    public void setMaxAlarm(Integer maxAlarm) {
        this.maxAlarm = maxAlarm;
    }

    public Integer getChannel() {
        return channel;
    }

    public void setChannel(Integer channel) {
        this.channel = channel;
    }
}
