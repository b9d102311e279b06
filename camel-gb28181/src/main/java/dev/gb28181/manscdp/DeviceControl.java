package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Commands a device (GB/T 28181-2016 §9.3, Annex A.2.3; 2022 additions): usually one command per
 * message: {@code PTZCmd} (Annex A.3 hex), {@code TeleBoot} (Boot), {@code RecordCmd}
 * (Record/StopRecord), {@code GuardCmd} (SetGuard/ResetGuard), {@code AlarmCmd} (ResetAlarm),
 * {@code IFameCmd} (Send: a key frame now; the standard's spelling, written as such; {@code IFrameCmd},
 * which some devices and platforms write, is read as the same),
 * {@code DragZoomIn}/{@code DragZoomOut}, {@code HomePosition}, and from 2022 {@code PTZPreciseCtrl},
 * {@code FormatSDCard}, {@code TargetTrack}, {@code DeviceUpgrade}. Answered by a
 * {@link DeviceControlResponse} where the standard asks for one ({@link #expectsResponse()}). A 2022
 * {@code TargetTrack} (Auto, Manual, Stop) may come with {@code DeviceID2} and {@code TargetArea}.
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

    @JacksonXmlProperty(localName = "IFameCmd")
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

    @JacksonXmlProperty(localName = "DeviceID2")
    private String deviceId2;

    @JacksonXmlProperty(localName = "TargetArea")
    private DragZoom targetArea;

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

    /** Forces a key frame ({@code Send}); the XML element is {@code IFameCmd}, as the standard spells it. */
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

    /** The ball camera that tracks in a gun-ball linkage (2022 TargetTrack's {@code DeviceID2}). */
    public String getDeviceId2() {
        return deviceId2;
    }

    public void setDeviceId2(String deviceId2) {
        this.deviceId2 = deviceId2;
    }

    /** The target's rectangle for a manual TargetTrack (2022 {@code TargetArea}, laid out like a DragZoom). */
    public DragZoom getTargetArea() {
        return targetArea;
    }

    public void setTargetArea(DragZoom targetArea) {
        this.targetArea = targetArea;
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

    /**
     * {@code true} when the message holds a command GB/T 28181-2016 §9.3.1 answers with a Response:
     * RecordCmd, GuardCmd, AlarmCmd, HomePosition; GB/T 28181-2022 §9.3.1 adds DeviceUpgrade. PTZCmd,
     * TeleBoot, IFameCmd, DragZoomIn/Out and the 2022 PTZPreciseCtrl, FormatSDCard and TargetTrack are
     * answered with the 200 alone.
     */
    @Override
    public boolean expectsResponse() {
        return recordCmd != null || guardCmd != null || alarmCmd != null || homePosition != null
                || deviceUpgrade != null;
    }

    /** Reads {@code IFrameCmd}, the corrected spelling some devices and platforms write for {@code IFameCmd}. */
    @JacksonXmlProperty(localName = "IFrameCmd")
    void setIFrameCmdSpelling(String value) {
        if (iframeCmd == null) {
            iframeCmd = value;
        }
    }
}
