package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Objects;

/**
 * One preset of a PTZ camera (GB/T 28181-2016 Annex A.2.6.9 {@code PresetList/Item}).
 */
public final class PresetItem extends ManscdpElement {

    @JacksonXmlProperty(localName = "PresetID")
    private String presetId;

    @JacksonXmlProperty(localName = "PresetName")
    private String presetName;

    public String getPresetId() {
        return presetId;
    }

    public void setPresetId(String presetId) {
        this.presetId = presetId;
    }

    public String getPresetName() {
        return presetName;
    }

    public void setPresetName(String presetName) {
        this.presetName = presetName;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PresetItem other)) {
            return false;
        }
        return Objects.equals(presetId, other.presetId)
                && Objects.equals(presetName, other.presetName)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(presetId, presetName, extensionsHash());
    }
}
