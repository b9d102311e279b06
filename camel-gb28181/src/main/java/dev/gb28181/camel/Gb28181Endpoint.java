package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;

import java.util.Map;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Turn the application into a GB/T 28181 video surveillance platform: cameras and NVRs register over
 * SIP with digest authentication and send keepalives, routes query them, subscribe to their events,
 * move their cameras, control and configure them and open, control and end their media sessions (live, playback,
 * download), and registrations, online/offline changes, catalogs, alarms, positions, every other MANSCDP message
 * and the video and audio frames of the sessions flow through routes.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181", title = "GB28181", syntax = "gb28181:kind",
        remote = true, category = { Category.NETWORKING, Category.IOT },
        headersClass = Gb28181Constants.class)
public class Gb28181Endpoint extends DefaultEndpoint
        implements AsyncEndpoint, EndpointServiceLocation, MultipleConsumersSupport {

    /**
     * What the endpoint does: the family of device events it consumes (register, keepalive, status,
     * catalog, alarm, mobileposition, message), the media frames it consumes (rtp) or the commands it
     * sends (query, subscribe, ptz, control, invite, playcontrol, bye).
     */
    @UriPath(enums = "register,keepalive,status,catalog,alarm,mobileposition,message,rtp,query,subscribe,ptz,"
            + "control,invite,playcontrol,bye")
    @Metadata(required = true)
    private final Gb28181Kind kind;

    /**
     * The 20-digit device ID: a consumer receives only this device's events (all devices when not
     * set); a producer sends to this device unless the CamelGb28181DeviceId header names another.
     */
    @UriParam
    private String deviceId;

    /**
     * The channel (camera, alarm input) a query, PTZ command or control is about: it becomes the
     * message's DeviceID, sent through the device; the camera an invite opens a session with. The
     * CamelGb28181ChannelId header wins. rtp: only the frames of this channel's sessions.
     */
    @UriParam
    private String channelId;

    /**
     * rtp: only the frames of this media session (deviceId_channelId live, deviceId_channelId_ssrc
     * playback and download). bye, playcontrol: the session to end (a shared live one: one of its holds) or control when neither the
     * CamelGb28181CallId nor the CamelGb28181StreamId header names one.
     */
    @UriParam
    private String streamId;

    /**
     * bye, playcontrol: the SIP Call-ID of the session to end (a shared live one: one of its holds) or control; the CamelGb28181CallId and
     * CamelGb28181StreamId headers win.
     */
    @UriParam(label = "producer")
    private String callId;

    /**
     * invite: the session to open, play (live, GB/T 28181-2016 §9.2), playback (§9.8, needs startTime
     * and endTime) or download (§9.9, needs startTime and endTime); the CamelGb28181Mode header wins.
     */
    @UriParam(label = "producer", enums = "play,playback,download", defaultValue = "play")
    private String mode = "play";

    /**
     * invite: how RTP travels (GB/T 28181-2016 Annex F): udp, tcp-passive (the device connects to the
     * platform) or tcp-active (the platform connects to the device); the CamelGb28181MediaTransport
     * header wins.
     */
    @UriParam(label = "producer", enums = "udp,tcp-passive,tcp-active", defaultValue = "udp")
    private String mediaTransport = "udp";

    /**
     * invite download: the multiple of real time the device sends at (a=downloadspeed, §9.9); the
     * CamelGb28181DownloadSpeed header wins.
     */
    @UriParam(label = "producer")
    private Integer downloadSpeed;

    /**
     * playcontrol scale: the playback speed, e.g. 0.5, 2.0 or 4.0 (MANSRTSP Scale, GB/T 28181-2016
     * Annex B); the CamelGb28181Scale header wins.
     */
    @UriParam(label = "producer")
    private Double scale;

    /**
     * playcontrol seek: the position to play from, in seconds from the start of the recording (MANSRTSP
     * Range npt, Annex B); the CamelGb28181Position header wins.
     */
    @UriParam(label = "producer")
    private Long position;

    /**
     * rtp: what each exchange carries: es, one video access unit (Annex-B, start codes included) or
     * audio frame demultiplexed from the PS; ps, the PS bytes of one RTP frame (up to the marker) as
     * the device sent them (GB/T 28181-2016 Annex C).
     */
    @UriParam(label = "consumer", enums = "es,ps", defaultValue = "es")
    private String format = "es";

    /**
     * rtp: after the last frame of each session it routed, one more exchange with an empty body and the
     * CamelGb28181EndOfStream header true, on the same ordered thread, so it reaches the route after every
     * frame of the session that was not dropped and is never dropped itself while the route runs (a stopping
     * route's queue is worked off for Camel's shutdown-await time, 10 s by default). For closing what the frames
     * fed (a recording file) without racing the SESSION_ENDED event of gb28181:message. Sent once per
     * session, when the session ends (for any reason: BYE of either side, MediaStatus 121, no media,
     * TEARDOWN, the platform stopping) or when the consumer stops first; after a restart the session's next
     * frames begin a new stream, ended in turn.
     */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean endOfStream;

    /**
     * The command to send. query: the query (GB/T 28181-2016 §9.5, 2022 additions) Catalog, DeviceInfo,
     * DeviceStatus, RecordInfo, Alarm, ConfigDownload, PresetQuery, MobilePosition, HomePositionQuery,
     * CruiseTrackListQuery, CruiseTrackQuery, PTZPosition or SDCardStatus (the CamelGb28181CmdType
     * header wins, a ManscdpQuery body wins over both). ptz: a raw PTZCmd of 16 hex characters
     * (Annex A.3) sent instead of an action (the CamelGb28181PtzCmd header wins). control: TeleBoot,
     * Record, StopRecord, SetGuard, ResetGuard, ResetAlarm, IFrame, DragZoomIn, DragZoomOut,
     * HomePosition, DeviceConfig, PTZPreciseCtrl, FormatSDCard, TargetTrack or DeviceUpgrade (§9.3,
     * Annex A.2.3; the CamelGb28181ControlCmd header wins, a ManscdpControl body wins over both).
     */
    @UriParam(label = "producer")
    private String cmd;

    /**
     * RecordInfo and Alarm queries, playback and download invites: the start of the time range,
     * ISO-8601 with or without an offset, the GB form 2024-01-31T08:00:00 in local time, or epoch
     * seconds.
     */
    @UriParam(label = "producer")
    private String startTime;

    /** RecordInfo and Alarm queries, playback and download invites: the end of the time range, as startTime. */
    @UriParam(label = "producer")
    private String endTime;

    /** RecordInfo query: the record type. */
    @UriParam(label = "producer", enums = "all,time,alarm,manual")
    private String type;

    /** RecordInfo query: the file path. */
    @UriParam(label = "producer")
    private String filePath;

    /**
     * RecordInfo query: the recording address. ptz: the device address 0-4095 written into the
     * PTZCmd (GB/T 28181-2016 Annex A.3.1; default 0, the DeviceID picks the target).
     */
    @UriParam(label = "producer")
    private String address;

    /** RecordInfo query: the secrecy, 0 not secret or 1 secret. */
    @UriParam(label = "producer")
    private Integer secrecy;

    /** RecordInfo query: the ID of the recorder that made the records. */
    @UriParam(label = "producer")
    private String recorderId;

    /** Alarm query: the lowest alarm priority, 0 all or 1-4. */
    @UriParam(label = "producer")
    private String startAlarmPriority;

    /** Alarm query: the highest alarm priority, 0 all or 1-4. */
    @UriParam(label = "producer")
    private String endAlarmPriority;

    /**
     * Alarm query and subscription, ResetAlarm control: the alarm method, 0 all, 1 phone, 2 device,
     * 3 SMS, 4 GPS, 5 video, 6 device fault, 7 other.
     */
    @UriParam(label = "producer")
    private String alarmMethod;

    /** Alarm query and subscription, ResetAlarm control: the alarm type (GB/T 28181-2016 Annex A.2.5). */
    @UriParam(label = "producer")
    private String alarmType;

    /**
     * ConfigDownload query: the configuration types, e.g. BasicParam, VideoParamOpt, SVACEncodeConfig,
     * SVACDecodeConfig, several separated by /.
     */
    @UriParam(label = "producer")
    private String configType;

    /** MobilePosition query and subscription: the reporting interval in seconds. */
    @UriParam(label = "producer")
    private Integer interval;

    /**
     * ptz: the PTZ action (GB/T 28181-2016 Annex A.3); the CamelGb28181PtzAction header wins.
     * playcontrol: pause, resume, seek, scale or teardown (MANSRTSP, Annex B); the
     * CamelGb28181PlayAction header wins.
     */
    @UriParam(label = "producer", enums = "stop,up,down,left,right,upleft,upright,downleft,downright,zoomin,zoomout,"
            + "focusnear,focusfar,irisopen,irisclose,fistop,presetset,presetcall,presetdelete,cruiseadd,cruisedelete,"
            + "cruisespeed,cruisedwell,cruisestart,scanstart,scanleft,scanright,scanspeed,auxon,auxoff,pause,resume,seek,"
            + "scale,teardown")
    private String action;

    /** ptz: pan/tilt speed of directions, focus or iris speed, 0-255 (Annex A.3.2, A.3.3). */
    @UriParam(label = "producer", defaultValue = "128")
    private Integer speed;

    /** ptz: zoom speed, 0-15 (Annex A.3.2). */
    @UriParam(label = "producer", defaultValue = "8")
    private Integer zoomSpeed;

    /**
     * ptz: the preset number, 1-255, of presetset, presetcall, presetdelete, cruiseadd and
     * cruisedelete (A.3.4, A.3.5).
     */
    @UriParam(label = "producer")
    private Integer preset;

    /** ptz: the cruise or scan group, 0-255 (A.3.5, A.3.6). */
    @UriParam(label = "producer", defaultValue = "0")
    private Integer group;

    /**
     * ptz: the 12-bit value, 0-4095, of cruisespeed, cruisedwell (seconds) and scanspeed (A.3.5,
     * A.3.6).
     */
    @UriParam(label = "producer")
    private Integer value;

    /** ptz: the auxiliary switch of auxon and auxoff, 0-255; 1 is the wiper (A.3.7). */
    @UriParam(label = "producer", defaultValue = "1")
    private Integer aux;

    /**
     * DragZoomIn, DragZoomOut, TargetTrack control: the width in pixels of the playing window (Annex
     * A.2.3).
     */
    @UriParam(label = "producer")
    private Integer length;

    /** DragZoomIn, DragZoomOut, TargetTrack control: the height in pixels of the playing window. */
    @UriParam(label = "producer")
    private Integer width;

    /** DragZoomIn, DragZoomOut, TargetTrack control: the x of the rectangle's centre. */
    @UriParam(label = "producer")
    private Integer midPointX;

    /** DragZoomIn, DragZoomOut, TargetTrack control: the y of the rectangle's centre. */
    @UriParam(label = "producer")
    private Integer midPointY;

    /** DragZoomIn, DragZoomOut, TargetTrack control: the rectangle's width in pixels. */
    @UriParam(label = "producer")
    private Integer lengthX;

    /** DragZoomIn, DragZoomOut, TargetTrack control: the rectangle's height in pixels. */
    @UriParam(label = "producer")
    private Integer lengthY;

    /** HomePosition control: 1 enables the home position, 0 disables it (Annex A.2.3). */
    @UriParam(label = "producer")
    private Integer enabled;

    /** HomePosition control: seconds of idleness before the camera returns home. */
    @UriParam(label = "producer")
    private Integer resetTime;

    /** HomePosition control: the preset that is the home position. */
    @UriParam(label = "producer")
    private Integer presetIndex;

    /** DeviceConfig control: the device name (BasicParam, Annex A.2.3). */
    @UriParam(label = "producer")
    private String name;

    /** DeviceConfig control: the registration expiry in seconds (BasicParam). */
    @UriParam(label = "producer")
    private Integer expiration;

    /** DeviceConfig control: the keepalive interval in seconds (BasicParam). */
    @UriParam(label = "producer")
    private Integer heartBeatInterval;

    /**
     * DeviceConfig control: how many keepalives may be missed before the device is offline
     * (BasicParam).
     */
    @UriParam(label = "producer")
    private Integer heartBeatCount;

    /** PTZPreciseCtrl control: the pan position in degrees (GB/T 28181-2022 Annex A.2.3). */
    @UriParam(label = "producer")
    private Double pan;

    /** PTZPreciseCtrl control: the tilt position in degrees. */
    @UriParam(label = "producer")
    private Double tilt;

    /** PTZPreciseCtrl control: the zoom factor. */
    @UriParam(label = "producer")
    private Double zoom;

    /** FormatSDCard control: the number of the SD card to format (GB/T 28181-2022 Annex A.2.3). */
    @UriParam(label = "producer", defaultValue = "1")
    private Integer sdCardIndex;

    /**
     * TargetTrack control: Auto, Manual or Stop (GB/T 28181-2022 Annex A.2.3); Manual takes the
     * target's rectangle from the DragZoom options.
     */
    @UriParam(label = "producer", enums = "Auto,Manual,Stop")
    private String targetTrack;

    /** TargetTrack control: the ball camera that tracks in a gun-ball linkage (DeviceID2). */
    @UriParam(label = "producer")
    private String deviceId2;

    /** DeviceUpgrade control: the firmware version to install (GB/T 28181-2022 Annex A.2.3). */
    @UriParam(label = "producer")
    private String firmware;

    /** DeviceUpgrade control: the URL the device downloads the firmware from. */
    @UriParam(label = "producer")
    private String fileUrl;

    /** DeviceUpgrade control: the manufacturer of the firmware. */
    @UriParam(label = "producer")
    private String manufacturer;

    /** DeviceUpgrade control: the session ID the upgrade result notification will name. */
    @UriParam(label = "producer")
    private String sessionId;

    /** The event a subscribe endpoint subscribes to; the CamelGb28181Event header wins. */
    @UriParam(label = "producer", enums = "Catalog,Alarm,MobilePosition")
    private String event;

    /**
     * The lifetime in seconds a subscribe endpoint asks for (SIP Expires); the platform renews it
     * before it ends, until the route stops.
     */
    @UriParam(label = "producer", defaultValue = "3600")
    private int expires = 3600;

    /**
     * The number of threads that route the events of this endpoint. The events of one device (rtp: the
     * frames of one session) always go to the same thread, so they reach the route in the order the
     * platform saw them.
     */
    @UriParam(label = "consumer", defaultValue = "4")
    private int concurrentConsumers = 4;

    /**
     * How many events may wait per routing thread. When a thread's queue is full, new events for it
     * are dropped, logged and counted (droppedEvents in JMX) so that a stalled route never holds up
     * the SIP side or the RTP event loops; rtp then skips the session's frames up to its next key frame.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "10000")
    private int eventQueueSize = 10_000;

    public Gb28181Endpoint(String uri, Gb28181Component component, Gb28181Kind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    /** The producer of a producer kind; a consumer kind refuses with a message that says where it belongs. */
    @Override
    public Producer createProducer() {
        return switch (kind) {
            case QUERY -> new Gb28181QueryProducer(this);
            case SUBSCRIBE -> new Gb28181SubscribeProducer(this);
            case PTZ, CONTROL -> new Gb28181ControlProducer(this);
            case INVITE -> new Gb28181InviteProducer(this);
            case PLAYCONTROL -> new Gb28181PlayControlProducer(this);
            case BYE -> new Gb28181ByeProducer(this);
            default -> throw new UnsupportedOperationException("gb28181:" + kind
                    + " is consumer-only; use it in from(\"gb28181:" + kind + "\"), not in to(...)");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!kind.isConsumer()) {
            throw new UnsupportedOperationException("gb28181:" + kind + " is producer-only; use it in to(\"gb28181:"
                    + kind + "\"), not in from(...)");
        }
        if (concurrentConsumers < 1 || eventQueueSize < 1) {
            throw new IllegalArgumentException("gb28181:" + kind
                    + " needs concurrentConsumers and eventQueueSize of at least 1");
        }
        DefaultConsumer consumer = kind == Gb28181Kind.RTP ? new Gb28181RtpConsumer(this, processor)
                : new Gb28181Consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Every consumer listens to the platform on its own, so several routes may consume one URI. */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    public String getServiceUrl() {
        Gb28181Configuration configuration = getComponent().getConfiguration();
        String host = configuration.getAdvertisedHost() != null ? configuration.getAdvertisedHost()
                : configuration.getHost();
        Gb28181Platform platform = getComponent().platformOrNull();
        int port = platform != null && platform.isSipBound() ? platform.sipPort() : configuration.getPort();
        return host + ":" + port;
    }

    @Override
    public String getServiceProtocol() {
        return "sip";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("sipId", getComponent().getConfiguration().getSipId(),
                "transports", getComponent().getConfiguration().getTransports());
    }

    public Gb28181Kind getKind() {
        return kind;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getEventQueueSize() {
        return eventQueueSize;
    }

    public void setEventQueueSize(int eventQueueSize) {
        this.eventQueueSize = eventQueueSize;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getCmd() {
        return cmd;
    }

    public void setCmd(String cmd) {
        this.cmd = cmd;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFilePath() {
        return filePath;
    }

    public void setFilePath(String filePath) {
        this.filePath = filePath;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Integer secrecy) {
        this.secrecy = secrecy;
    }

    public String getRecorderId() {
        return recorderId;
    }

    public void setRecorderId(String recorderId) {
        this.recorderId = recorderId;
    }

    public String getStartAlarmPriority() {
        return startAlarmPriority;
    }

    public void setStartAlarmPriority(String startAlarmPriority) {
        this.startAlarmPriority = startAlarmPriority;
    }

    public String getEndAlarmPriority() {
        return endAlarmPriority;
    }

    public void setEndAlarmPriority(String endAlarmPriority) {
        this.endAlarmPriority = endAlarmPriority;
    }

    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    public String getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(String alarmType) {
        this.alarmType = alarmType;
    }

    public String getConfigType() {
        return configType;
    }

    public void setConfigType(String configType) {
        this.configType = configType;
    }

    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public int getExpires() {
        return expires;
    }

    public void setExpires(int expires) {
        this.expires = expires;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public Integer getSpeed() {
        return speed;
    }

    public void setSpeed(Integer speed) {
        this.speed = speed;
    }

    public Integer getZoomSpeed() {
        return zoomSpeed;
    }

    public void setZoomSpeed(Integer zoomSpeed) {
        this.zoomSpeed = zoomSpeed;
    }

    public Integer getPreset() {
        return preset;
    }

    public void setPreset(Integer preset) {
        this.preset = preset;
    }

    public Integer getGroup() {
        return group;
    }

    public void setGroup(Integer group) {
        this.group = group;
    }

    public Integer getValue() {
        return value;
    }

    public void setValue(Integer value) {
        this.value = value;
    }

    public Integer getAux() {
        return aux;
    }

    public void setAux(Integer aux) {
        this.aux = aux;
    }

    public Integer getLength() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getMidPointX() {
        return midPointX;
    }

    public void setMidPointX(Integer midPointX) {
        this.midPointX = midPointX;
    }

    public Integer getMidPointY() {
        return midPointY;
    }

    public void setMidPointY(Integer midPointY) {
        this.midPointY = midPointY;
    }

    public Integer getLengthX() {
        return lengthX;
    }

    public void setLengthX(Integer lengthX) {
        this.lengthX = lengthX;
    }

    public Integer getLengthY() {
        return lengthY;
    }

    public void setLengthY(Integer lengthY) {
        this.lengthY = lengthY;
    }

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getExpiration() {
        return expiration;
    }

    public void setExpiration(Integer expiration) {
        this.expiration = expiration;
    }

    public Integer getHeartBeatInterval() {
        return heartBeatInterval;
    }

    public void setHeartBeatInterval(Integer heartBeatInterval) {
        this.heartBeatInterval = heartBeatInterval;
    }

    public Integer getHeartBeatCount() {
        return heartBeatCount;
    }

    public void setHeartBeatCount(Integer heartBeatCount) {
        this.heartBeatCount = heartBeatCount;
    }

    public Double getPan() {
        return pan;
    }

    public void setPan(Double pan) {
        this.pan = pan;
    }

    public Double getTilt() {
        return tilt;
    }

    public void setTilt(Double tilt) {
        this.tilt = tilt;
    }

    public Double getZoom() {
        return zoom;
    }

    public void setZoom(Double zoom) {
        this.zoom = zoom;
    }

    public Integer getSdCardIndex() {
        return sdCardIndex;
    }

    public void setSdCardIndex(Integer sdCardIndex) {
        this.sdCardIndex = sdCardIndex;
    }

    public String getTargetTrack() {
        return targetTrack;
    }

    public void setTargetTrack(String targetTrack) {
        this.targetTrack = targetTrack;
    }

    public String getDeviceId2() {
        return deviceId2;
    }

    public void setDeviceId2(String deviceId2) {
        this.deviceId2 = deviceId2;
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public String getFileUrl() {
        return fileUrl;
    }

    public void setFileUrl(String fileUrl) {
        this.fileUrl = fileUrl;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getStreamId() {
        return streamId;
    }

    public void setStreamId(String streamId) {
        this.streamId = streamId;
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getMediaTransport() {
        return mediaTransport;
    }

    public void setMediaTransport(String mediaTransport) {
        this.mediaTransport = mediaTransport;
    }

    public Integer getDownloadSpeed() {
        return downloadSpeed;
    }

    public void setDownloadSpeed(Integer downloadSpeed) {
        this.downloadSpeed = downloadSpeed;
    }

    public Double getScale() {
        return scale;
    }

    public void setScale(Double scale) {
        this.scale = scale;
    }

    public Long getPosition() {
        return position;
    }

    public void setPosition(Long position) {
        this.position = position;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public boolean isEndOfStream() {
        return endOfStream;
    }

    public void setEndOfStream(boolean endOfStream) {
        this.endOfStream = endOfStream;
    }
}
