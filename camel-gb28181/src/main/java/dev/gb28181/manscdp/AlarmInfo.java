package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * The {@code <Info>} of an alarm (GB/T 28181-2016 Annex A.2.5, Table: alarm types per AlarmMethod):
 * the alarm type and its parameters.
 */
public final class AlarmInfo extends ManscdpElement {

    @JacksonXmlProperty(localName = "AlarmType")
    private Integer alarmType;

    @JacksonXmlProperty(localName = "AlarmTypeParam")
    private AlarmTypeParam alarmTypeParam;

    public Integer getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(Integer alarmType) {
        this.alarmType = alarmType;
    }

    public AlarmTypeParam getAlarmTypeParam() {
        return alarmTypeParam;
    }

    public void setAlarmTypeParam(AlarmTypeParam alarmTypeParam) {
        this.alarmTypeParam = alarmTypeParam;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AlarmInfo other)) {
            return false;
        }
        return Objects.equals(alarmType, other.alarmType)
                && Objects.equals(alarmTypeParam, other.alarmTypeParam)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alarmType, alarmTypeParam, extensionsHash());
    }
}
