package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;

/**
 * A device's running state (GB/T 28181-2016 §9.5.3, Annex A.2.6.5): online, working, encoding, recording,
 * its clock and its alarm inputs' duty states. Status words are kept as written, with normalised
 * {@link OnOff} values beside them (ONLINE/OK/ON -> ON).
 */
@JsonIgnoreProperties(value = { "eventType", "onlineValue", "statusValue", "encodeValue", "recordValue" }, allowGetters = true)
public final class DeviceStatusResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "Result")
    private String result;

    @JacksonXmlProperty(localName = "Online")
    private String online;

    @JacksonXmlProperty(localName = "Status")
    private String status;

    @JacksonXmlProperty(localName = "Reason")
    private String reason;

    @JacksonXmlProperty(localName = "Encode")
    private String encode;

    @JacksonXmlProperty(localName = "Record")
    private String record;

    @JacksonXmlProperty(localName = "DeviceTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime deviceTime;

    @JacksonXmlProperty(localName = "Alarmstatus")
    private ManscdpList<AlarmStatusItem> alarmStatus;

    public DeviceStatusResponse() {
        super("DeviceStatus");
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getOnline() {
        return online;
    }

    public void setOnline(String online) {
        this.online = online;
    }

    /** {@code Online} normalised (ON/On/ONLINE/OK -> ON, OFF/OFFLINE -> OFF), {@code null} when neither. JSON only. */
    @JsonOnly
    public OnOff getOnlineValue() {
        return OnOff.of(online);
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

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getEncode() {
        return encode;
    }

    public void setEncode(String encode) {
        this.encode = encode;
    }

    /** {@code Encode} normalised (ON/On/ONLINE/OK -> ON, OFF/OFFLINE -> OFF), {@code null} when neither. JSON only. */
    @JsonOnly
    public OnOff getEncodeValue() {
        return OnOff.of(encode);
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }

    /** {@code Record} normalised (ON/On/ONLINE/OK -> ON, OFF/OFFLINE -> OFF), {@code null} when neither. JSON only. */
    @JsonOnly
    public OnOff getRecordValue() {
        return OnOff.of(record);
    }

    public LocalDateTime getDeviceTime() {
        return deviceTime;
    }

    public void setDeviceTime(LocalDateTime deviceTime) {
        this.deviceTime = deviceTime;
    }

    /** Alarm inputs; the standard spells the element {@code Alarmstatus}. */
    public ManscdpList<AlarmStatusItem> getAlarmStatus() {
        return alarmStatus;
    }

    public void setAlarmStatus(ManscdpList<AlarmStatusItem> alarmStatus) {
        this.alarmStatus = alarmStatus;
    }
}
