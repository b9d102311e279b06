package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The position of one mobile device in a platform's MobilePosition notify (GB/T 28181-2022 Annex A.2.5
 * {@code DeviceList/Item}).
 */
public final class MobilePositionItem extends ManscdpElement {

    @JacksonXmlProperty(localName = "DeviceID")
    private String deviceId;

    @JacksonXmlProperty(localName = "CaptureTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime captureTime;

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

    @JacksonXmlProperty(localName = "Height")
    private Double height;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public LocalDateTime getCaptureTime() {
        return captureTime;
    }

    public void setCaptureTime(LocalDateTime captureTime) {
        this.captureTime = captureTime;
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

    public Double getHeight() {
        return height;
    }

    public void setHeight(Double height) {
        this.height = height;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MobilePositionItem other)) {
            return false;
        }
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(captureTime, other.captureTime)
                && Objects.equals(longitude, other.longitude)
                && Objects.equals(latitude, other.latitude)
                && Objects.equals(speed, other.speed)
                && Objects.equals(direction, other.direction)
                && Objects.equals(altitude, other.altitude)
                && Objects.equals(height, other.height)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, captureTime, longitude, latitude, speed, direction, altitude, height,
                extensionsHash());
    }
}
