package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;

/**
 * Asks for alarms, or subscribes to them (GB/T 28181-2016 §9.4, §9.11, Annex A.2.4.7): priority range
 * (1-4), methods and types ({@code 1/2} lists), time range. Alarms arrive as {@link AlarmNotify}.
 */
public final class AlarmQuery extends ManscdpQuery {

    @JacksonXmlProperty(localName = "StartAlarmPriority")
    private String startAlarmPriority;

    @JacksonXmlProperty(localName = "EndAlarmPriority")
    private String endAlarmPriority;

    @JacksonXmlProperty(localName = "AlarmMethod")
    private String alarmMethod;

    @JacksonXmlProperty(localName = "AlarmType")
    private String alarmType;

    @JacksonXmlProperty(localName = "StartAlarmTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime startAlarmTime;

    @JacksonXmlProperty(localName = "EndAlarmTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime endAlarmTime;

    public AlarmQuery() {
        super("Alarm");
    }

    public String getStartAlarmPriority() {
        return startAlarmPriority;
    }

    public void setStartAlarmPriority(String startAlarmPriority) {
        this.startAlarmPriority = startAlarmPriority;
    }

    public String getEndAlarmPriority() {
        return endAlarmPriority;
    }

    public void setEndAlarmPriority(String endAlarmPriority) {
        this.endAlarmPriority = endAlarmPriority;
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

    public LocalDateTime getStartAlarmTime() {
        return startAlarmTime;
    }

    public void setStartAlarmTime(LocalDateTime startAlarmTime) {
        this.startAlarmTime = startAlarmTime;
    }

    public LocalDateTime getEndAlarmTime() {
        return endAlarmTime;
    }

    public void setEndAlarmTime(LocalDateTime endAlarmTime) {
        this.endAlarmTime = endAlarmTime;
    }
}
