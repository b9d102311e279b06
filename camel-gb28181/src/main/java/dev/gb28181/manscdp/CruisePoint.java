package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * One point of a cruise track (GB/T 28181-2022 Annex A.2.6 {@code CruisePointList/CruisePoint}): preset,
 * dwell seconds, speed.
 */
public final class CruisePoint extends ManscdpElement {

    @JacksonXmlProperty(localName = "PresetIndex")
    private Integer presetIndex;

    @JacksonXmlProperty(localName = "StayTime")
    private Integer stayTime;

    @JacksonXmlProperty(localName = "Speed")
    private Integer speed;

    public Integer getPresetIndex() {
        return presetIndex;
    }

    public void setPresetIndex(Integer presetIndex) {
        this.presetIndex = presetIndex;
    }

    public Integer getStayTime() {
        return stayTime;
    }

    public void setStayTime(Integer stayTime) {
        this.stayTime = stayTime;
    }

    public Integer getSpeed() {
        return speed;
    }

    public void setSpeed(Integer speed) {
        this.speed = speed;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CruisePoint other)) {
            return false;
        }
        return Objects.equals(presetIndex, other.presetIndex)
                && Objects.equals(stayTime, other.stayTime)
                && Objects.equals(speed, other.speed)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(presetIndex, stayTime, speed, extensionsHash());
    }
}
