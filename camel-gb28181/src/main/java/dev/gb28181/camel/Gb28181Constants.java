package dev.gb28181.camel;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the gb28181 component. Their values are part of the public contract
 * (routes and other languages match on them), so they never change.
 */
public final class Gb28181Constants {

    @Metadata(label = "consumer", description = "The 20-digit ID of the device the event is about"
            + " (GB/T 28181-2016 Annex D).", javaType = "String", important = true)
    public static final String DEVICE_ID = "CamelGb28181DeviceId";

    @Metadata(description = "The 20-digit ID of a channel (camera) of the device.", javaType = "String")
    public static final String CHANNEL_ID = "CamelGb28181ChannelId";

    @Metadata(label = "consumer", description = "The event type, the same word as the body's eventType: REGISTERED,"
            + " REFRESHED, UNREGISTERED, EXPIRED, KEEPALIVE, ONLINE or OFFLINE.", javaType = "String", important = true)
    public static final String EVENT_TYPE = "CamelGb28181EventType";

    @Metadata(description = "The MANSCDP command type (CmdType, GB/T 28181-2016 Annex A), e.g. Catalog.",
            javaType = "String")
    public static final String CMD_TYPE = "CamelGb28181CmdType";

    @Metadata(description = "The MANSCDP sequence number (SN) of a command and its answer.", javaType = "String")
    public static final String SN = "CamelGb28181Sn";

    @Metadata(description = "The SIP Call-ID of a media session (RFC 3261 section 8.1.1.4).", javaType = "String")
    public static final String CALL_ID = "CamelGb28181CallId";

    @Metadata(description = "The stream ID of a media session.", javaType = "String")
    public static final String STREAM_ID = "CamelGb28181StreamId";

    @Metadata(description = "The RTP SSRC of a media session (GB/T 28181-2016 Annex F).", javaType = "String")
    public static final String SSRC = "CamelGb28181Ssrc";

    @Metadata(label = "consumer", description = "The host:port the device last spoke from (after NAT), when known.",
            javaType = "String")
    public static final String REMOTE_ADDRESS = "CamelGb28181RemoteAddress";

    @Metadata(label = "consumer", description = "The SIP transport the device used: UDP or TCP, when known.",
            javaType = "String")
    public static final String TRANSPORT = "CamelGb28181Transport";

    @Metadata(description = "The codec of a media frame: H264, H265, ...", javaType = "String")
    public static final String CODEC = "CamelGb28181Codec";

    @Metadata(description = "The presentation timestamp of a media frame (90 kHz clock).", javaType = "long")
    public static final String PTS = "CamelGb28181Pts";

    @Metadata(description = "Whether a media frame is a key frame.", javaType = "boolean")
    public static final String KEY_FRAME = "CamelGb28181KeyFrame";

    private Gb28181Constants() {
    }
}
