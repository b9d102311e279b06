package dev.gb28181.manscdp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDateTime;

/**
 * An alarm a device reports (GB/T 28181-2016 §9.4, Annex A.2.5.2), by MESSAGE or in a subscription's
 * NOTIFY: priority (1 first .. 4), method (1 telephone, 2 device, 3 SMS, 4 GPS, 5 video, 6 fault,
 * 7 other), time, description, position and type. The platform answers 200, then an {@link AlarmResponse}
 * with Result OK.
 */
public final class AlarmNotify extends ManscdpNotify {

    @JacksonXmlProperty(localName = "AlarmPriority")
    private String alarmPriority;

    @JacksonXmlProperty(localName = "AlarmMethod")
    private String alarmMethod;

    @JacksonXmlProperty(localName = "AlarmTime")
    @JsonSerialize(using = ManscdpTime.Serializer.class)
    @JsonDeserialize(using = ManscdpTime.Deserializer.class)
    private LocalDateTime alarmTime;

    @JacksonXmlProperty(localName = "AlarmDescription")
    private String alarmDescription;

    @JacksonXmlProperty(localName = "Longitude")
    private Double longitude;

    @JacksonXmlProperty(localName = "Latitude")
    private Double latitude;

    @JacksonXmlProperty(localName = "Info")
    private AlarmInfo info;

    public AlarmNotify() {
        super("Alarm");
    }

    public String getAlarmPriority() {
        return alarmPriority;
    }

    public void setAlarmPriority(String alarmPriority) {
        this.alarmPriority = alarmPriority;
    }

    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    public LocalDateTime getAlarmTime() {
        return alarmTime;
    }

    public void setAlarmTime(LocalDateTime alarmTime) {
        this.alarmTime = alarmTime;
    }

    public String getAlarmDescription() {
        return alarmDescription;
    }

    public void setAlarmDescription(String alarmDescription) {
        this.alarmDescription = alarmDescription;
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

    public AlarmInfo getInfo() {
        return info;
    }

    public void setInfo(AlarmInfo info) {
        this.info = info;
    }
}
