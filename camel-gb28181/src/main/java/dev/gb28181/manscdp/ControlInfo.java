package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * The {@code <Info>} of a DeviceControl (GB/T 28181-2016 Annex A.2.3.1): the PTZ control priority, or
 * the alarm method and type an AlarmCmd resets.
 */
public final class ControlInfo extends ManscdpElement {

    @JacksonXmlProperty(localName = "ControlPriority")
    private Integer controlPriority;

    @JacksonXmlProperty(localName = "AlarmMethod")
    private String alarmMethod;

    @JacksonXmlProperty(localName = "AlarmType")
    private String alarmType;

    public Integer getControlPriority() {
        return controlPriority;
    }

    public void setControlPriority(Integer controlPriority) {
        this.controlPriority = controlPriority;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ControlInfo other)) {
            return false;
        }
        return Objects.equals(controlPriority, other.controlPriority)
                && Objects.equals(alarmMethod, other.alarmMethod)
                && Objects.equals(alarmType, other.alarmType)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(controlPriority, alarmMethod, alarmType, extensionsHash());
    }
}
