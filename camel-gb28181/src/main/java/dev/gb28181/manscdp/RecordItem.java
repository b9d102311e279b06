package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One recording (GB/T 28181-2016 Annex A.2.6.6 {@code itemFileType}; 2022 adds FileSize and
 * StreamNumber): what the platform plays back or downloads by time range ({@code u=}/{@code t=} of the
 * INVITE). Items are equal when all their fields are, so a retransmitted part can be recognised.
 */
public final class RecordItem extends ManscdpElement {

    @JacksonXmlProperty(localName = "DeviceID")
    private String deviceId;

    @JacksonXmlProperty(localName = "Name")
    private String name;

    @JacksonXmlProperty(localName = "FilePath")
    private String filePath;

    @JacksonXmlProperty(localName = "Address")
    private String address;

    @JacksonXmlProperty(localName = "StartTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime startTime;

    @JacksonXmlProperty(localName = "EndTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime endTime;

    @JacksonXmlProperty(localName = "Secrecy")
    private Integer secrecy;

    @JacksonXmlProperty(localName = "Type")
    private String type;

    @JacksonXmlProperty(localName = "RecorderID")
    private String recorderId;

    @JacksonXmlProperty(localName = "FileSize")
    private Long fileSize;

    @JacksonXmlProperty(localName = "StreamNumber")
    private Integer streamNumber;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFilePath() {
        return filePath;
    }

    public void setFilePath(String filePath) {
        this.filePath = filePath;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public LocalDateTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalDateTime startTime) {
        this.startTime = startTime;
    }

    public LocalDateTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalDateTime endTime) {
        this.endTime = endTime;
    }

    public Integer getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Integer secrecy) {
        this.secrecy = secrecy;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getRecorderId() {
        return recorderId;
    }

    public void setRecorderId(String recorderId) {
        this.recorderId = recorderId;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public void setFileSize(Long fileSize) {
        this.fileSize = fileSize;
    }

    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RecordItem other)) {
            return false;
        }
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(name, other.name)
                && Objects.equals(filePath, other.filePath)
                && Objects.equals(address, other.address)
                && Objects.equals(startTime, other.startTime)
                && Objects.equals(endTime, other.endTime)
                && Objects.equals(secrecy, other.secrecy)
                && Objects.equals(type, other.type)
                && Objects.equals(recorderId, other.recorderId)
                && Objects.equals(fileSize, other.fileSize)
                && Objects.equals(streamNumber, other.streamNumber)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, name, filePath, address, startTime, endTime, secrecy, type, recorderId,
                fileSize, streamNumber, extensionsHash());
    }
}
