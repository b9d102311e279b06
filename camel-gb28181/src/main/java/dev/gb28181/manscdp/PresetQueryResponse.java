package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A PTZ camera's presets (GB/T 28181-2016 Annex A.2.6.9): a {@code PresetList} of IDs and names.
 */
public final class PresetQueryResponse extends ManscdpResponse {

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "PresetList")
    private ManscdpList<PresetItem> presetList;

    public PresetQueryResponse() {
        super("PresetQuery");
    }

    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    public ManscdpList<PresetItem> getPresetList() {
        return presetList;
    }

    public void setPresetList(ManscdpList<PresetItem> presetList) {
        this.presetList = presetList;
    }
}
