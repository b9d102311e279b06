package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;

/**
 * Asks a device or NVR for its recordings in a time range (GB/T 28181-2016 §9.7, Annex A.2.4.6; 2022 adds
 * StreamNumber and alarm filters); answered by a {@link RecordInfoResponse}, possibly in parts (Annex N).
 * {@code Type} is time, alarm, manual or all.
 */
public final class RecordInfoQuery extends ManscdpQuery {

    @JacksonXmlProperty(localName = "StartTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime startTime;

    @JacksonXmlProperty(localName = "EndTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime endTime;

    @JacksonXmlProperty(localName = "FilePath")
    private String filePath;

    @JacksonXmlProperty(localName = "Address")
    private String address;

    @JacksonXmlProperty(localName = "Secrecy")
    private Integer secrecy;

    @JacksonXmlProperty(localName = "Type")
    private String type;

    @JacksonXmlProperty(localName = "RecorderID")
    private String recorderId;

    @JacksonXmlProperty(localName = "IndistinctQuery")
    private Integer indistinctQuery;

    @JacksonXmlProperty(localName = "StreamNumber")
    private Integer streamNumber;

    @JacksonXmlProperty(localName = "AlarmMethod")
    private String alarmMethod;

    @JacksonXmlProperty(localName = "AlarmType")
    private String alarmType;

    public RecordInfoQuery() {
        super("RecordInfo");
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

    public Integer getIndistinctQuery() {
        return indistinctQuery;
    }

    public void setIndistinctQuery(Integer indistinctQuery) {
        this.indistinctQuery = indistinctQuery;
    }

    public Integer getStreamNumber() {
        return streamNumber;
    }

    public void setStreamNumber(Integer streamNumber) {
        this.streamNumber = streamNumber;
    }

    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    public String getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(String alarmType) {
        this.alarmType = alarmType;
    }
}
