package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * The duty state of one alarm input (GB/T 28181-2016 Annex A.2.6.5 {@code Alarmstatus/Item}):
 * ONDUTY, OFFDUTY or ALARM.
 */
public final class AlarmStatusItem extends ManscdpElement {

    @JacksonXmlProperty(localName = "DeviceID")
    private String deviceId;

    @JacksonXmlProperty(localName = "DutyStatus")
    private String dutyStatus;

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getDutyStatus() {
        return dutyStatus;
    }

    public void setDutyStatus(String dutyStatus) {
        this.dutyStatus = dutyStatus;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AlarmStatusItem other)) {
            return false;
        }
        return Objects.equals(deviceId, other.deviceId)
                && Objects.equals(dutyStatus, other.dutyStatus)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, dutyStatus, extensionsHash());
    }
}
