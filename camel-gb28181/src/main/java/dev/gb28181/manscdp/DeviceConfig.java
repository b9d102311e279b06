package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Changes a device's configuration (GB/T 28181-2016 §9.3, Annex A.2.3; 2022 sections added):
 * BasicParam (name, expiration, keepalive interval and count), SVAC encoder/decoder settings and the
 * 2022 sections. Answered by a {@link DeviceConfigResponse}.
 */
public final class DeviceConfig extends ManscdpControl {

    @JacksonXmlProperty(localName = "BasicParam")
    private BasicParam basicParam;

    @JacksonXmlProperty(localName = "VideoParamOpt")
    private VideoParamOpt videoParamOpt;

    @JacksonXmlProperty(localName = "SVACEncodeConfig")
    private SvacEncodeConfig svacEncodeConfig;

    @JacksonXmlProperty(localName = "SVACDecodeConfig")
    private SvacDecodeConfig svacDecodeConfig;

    @JacksonXmlProperty(localName = "VideoParamAttribute")
    private ConfigSection videoParamAttribute;

    @JacksonXmlProperty(localName = "VideoRecordPlan")
    private ConfigSection videoRecordPlan;

    @JacksonXmlProperty(localName = "VideoAlarmRecord")
    private ConfigSection videoAlarmRecord;

    @JacksonXmlProperty(localName = "PictureMask")
    private ConfigSection pictureMask;

    @JacksonXmlProperty(localName = "FrameMirror")
    private String frameMirror;

    @JacksonXmlProperty(localName = "AlarmReport")
    private ConfigSection alarmReport;

    @JacksonXmlProperty(localName = "OSDConfig")
    private ConfigSection osdConfig;

    @JacksonXmlProperty(localName = "SnapShotConfig")
    private SnapShotConfig snapShotConfig;

    public DeviceConfig() {
        super("DeviceConfig");
    }

    /** Always: GB/T 28181-2016 §9.3.1 answers every DeviceConfig with a {@link DeviceConfigResponse}. */
    @Override
    public boolean expectsResponse() {
        return true;
    }

    public BasicParam getBasicParam() {
        return basicParam;
    }

    public void setBasicParam(BasicParam basicParam) {
        this.basicParam = basicParam;
    }

    public VideoParamOpt getVideoParamOpt() {
        return videoParamOpt;
    }

    public void setVideoParamOpt(VideoParamOpt videoParamOpt) {
        this.videoParamOpt = videoParamOpt;
    }

    public SvacEncodeConfig getSvacEncodeConfig() {
        return svacEncodeConfig;
    }

    public void setSvacEncodeConfig(SvacEncodeConfig svacEncodeConfig) {
        this.svacEncodeConfig = svacEncodeConfig;
    }

    public SvacDecodeConfig getSvacDecodeConfig() {
        return svacDecodeConfig;
    }

    public void setSvacDecodeConfig(SvacDecodeConfig svacDecodeConfig) {
        this.svacDecodeConfig = svacDecodeConfig;
    }

    public ConfigSection getVideoParamAttribute() {
        return videoParamAttribute;
    }

    public void setVideoParamAttribute(ConfigSection videoParamAttribute) {
        this.videoParamAttribute = videoParamAttribute;
    }

    public ConfigSection getVideoRecordPlan() {
        return videoRecordPlan;
    }

    public void setVideoRecordPlan(ConfigSection videoRecordPlan) {
        this.videoRecordPlan = videoRecordPlan;
    }

    public ConfigSection getVideoAlarmRecord() {
        return videoAlarmRecord;
    }

    public void setVideoAlarmRecord(ConfigSection videoAlarmRecord) {
        this.videoAlarmRecord = videoAlarmRecord;
    }

    public ConfigSection getPictureMask() {
        return pictureMask;
    }

    public void setPictureMask(ConfigSection pictureMask) {
        this.pictureMask = pictureMask;
    }

    public String getFrameMirror() {
        return frameMirror;
    }

    public void setFrameMirror(String frameMirror) {
        this.frameMirror = frameMirror;
    }

    public ConfigSection getAlarmReport() {
        return alarmReport;
    }

    public void setAlarmReport(ConfigSection alarmReport) {
        this.alarmReport = alarmReport;
    }

    public ConfigSection getOsdConfig() {
        return osdConfig;
    }

    public void setOsdConfig(ConfigSection osdConfig) {
        this.osdConfig = osdConfig;
    }

    public SnapShotConfig getSnapShotConfig() {
        return snapShotConfig;
    }

    public void setSnapShotConfig(SnapShotConfig snapShotConfig) {
        this.snapShotConfig = snapShotConfig;
    }
}
