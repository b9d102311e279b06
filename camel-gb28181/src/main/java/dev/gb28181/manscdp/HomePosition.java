package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * Home position settings (GB/T 28181-2016 Annex A.2.3.1.8 for DeviceControl, 2022 Annex A.2.6 for the
 * HomePositionQuery answer): enabled (1/0), seconds of idleness before returning, preset index.
 */
public final class HomePosition extends ManscdpElement {

    @JacksonXmlProperty(localName = "Enabled")
    private Integer enabled;

    @JacksonXmlProperty(localName = "ResetTime")
    private Integer resetTime;

    @JacksonXmlProperty(localName = "PresetIndex")
    private Integer presetIndex;

    public Integer getEnabled() {
        return enabled;
    }

    public void setEnabled(Integer enabled) {
        this.enabled = enabled;
    }

    public Integer getResetTime() {
        return resetTime;
    }

    public void setResetTime(Integer resetTime) {
        this.resetTime = resetTime;
    }

    public Integer getPresetIndex() {
        return presetIndex;
    }

    public void setPresetIndex(Integer presetIndex) {
        this.presetIndex = presetIndex;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HomePosition other)) {
            return false;
        }
        return Objects.equals(enabled, other.enabled)
                && Objects.equals(resetTime, other.resetTime)
                && Objects.equals(presetIndex, other.presetIndex)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, resetTime, presetIndex, extensionsHash());
    }
}
