package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;

/**
 * A mobile device's position (GB/T 28181-2016 §9.11.2, Annex A.2.5.5), sent at the subscribed or queried
 * interval: time, longitude, latitude, speed (km/h), direction (degrees from north) and altitude (m); a
 * 2022 platform may report many devices in a {@code DeviceList}.
 */
public final class MobilePositionNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "Time")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime time;

    @JacksonXmlProperty(localName = "Longitude")
    private Double longitude;

    @JacksonXmlProperty(localName = "Latitude")
    private Double latitude;

    @JacksonXmlProperty(localName = "Speed")
    private Double speed;

    @JacksonXmlProperty(localName = "Direction")
    private Double direction;

    @JacksonXmlProperty(localName = "Altitude")
    private Double altitude;

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "DeviceList")
    private ManscdpList<MobilePositionItem> deviceList;

    public MobilePositionNotify() {
        super("MobilePosition");
    }

    public LocalDateTime getTime() {
        return time;
    }

    public void setTime(LocalDateTime time) {
        this.time = time;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getSpeed() {
        return speed;
    }

    public void setSpeed(Double speed) {
        this.speed = speed;
    }

    public Double getDirection() {
        return direction;
    }

    public void setDirection(Double direction) {
        this.direction = direction;
    }

    public Double getAltitude() {
        return altitude;
    }

    public void setAltitude(Double altitude) {
        this.altitude = altitude;
    }

    /** Platforms (2022): number of devices in {@link #getDeviceList()}. */
    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    /** Platforms (2022): positions of many devices. */
    public ManscdpList<MobilePositionItem> getDeviceList() {
        return deviceList;
    }

    public void setDeviceList(ManscdpList<MobilePositionItem> deviceList) {
        this.deviceList = deviceList;
    }
}
