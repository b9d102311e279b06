package dev.gb28181.platform;

import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.media.ps.PsDemuxer;
import dev.gb28181.media.rtp.RtpReceiver;
import dev.gb28181.media.rtp.RtpStats;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SessionType;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.dialog.Dialog;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import io.netty.util.Timeout;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One established media session (GB/T 28181-2016 §9.2 live, §9.8 playback, §9.9 download): the
 * INVITE dialog with a device's channel, the SSRC the RTP carries ({@code y=} of Annex F: the
 * device's answer when it gave one, else the offer), the local media address and the device's SDP
 * answer. Ended by {@link Gb28181Platform#bye(String)} (of its last holder, see {@link #holders()}), by a BYE
 * from the device, by the end of its file (MediaStatus 121, §9.8.3), by a MANSRTSP TEARDOWN, when no media
 * arrives for {@link PlatformConfig#mediaTimeout()}, when its TCP media connection breaks, or by
 * {@link Gb28181Platform#stop()}; the end emits one {@link MediaSessionEvent}. Thread-safe.
 *
 * <p>Serialises to JSON (Jackson) with the fields callId, streamId, deviceId, channelId, mode, transport, ssrc,
 * localMediaHost, localMediaPort, deviceSdp, active, holders and startTime (ISO-8601): the reply of an INVITE in
 * a route or a REST API.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"callId", "streamId", "deviceId", "channelId", "mode", "transport", "ssrc", "localMediaHost",
        "localMediaPort", "deviceSdp", "active", "holders", "startTime"})
public final class MediaSession {

    private final String callId;
    private final String deviceId;
    private final String channelId;
    private final InviteRequest request;
    private final String ssrc;
    private final InetSocketAddress localMedia;
    private final String localMediaHost;
    private final GbSdp answer;
    private final String deviceSdp;
    private final String streamId;
    private final Instant startTime = Instant.now();
    final Dialog dialog;
    final Transport sipTransport;
    final InetSocketAddress sipAddress;
    final RtpReceiver receiver;
    final PsDemuxer demuxer;
    final MediaSessions.FrameSink sink;
    final String offeredSsrc;
    final int port;
    final AtomicBoolean closed = new AtomicBoolean();
    /** The holds on the session ({@link #holders()}); 0 once its last hold was released or it ended. */
    private final AtomicInteger holders = new AtomicInteger(1);
    /** The CSeq of the next MANSRTSP request (Annex B). */
    final AtomicLong controlSeq = new AtomicLong(1);
    /** Paused by MANSRTSP PAUSE: no media expected until the next PLAY. */
    volatile boolean paused;
    /** SESSION_STARTED was emitted, so its end is announced too. */
    volatile boolean announced;
    /** The no-media check's next run, and what it saw (timer thread; PLAY resets the time). */
    volatile Timeout watchdog;
    volatile long lastPackets;
    volatile long lastMediaNanos;

    MediaSession(String deviceId, String channelId, InviteRequest request, String ssrc, String offeredSsrc,
            InetSocketAddress localMedia, String localMediaHost, GbSdp answer, String deviceSdp, Dialog dialog, Transport sipTransport,
            InetSocketAddress sipAddress, RtpReceiver receiver, PsDemuxer demuxer, MediaSessions.FrameSink sink,
            int port) {
        this.callId = dialog.callId();
        this.deviceId = deviceId;
        this.channelId = channelId;
        this.request = request;
        this.ssrc = ssrc;
        this.offeredSsrc = offeredSsrc;
        this.localMedia = localMedia;
        this.localMediaHost = localMediaHost;
        this.answer = answer;
        this.deviceSdp = deviceSdp;
        this.streamId = streamId(deviceId, channelId, request.mode(), ssrc);
        this.dialog = dialog;
        this.sipTransport = sipTransport;
        this.sipAddress = sipAddress;
        this.receiver = receiver;
        this.demuxer = demuxer;
        this.sink = sink;
        this.port = port;
    }

    /** {@code <deviceId>_<channelId>} for PLAY (one live stream per channel), else with {@code _<ssrc>}. */
    static String streamId(String deviceId, String channelId, SessionType mode, String ssrc) {
        return mode == SessionType.PLAY ? deviceId + '_' + channelId : deviceId + '_' + channelId + '_' + ssrc;
    }

    /** The Call-ID of the INVITE dialog: the session's identity ({@link Gb28181Platform#bye}). */
    @JsonProperty
    public String callId() {
        return callId;
    }

    /**
     * The name of the stream: {@code <deviceId>_<channelId>} for live video (PLAY; one per channel),
     * {@code <deviceId>_<channelId>_<ssrc>} for PLAYBACK and DOWNLOAD (many per channel). Finds the session like
     * the Call-ID ({@link Gb28181Platform#mediaSession}).
     */
    @JsonProperty
    public String streamId() {
        return streamId;
    }

    @JsonProperty
    public String deviceId() {
        return deviceId;
    }

    @JsonProperty
    public String channelId() {
        return channelId;
    }

    @JsonProperty
    public SessionType mode() {
        return request.mode();
    }

    @JsonProperty
    public MediaTransport transport() {
        return request.transport();
    }

    /** What was asked of the device (mode, transport, time range, download speed). */
    public InviteRequest request() {
        return request;
    }

    /** When the session was established (the device's 200 OK). */
    @JsonProperty
    @JsonSerialize(using = ToStringSerializer.class)
    public Instant startTime() {
        return startTime;
    }

    /** The session's SSRC, 10 decimal digits (Annex F {@code y=}): the device's when it answered one. */
    @JsonProperty
    public String ssrc() {
        return ssrc;
    }

    /** The SSRC's value in the RTP header. */
    public long wireSsrc() {
        return SsrcAllocator.wireValue(ssrc);
    }

    /** The local media socket: where UDP and TCP passive media arrive, the local end of TCP active. */
    public InetSocketAddress localMediaAddress() {
        return localMedia;
    }

    /** The media host the platform offered in its SDP ({@code c=}; TCP active: the local end's address). */
    @JsonProperty
    public String localMediaHost() {
        return localMediaHost;
    }

    /** The local media port: where UDP (the shared port with {@link PlatformConfig#mediaSharedPort()}) and TCP
     * passive media arrive, the local end of TCP active. */
    @JsonProperty
    public int localMediaPort() {
        return localMedia.getPort();
    }

    /** The device's SDP answer of the 200 OK. */
    public GbSdp answer() {
        return answer;
    }

    /** The text of the device's SDP answer, as received. */
    @JsonProperty
    public String deviceSdp() {
        return deviceSdp;
    }

    /** The RTP counters of this session (received, lost, wrong source, malformed). */
    public RtpStats rtpStats() {
        return receiver.stats();
    }

    /** false once the session ended. */
    @JsonProperty("active")
    public boolean isActive() {
        return !closed.get();
    }

    /**
     * How many holds the session has: each successful INVITE of a live PLAY of its channel, the first and every
     * one that joined it, is one hold, and {@link Gb28181Platform#bye} releases one; the BYE goes to the device
     * with the last. Always 1 for a playback or download (never shared), 0 once the session ended.
     */
    @JsonProperty
    public int holders() {
        return holders.get();
    }

    /** One more hold for a PLAY that joins the session; false when it is ending (its last hold went, or it ended). */
    boolean hold() {
        int h;
        do {
            h = holders.get();
            if (h == 0 || closed.get()) {
                return false;
            }
        } while (!holders.compareAndSet(h, h + 1));
        return true;
    }

    /**
     * Gives back one hold; true when it was the last (the caller ends the session), false when others remain or
     * none was left (the session had ended). From the last release on, {@link #hold()} fails.
     */
    boolean release() {
        int h;
        do {
            h = holders.get();
            if (h == 0) {
                return false;
            }
        } while (!holders.compareAndSet(h, h - 1));
        return h == 1;
    }

    /** The session ended for every holder. */
    void dropHolders() {
        holders.set(0);
    }

    @Override
    public String toString() {
        return "MediaSession[" + callId + ' ' + request.mode() + ' ' + deviceId + '/' + channelId + " ssrc " + ssrc
                + ' ' + request.transport().optionName() + ' ' + localMedia + ']';
    }
}
