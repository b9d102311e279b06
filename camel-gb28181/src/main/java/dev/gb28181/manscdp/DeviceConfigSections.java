package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * The configuration sections of a device, which GB/T 28181-2016 lays out once for two messages: the
 * {@link DeviceConfig} control that sets them (Annex A.2.3, 设备配置) and the {@link ConfigDownloadResponse}
 * that returns those a ConfigDownload query named (Annex A.2.6, 设备配置查询应答). In both they follow the
 * message's own elements in this order: BasicParam, VideoParamOpt, SVACEncodeConfig, SVACDecodeConfig
 * (2016) and GB/T 28181-2022's VideoParamAttribute, VideoRecordPlan, VideoAlarmRecord, PictureMask,
 * FrameMirror, AlarmReport, OSDConfig, SnapShotConfig. An absent section is {@code null} and not written.
 *
 * <p>An interface because the two messages have different roots ({@link ManscdpControl},
 * {@link ManscdpResponse}): the accessors and element names are defined here once and keep their values
 * in the {@link Values} each message holds. Reflection gives default methods in no fixed order, so each
 * getter carries its {@link JsonProperty#index() index}; a message with elements of its own before the
 * sections names them in its {@code @JsonPropertyOrder}.
 */
public interface DeviceConfigSections {

    /** The values behind the accessors: one per message, never {@code null}. */
    Values configValues();

    @JsonProperty(index = 1)
    @JacksonXmlProperty(localName = "BasicParam")
    default BasicParam getBasicParam() {
        return configValues().basicParam;
    }

    default void setBasicParam(BasicParam basicParam) {
        configValues().basicParam = basicParam;
    }

    @JsonProperty(index = 2)
    @JacksonXmlProperty(localName = "VideoParamOpt")
    default VideoParamOpt getVideoParamOpt() {
        return configValues().videoParamOpt;
    }

    default void setVideoParamOpt(VideoParamOpt videoParamOpt) {
        configValues().videoParamOpt = videoParamOpt;
    }

    @JsonProperty(index = 3)
    @JacksonXmlProperty(localName = "SVACEncodeConfig")
    default SvacEncodeConfig getSvacEncodeConfig() {
        return configValues().svacEncodeConfig;
    }

    default void setSvacEncodeConfig(SvacEncodeConfig svacEncodeConfig) {
        configValues().svacEncodeConfig = svacEncodeConfig;
    }

    @JsonProperty(index = 4)
    @JacksonXmlProperty(localName = "SVACDecodeConfig")
    default SvacDecodeConfig getSvacDecodeConfig() {
        return configValues().svacDecodeConfig;
    }

    default void setSvacDecodeConfig(SvacDecodeConfig svacDecodeConfig) {
        configValues().svacDecodeConfig = svacDecodeConfig;
    }

    @JsonProperty(index = 5)
    @JacksonXmlProperty(localName = "VideoParamAttribute")
    default ConfigSection getVideoParamAttribute() {
        return configValues().videoParamAttribute;
    }

    default void setVideoParamAttribute(ConfigSection videoParamAttribute) {
        configValues().videoParamAttribute = videoParamAttribute;
    }

    @JsonProperty(index = 6)
    @JacksonXmlProperty(localName = "VideoRecordPlan")
    default ConfigSection getVideoRecordPlan() {
        return configValues().videoRecordPlan;
    }

    default void setVideoRecordPlan(ConfigSection videoRecordPlan) {
        configValues().videoRecordPlan = videoRecordPlan;
    }

    @JsonProperty(index = 7)
    @JacksonXmlProperty(localName = "VideoAlarmRecord")
    default ConfigSection getVideoAlarmRecord() {
        return configValues().videoAlarmRecord;
    }

    default void setVideoAlarmRecord(ConfigSection videoAlarmRecord) {
        configValues().videoAlarmRecord = videoAlarmRecord;
    }

    @JsonProperty(index = 8)
    @JacksonXmlProperty(localName = "PictureMask")
    default ConfigSection getPictureMask() {
        return configValues().pictureMask;
    }

    default void setPictureMask(ConfigSection pictureMask) {
        configValues().pictureMask = pictureMask;
    }

    @JsonProperty(index = 9)
    @JacksonXmlProperty(localName = "FrameMirror")
    default String getFrameMirror() {
        return configValues().frameMirror;
    }

    default void setFrameMirror(String frameMirror) {
        configValues().frameMirror = frameMirror;
    }

    @JsonProperty(index = 10)
    @JacksonXmlProperty(localName = "AlarmReport")
    default ConfigSection getAlarmReport() {
        return configValues().alarmReport;
    }

    default void setAlarmReport(ConfigSection alarmReport) {
        configValues().alarmReport = alarmReport;
    }

    @JsonProperty(index = 11)
    @JacksonXmlProperty(localName = "OSDConfig")
    default ConfigSection getOsdConfig() {
        return configValues().osdConfig;
    }

    default void setOsdConfig(ConfigSection osdConfig) {
        configValues().osdConfig = osdConfig;
    }

    @JsonProperty(index = 12)
    @JacksonXmlProperty(localName = "SnapShotConfig")
    default SnapShotConfig getSnapShotConfig() {
        return configValues().snapShotConfig;
    }

    default void setSnapShotConfig(SnapShotConfig snapShotConfig) {
        configValues().snapShotConfig = snapShotConfig;
    }

    /** The section values of one message; only the accessors of {@link DeviceConfigSections} reach them. */
    final class Values {
        private BasicParam basicParam;
        private VideoParamOpt videoParamOpt;
        private SvacEncodeConfig svacEncodeConfig;
        private SvacDecodeConfig svacDecodeConfig;
        private ConfigSection videoParamAttribute;
        private ConfigSection videoRecordPlan;
        private ConfigSection videoAlarmRecord;
        private ConfigSection pictureMask;
        private String frameMirror;
        private ConfigSection alarmReport;
        private ConfigSection osdConfig;
        private SnapShotConfig snapShotConfig;
    }
}
