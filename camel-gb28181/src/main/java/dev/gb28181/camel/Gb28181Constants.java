package dev.gb28181.camel;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the gb28181 component. Their values are part of the public contract
 * (routes and other languages match on them), so they never change.
 */
public final class Gb28181Constants {

    @Metadata(description = "The 20-digit ID of the device (GB/T 28181-2016 Annex D): the device an event is about,"
            + " or on a producer the device to send to (wins over the deviceId option).", javaType = "String",
            important = true)
    public static final String DEVICE_ID = "CamelGb28181DeviceId";

    @Metadata(description = "The 20-digit ID of a channel (camera, alarm input) of the device: on events the DeviceID"
            + " of the message when it is not the device's own; on the query, ptz and control producers the DeviceID of"
            + " the command (wins over the channelId option).", javaType = "String")
    public static final String CHANNEL_ID = "CamelGb28181ChannelId";

    @Metadata(label = "consumer", description = "The event type, the same word as the body's eventType: REGISTERED,"
            + " REFRESHED, UNREGISTERED, EXPIRED, KEEPALIVE, ONLINE, OFFLINE, CATALOG, ALARM, MOBILE_POSITION,"
            + " the CmdType of other MANSCDP messages in UPPER_SNAKE (MEDIA_STATUS, ...) or a subscription change"
            + " (SUBSCRIBED, RENEWED, REFUSED, EXPIRED, TERMINATED).", javaType = "String", important = true)
    public static final String EVENT_TYPE = "CamelGb28181EventType";

    @Metadata(description = "The MANSCDP command type (CmdType, GB/T 28181-2016 Annex A), e.g. Catalog: of the"
            + " message an event carries, of a query's answer, or on the query producer the query to send (wins"
            + " over the cmd option).", javaType = "String")
    public static final String CMD_TYPE = "CamelGb28181CmdType";

    @Metadata(description = "The MANSCDP sequence number (SN) of a message, or of a query and its answer.",
            javaType = "Long")
    public static final String SN = "CamelGb28181Sn";

    @Metadata(label = "producer", description = "Whether all SumNum items of a split answer (Catalog, RecordInfo;"
            + " GB/T 28181-2016 Annex N) arrived; false when parts stopped coming and the answer is partial.",
            javaType = "Boolean")
    public static final String COMPLETE = "CamelGb28181Complete";

    @Metadata(label = "producer", description = "The SumNum a device announced for a split answer (Annex N).",
            javaType = "Integer")
    public static final String SUM_NUM = "CamelGb28181SumNum";

    @Metadata(label = "producer", description = "How many distinct items of a split answer arrived (Annex N).",
            javaType = "Integer")
    public static final String RECEIVED = "CamelGb28181Received";

    @Metadata(label = "producer", description = "RecordInfo and Alarm queries, playback and download invites: the"
            + " start of the time range (ISO-8601 text with or without an offset, the GB form 2024-01-31T08:00:00 in"
            + " local time, epoch seconds, LocalDateTime or Instant; wins over the startTime option).",
            javaType = "Object")
    public static final String START_TIME = "CamelGb28181StartTime";

    @Metadata(label = "producer", description = "RecordInfo and Alarm queries, playback and download invites: the"
            + " end of the time range (the forms of CamelGb28181StartTime; wins over the endTime option).",
            javaType = "Object")
    public static final String END_TIME = "CamelGb28181EndTime";

    @Metadata(label = "producer", description = "RecordInfo query: the record type, all, time, alarm or manual"
            + " (wins over the type option).", javaType = "String")
    public static final String TYPE = "CamelGb28181Type";

    @Metadata(label = "producer", description = "RecordInfo query: the file path (wins over the filePath option).",
            javaType = "String")
    public static final String FILE_PATH = "CamelGb28181FilePath";

    @Metadata(label = "producer", description = "RecordInfo query: the recording address; ptz: the device address"
            + " 0-4095 written into the PTZCmd (wins over the address option).", javaType = "String")
    public static final String ADDRESS = "CamelGb28181Address";

    @Metadata(label = "producer", description = "RecordInfo query: the secrecy, 0 not secret or 1 secret (wins over"
            + " the secrecy option).", javaType = "Integer")
    public static final String SECRECY = "CamelGb28181Secrecy";

    @Metadata(label = "producer", description = "RecordInfo query: the ID of the recorder (wins over the recorderId"
            + " option).", javaType = "String")
    public static final String RECORDER_ID = "CamelGb28181RecorderId";

    @Metadata(label = "producer", description = "Alarm query: the lowest alarm priority, 0 all or 1-4 (wins over"
            + " the startAlarmPriority option).", javaType = "String")
    public static final String START_ALARM_PRIORITY = "CamelGb28181StartAlarmPriority";

    @Metadata(label = "producer", description = "Alarm query: the highest alarm priority, 0 all or 1-4 (wins over"
            + " the endAlarmPriority option).", javaType = "String")
    public static final String END_ALARM_PRIORITY = "CamelGb28181EndAlarmPriority";

    @Metadata(label = "producer", description = "Alarm query and subscription, ResetAlarm control: the alarm method, 0"
            + " all, 1 phone, 2 device, 3 SMS, 4 GPS, 5 video, 6 device fault, 7 other (wins over the alarmMethod"
            + " option).", javaType = "String")
    public static final String ALARM_METHOD = "CamelGb28181AlarmMethod";

    @Metadata(label = "producer", description = "Alarm query and subscription, ResetAlarm control: the alarm type (wins"
            + " over the alarmType option).", javaType = "String")
    public static final String ALARM_TYPE = "CamelGb28181AlarmType";

    @Metadata(label = "producer", description = "ConfigDownload query: the configuration types, e.g. BasicParam"
            + " or BasicParam/VideoParamOpt (wins over the configType option).", javaType = "String")
    public static final String CONFIG_TYPE = "CamelGb28181ConfigType";

    @Metadata(label = "producer", description = "MobilePosition query and subscription: the reporting interval in"
            + " seconds (wins over the interval option).", javaType = "Integer")
    public static final String INTERVAL = "CamelGb28181Interval";

    @Metadata(description = "Subscribe producer: the event to subscribe to, Catalog, Alarm or MobilePosition (wins"
            + " over the event option), also set on the reply; on subscription events of the message consumer the"
            + " SIP event package.", javaType = "String")
    public static final String EVENT = "CamelGb28181Event";

    @Metadata(description = "Subscribe producer: the subscription lifetime in seconds to ask (wins over the expires"
            + " option); on the reply and on subscription events the lifetime the device granted.", javaType = "Long")
    public static final String EXPIRES = "CamelGb28181Expires";

    @Metadata(label = "producer", description = "ptz: the action, e.g. up, zoomin, presetcall, stop (wins over the"
            + " action option).", javaType = "String")
    public static final String PTZ_ACTION = "CamelGb28181PtzAction";

    @Metadata(label = "producer", description = "ptz: pan/tilt, focus or iris speed 0-255 (wins over the speed"
            + " option).", javaType = "Integer")
    public static final String SPEED = "CamelGb28181Speed";

    @Metadata(label = "producer", description = "ptz: zoom speed 0-15 (wins over the zoomSpeed option).",
            javaType = "Integer")
    public static final String ZOOM_SPEED = "CamelGb28181ZoomSpeed";

    @Metadata(label = "producer", description = "ptz: the preset number 1-255 (wins over the preset option).",
            javaType = "Integer")
    public static final String PRESET = "CamelGb28181Preset";

    @Metadata(label = "producer", description = "ptz: the cruise or scan group 0-255 (wins over the group option).",
            javaType = "Integer")
    public static final String GROUP = "CamelGb28181Group";

    @Metadata(label = "producer", description = "ptz: the 12-bit cruise speed, cruise dwell or scan speed 0-4095 (wins"
            + " over the value option).", javaType = "Integer")
    public static final String VALUE = "CamelGb28181Value";

    @Metadata(label = "producer", description = "ptz: the auxiliary switch number 0-255, 1 the wiper (wins over the aux"
            + " option).", javaType = "Integer")
    public static final String AUX = "CamelGb28181Aux";

    @Metadata(label = "producer", description = "ptz: a raw PTZCmd of 16 hex characters to send instead of an action"
            + " (wins over the cmd option); on the reply the PTZCmd that was sent.", javaType = "String")
    public static final String PTZ_CMD = "CamelGb28181PtzCmd";

    @Metadata(label = "producer", description = "control: the command, TeleBoot, Record, StopRecord, SetGuard,"
            + " ResetGuard, ResetAlarm, IFrame, DragZoomIn, DragZoomOut, HomePosition, DeviceConfig, PTZPreciseCtrl,"
            + " FormatSDCard, TargetTrack or DeviceUpgrade (wins over the cmd option).", javaType = "String")
    public static final String CONTROL_CMD = "CamelGb28181ControlCmd";

    @Metadata(label = "producer", description = "control DragZoomIn/DragZoomOut/TargetTrack: the width in pixels of the"
            + " playing window (wins over the length option).", javaType = "Integer")
    public static final String LENGTH = "CamelGb28181Length";

    @Metadata(label = "producer", description = "control DragZoomIn/DragZoomOut/TargetTrack: the height in pixels of"
            + " the playing window (wins over the width option).", javaType = "Integer")
    public static final String WIDTH = "CamelGb28181Width";

    @Metadata(label = "producer", description = "control DragZoomIn/DragZoomOut/TargetTrack: the x of the rectangle's"
            + " centre (wins over the midPointX option).", javaType = "Integer")
    public static final String MID_POINT_X = "CamelGb28181MidPointX";

    @Metadata(label = "producer", description = "control DragZoomIn/DragZoomOut/TargetTrack: the y of the rectangle's"
            + " centre (wins over the midPointY option).", javaType = "Integer")
    public static final String MID_POINT_Y = "CamelGb28181MidPointY";

    @Metadata(label = "producer", description = "control DragZoomIn/DragZoomOut/TargetTrack: the rectangle's width in"
            + " pixels (wins over the lengthX option).", javaType = "Integer")
    public static final String LENGTH_X = "CamelGb28181LengthX";

    @Metadata(label = "producer", description = "control DragZoomIn/DragZoomOut/TargetTrack: the rectangle's height in"
            + " pixels (wins over the lengthY option).", javaType = "Integer")
    public static final String LENGTH_Y = "CamelGb28181LengthY";

    @Metadata(label = "producer", description = "control HomePosition: 1 enables, 0 disables the home position (wins"
            + " over the enabled option).", javaType = "Integer")
    public static final String ENABLED = "CamelGb28181Enabled";

    @Metadata(label = "producer", description = "control HomePosition: seconds of idleness before returning home (wins"
            + " over the resetTime option).", javaType = "Integer")
    public static final String RESET_TIME = "CamelGb28181ResetTime";

    @Metadata(label = "producer", description = "control HomePosition: the preset that is home (wins over the"
            + " presetIndex option).", javaType = "Integer")
    public static final String PRESET_INDEX = "CamelGb28181PresetIndex";

    @Metadata(label = "producer", description = "control DeviceConfig: the device name of BasicParam (wins over the"
            + " name option).", javaType = "String")
    public static final String NAME = "CamelGb28181Name";

    @Metadata(label = "producer", description = "control DeviceConfig: the registration expiry in seconds of BasicParam"
            + " (wins over the expiration option).", javaType = "Integer")
    public static final String EXPIRATION = "CamelGb28181Expiration";

    @Metadata(label = "producer", description = "control DeviceConfig: the keepalive interval in seconds of BasicParam"
            + " (wins over the heartBeatInterval option).", javaType = "Integer")
    public static final String HEART_BEAT_INTERVAL = "CamelGb28181HeartBeatInterval";

    @Metadata(label = "producer", description = "control DeviceConfig: the keepalive timeout count of BasicParam (wins"
            + " over the heartBeatCount option).", javaType = "Integer")
    public static final String HEART_BEAT_COUNT = "CamelGb28181HeartBeatCount";

    @Metadata(label = "producer", description = "control PTZPreciseCtrl: the pan position in degrees (wins over the pan"
            + " option).", javaType = "Double")
    public static final String PAN = "CamelGb28181Pan";

    @Metadata(label = "producer", description = "control PTZPreciseCtrl: the tilt position in degrees (wins over the"
            + " tilt option).", javaType = "Double")
    public static final String TILT = "CamelGb28181Tilt";

    @Metadata(label = "producer", description = "control PTZPreciseCtrl: the zoom factor (wins over the zoom option).",
            javaType = "Double")
    public static final String ZOOM = "CamelGb28181Zoom";

    @Metadata(label = "producer", description = "control FormatSDCard: the number of the SD card to format (wins over"
            + " the sdCardIndex option).", javaType = "Integer")
    public static final String SD_CARD_INDEX = "CamelGb28181SdCardIndex";

    @Metadata(label = "producer", description = "control TargetTrack: Auto, Manual or Stop (wins over the targetTrack"
            + " option).", javaType = "String")
    public static final String TARGET_TRACK = "CamelGb28181TargetTrack";

    @Metadata(label = "producer", description = "control TargetTrack: the ball camera that tracks in a gun-ball linkage"
            + " (wins over the deviceId2 option).", javaType = "String")
    public static final String DEVICE_ID2 = "CamelGb28181DeviceId2";

    @Metadata(label = "producer", description = "control DeviceUpgrade: the firmware version to install (wins over the"
            + " firmware option).", javaType = "String")
    public static final String FIRMWARE = "CamelGb28181Firmware";

    @Metadata(label = "producer", description = "control DeviceUpgrade: where the device downloads the firmware (wins"
            + " over the fileUrl option).", javaType = "String")
    public static final String FILE_URL = "CamelGb28181FileUrl";

    @Metadata(label = "producer", description = "control DeviceUpgrade: the manufacturer of the firmware (wins over the"
            + " manufacturer option).", javaType = "String")
    public static final String MANUFACTURER = "CamelGb28181Manufacturer";

    @Metadata(label = "producer", description = "control DeviceUpgrade: the session the upgrade result will name (wins"
            + " over the sessionId option).", javaType = "String")
    public static final String SESSION_ID = "CamelGb28181SessionId";

    @Metadata(description = "The SIP Call-ID of a media session (RFC 3261 section 8.1.1.4): on the invite reply and"
            + " rtp frames; on the bye and playcontrol producers the session to end (a shared live one: one of its holds) or control (wins over the callId"
            + " and streamId options and the CamelGb28181StreamId header).", javaType = "String")
    public static final String CALL_ID = "CamelGb28181CallId";

    @Metadata(description = "The stream ID of a media session: deviceId_channelId for live play,"
            + " deviceId_channelId_ssrc for playback and download. On the invite reply and rtp frames; on the bye and"
            + " playcontrol producers the session to end (a shared live one: one of its holds) or control (wins over the callId and streamId options).",
            javaType = "String")
    public static final String STREAM_ID = "CamelGb28181StreamId";

    @Metadata(description = "The RTP SSRC of a media session, 10 decimal digits (GB/T 28181-2016 Annex F y=).",
            javaType = "String")
    public static final String SSRC = "CamelGb28181Ssrc";

    @Metadata(description = "The kind of media session: PLAY (live, GB/T 28181-2016 §9.2), PLAYBACK (§9.8) or"
            + " DOWNLOAD (§9.9). On the invite producer the session to open (wins over the mode option).",
            javaType = "String")
    public static final String MODE = "CamelGb28181Mode";

    @Metadata(label = "producer", description = "invite: how RTP travels, udp, tcp-passive (the device connects) or"
            + " tcp-active (the platform connects) (GB/T 28181-2016 Annex F; wins over the mediaTransport option).",
            javaType = "String")
    public static final String MEDIA_TRANSPORT = "CamelGb28181MediaTransport";

    @Metadata(label = "producer", description = "invite download: the multiple of real time the device sends at"
            + " (a=downloadspeed, GB/T 28181-2016 §9.9; wins over the downloadSpeed option).", javaType = "Integer")
    public static final String DOWNLOAD_SPEED = "CamelGb28181DownloadSpeed";

    @Metadata(label = "producer", description = "playcontrol: pause, resume, seek, scale or teardown (MANSRTSP,"
            + " GB/T 28181-2016 Annex B; wins over the action option).", javaType = "String")
    public static final String PLAY_ACTION = "CamelGb28181PlayAction";

    @Metadata(label = "producer", description = "playcontrol scale: the playback speed, e.g. 0.5, 2.0 or 4.0 (Annex"
            + " B Scale; wins over the scale option).", javaType = "Double")
    public static final String SCALE = "CamelGb28181Scale";

    @Metadata(label = "producer", description = "playcontrol seek: the position to play from, in seconds from the"
            + " start of the recording (Annex B Range npt; wins over the position option).", javaType = "Long")
    public static final String POSITION = "CamelGb28181Position";

    @Metadata(label = "consumer", description = "The host:port the device last spoke from (after NAT), when known.",
            javaType = "String")
    public static final String REMOTE_ADDRESS = "CamelGb28181RemoteAddress";

    @Metadata(label = "consumer", description = "The SIP transport the device used: UDP or TCP, when known.",
            javaType = "String")
    public static final String TRANSPORT = "CamelGb28181Transport";

    @Metadata(label = "consumer", description = "rtp: the codec of the frame (GB/T 28181-2016 Annex C.2 stream"
            + " type): H264, H265, MPEG4, SVAC, G711A, G711U or AAC; absent with format=ps.", javaType = "String")
    public static final String CODEC = "CamelGb28181Codec";

    @Metadata(label = "consumer", description = "rtp: the presentation timestamp of the frame (PES PTS, 90 kHz"
            + " clock), -1 when the stream carried none; absent with format=ps.", javaType = "long")
    public static final String PTS = "CamelGb28181Pts";

    @Metadata(label = "consumer", description = "rtp: the decoding timestamp of the frame (PES DTS, 90 kHz clock; the"
            + " PTS when the PES had none), -1 when unknown; absent with format=ps.", javaType = "long")
    public static final String DTS = "CamelGb28181Dts";

    @Metadata(label = "consumer", description = "rtp: whether the frame is a key frame (an IDR or IRAP access unit"
            + " with its parameter sets; audio frames always are); absent with format=ps.", javaType = "boolean")
    public static final String KEY_FRAME = "CamelGb28181KeyFrame";

    @Metadata(label = "consumer", description = "rtp with endOfStream=true: true on the one exchange, with an empty"
            + " body, that follows the last frame of a session; absent on frames.", javaType = "boolean")
    public static final String END_OF_STREAM = "CamelGb28181EndOfStream";

    @Metadata(label = "consumer", description = "rtp end of stream: why the session ended, BYE (the platform),"
            + " DEVICE_BYE, END_OF_FILE (MediaStatus 121), NO_MEDIA, TEARDOWN, STOPPED (the platform stopped) or"
            + " FAILED; absent when the consumer stopped while the session went on.", javaType = "String")
    public static final String END_REASON = "CamelGb28181EndReason";

    @Metadata(label = "consumer", description = "rtp end of stream: the session's SESSION_ENDED event with its"
            + " counters (RTP packets, bytes and lost packets; video, audio and dropped frames); absent when the"
            + " consumer stopped while the session went on.", javaType = "dev.gb28181.platform.MediaSessionEvent")
    public static final String SESSION_ENDED = "CamelGb28181SessionEnded";

    private Gb28181Constants() {
    }
}
