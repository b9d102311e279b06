package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * Basic configuration (GB/T 28181-2016 Annex A.2.3.2.1 for DeviceConfig, A.2.6.7 for ConfigDownload):
 * name, registration expiry, keepalive interval and count; ConfigDownload answers add the SIP server
 * and position capability.
 */
public final class BasicParam extends ManscdpElement {

    @JacksonXmlProperty(localName = "Name")
    private String name;

    @JacksonXmlProperty(localName = "DeviceID")
    private String deviceId;

    @JacksonXmlProperty(localName = "SIPServerID")
    private String sipServerId;

    @JacksonXmlProperty(localName = "SIPServerIP")
    private String sipServerIp;

    @JacksonXmlProperty(localName = "SIPServerPort")
    private Integer sipServerPort;

    @JacksonXmlProperty(localName = "DomainName")
    private String domainName;

    @JacksonXmlProperty(localName = "Expiration")
    private Integer expiration;

    @JacksonXmlProperty(localName = "Password")
    private String password;

    @JacksonXmlProperty(localName = "HeartBeatInterval")
    private Integer heartBeatInterval;

    @JacksonXmlProperty(localName = "HeartBeatCount")
    private Integer heartBeatCount;

    @JacksonXmlProperty(localName = "PositionCapability")
    private Integer positionCapability;

    @JacksonXmlProperty(localName = "Longitude")
    private Double longitude;

    @JacksonXmlProperty(localName = "Latitude")
    private Double latitude;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getSipServerId() {
        return sipServerId;
    }

    public void setSipServerId(String sipServerId) {
        this.sipServerId = sipServerId;
    }

    public String getSipServerIp() {
        return sipServerIp;
    }

    public void setSipServerIp(String sipServerIp) {
        this.sipServerIp = sipServerIp;
    }

    public Integer getSipServerPort() {
        return sipServerPort;
    }

    public void setSipServerPort(Integer sipServerPort) {
        this.sipServerPort = sipServerPort;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public Integer getExpiration() {
        return expiration;
    }

    public void setExpiration(Integer expiration) {
        this.expiration = expiration;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Integer getHeartBeatInterval() {
        return heartBeatInterval;
    }

    public void setHeartBeatInterval(Integer heartBeatInterval) {
        this.heartBeatInterval = heartBeatInterval;
    }

    public Integer getHeartBeatCount() {
        return heartBeatCount;
    }

    public void setHeartBeatCount(Integer heartBeatCount) {
        this.heartBeatCount = heartBeatCount;
    }

    public Integer getPositionCapability() {
        return positionCapability;
    }

    public void setPositionCapability(Integer positionCapability) {
        this.positionCapability = positionCapability;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BasicParam other)) {
            return false;
        }
        return Objects.equals(name, other.name)
                && Objects.equals(deviceId, other.deviceId)
                && Objects.equals(sipServerId, other.sipServerId)
                && Objects.equals(sipServerIp, other.sipServerIp)
                && Objects.equals(sipServerPort, other.sipServerPort)
                && Objects.equals(domainName, other.domainName)
                && Objects.equals(expiration, other.expiration)
                && Objects.equals(password, other.password)
                && Objects.equals(heartBeatInterval, other.heartBeatInterval)
                && Objects.equals(heartBeatCount, other.heartBeatCount)
                && Objects.equals(positionCapability, other.positionCapability)
                && Objects.equals(longitude, other.longitude)
                && Objects.equals(latitude, other.latitude)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, deviceId, sipServerId, sipServerIp, sipServerPort, domainName, expiration,
                password, heartBeatInterval, heartBeatCount, positionCapability, longitude, latitude,
                extensionsHash());
    }
}
