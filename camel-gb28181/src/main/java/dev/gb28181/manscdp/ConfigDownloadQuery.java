package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Asks a device for configuration (GB/T 28181-2016 §9.5.4, Annex A.2.4.8): {@code ConfigType} names the
 * sections, {@code /}-separated: BasicParam, VideoParamOpt, SVACEncodeConfig, SVACDecodeConfig and, in
 * 2022, VideoParamAttribute, VideoRecordPlan, VideoAlarmRecord, PictureMask, FrameMirror, AlarmReport,
 * OSDConfig, SnapShotConfig. Answered by a {@link ConfigDownloadResponse}.
 */
public final class ConfigDownloadQuery extends ManscdpQuery {

    @JacksonXmlProperty(localName = "ConfigType")
    private String configType;

    public ConfigDownloadQuery() {
        super("ConfigDownload");
    }

    public String getConfigType() {
        return configType;
    }

    public void setConfigType(String configType) {
        this.configType = configType;
    }
}
