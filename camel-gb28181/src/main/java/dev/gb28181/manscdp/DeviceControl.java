package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Commands a device (GB/T 28181-2016 §9.3.1, Annex A.2.3.1; 2022 additions): usually one command per
 * message: {@code PTZCmd} (Annex A.3 hex), {@code TeleBoot} (Boot), {@code RecordCmd}
 * (Record/StopRecord), {@code GuardCmd} (SetGuard/ResetGuard), {@code AlarmCmd} (ResetAlarm),
 * {@code IFrameCmd} (Send; WVP and devices following it write {@code IFameCmd}, read as the same),
 * {@code DragZoomIn}/{@code DragZoomOut}, {@code HomePosition}, and from 2022 {@code PTZPreciseCtrl},
 * {@code FormatSDCard}, {@code TargetTrack}, {@code DeviceUpgrade}. Answered by a
 * {@link DeviceControlResponse} where the standard asks for one.
 */
public final class DeviceControl extends ManscdpControl {

    @JacksonXmlProperty(localName = "PTZCmd")
    private String ptzCmd;

    @JacksonXmlProperty(localName = "TeleBoot")
    private String teleBoot;

    @JacksonXmlProperty(localName = "RecordCmd")
    private String recordCmd;

    @JacksonXmlProperty(localName = "GuardCmd")
    private String guardCmd;

    @JacksonXmlProperty(localName = "AlarmCmd")
    private String alarmCmd;

    @JacksonXmlProperty(localName = "IFrameCmd")
    private String iframeCmd;

    @JacksonXmlProperty(localName = "DragZoomIn")
    private DragZoom dragZoomIn;

    @JacksonXmlProperty(localName = "DragZoomOut")
    private DragZoom dragZoomOut;

    @JacksonXmlProperty(localName = "HomePosition")
    private HomePosition homePosition;

    @JacksonXmlProperty(localName = "PTZPreciseCtrl")
    private PtzPreciseCtrl ptzPreciseCtrl;

    @JacksonXmlProperty(localName = "FormatSDCard")
    private Integer formatSdCard;

    @JacksonXmlProperty(localName = "TargetTrack")
    private String targetTrack;

    @JacksonXmlProperty(localName = "DeviceUpgrade")
    private DeviceUpgrade deviceUpgrade;

    @JacksonXmlProperty(localName = "Info")
    private ControlInfo info;

    public DeviceControl() {
        super("DeviceControl");
    }

    public String getPtzCmd() {
        return ptzCmd;
    }

    public void setPtzCmd(String ptzCmd) {
        this.ptzCmd = ptzCmd;
    }

    public String getTeleBoot() {
        return teleBoot;
    }

    public void setTeleBoot(String teleBoot) {
        this.teleBoot = teleBoot;
    }

    public String getRecordCmd() {
        return recordCmd;
    }

    public void setRecordCmd(String recordCmd) {
        this.recordCmd = recordCmd;
    }

    public String getGuardCmd() {
        return guardCmd;
    }

    public void setGuardCmd(String guardCmd) {
        this.guardCmd = guardCmd;
    }

    public String getAlarmCmd() {
        return alarmCmd;
    }

    public void setAlarmCmd(String alarmCmd) {
        this.alarmCmd = alarmCmd;
    }

    public String getIframeCmd() {
        return iframeCmd;
    }

    public void setIframeCmd(String iframeCmd) {
        this.iframeCmd = iframeCmd;
    }

    public DragZoom getDragZoomIn() {
        return dragZoomIn;
    }

    public void setDragZoomIn(DragZoom dragZoomIn) {
        this.dragZoomIn = dragZoomIn;
    }

    public DragZoom getDragZoomOut() {
        return dragZoomOut;
    }

    public void setDragZoomOut(DragZoom dragZoomOut) {
        this.dragZoomOut = dragZoomOut;
    }

    public HomePosition getHomePosition() {
        return homePosition;
    }

    public void setHomePosition(HomePosition homePosition) {
        this.homePosition = homePosition;
    }

    public PtzPreciseCtrl getPtzPreciseCtrl() {
        return ptzPreciseCtrl;
    }

    public void setPtzPreciseCtrl(PtzPreciseCtrl ptzPreciseCtrl) {
        this.ptzPreciseCtrl = ptzPreciseCtrl;
    }

    public Integer getFormatSdCard() {
        return formatSdCard;
    }

    public void setFormatSdCard(Integer formatSdCard) {
        this.formatSdCard = formatSdCard;
    }

    public String getTargetTrack() {
        return targetTrack;
    }

    public void setTargetTrack(String targetTrack) {
        this.targetTrack = targetTrack;
    }

    public DeviceUpgrade getDeviceUpgrade() {
        return deviceUpgrade;
    }

    public void setDeviceUpgrade(DeviceUpgrade deviceUpgrade) {
        this.deviceUpgrade = deviceUpgrade;
    }

    public ControlInfo getInfo() {
        return info;
    }

    public void setInfo(ControlInfo info) {
        this.info = info;
    }

    /** Reads the {@code IFameCmd} misspelling some devices and platforms write as {@code IFrameCmd}. */
    @JacksonXmlProperty(localName = "IFameCmd")
    void setIFameCmd(String value) {
        if (iframeCmd == null) {
            iframeCmd = value;
        }
    }
}
