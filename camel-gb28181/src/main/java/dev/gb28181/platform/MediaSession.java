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

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One established media session (GB/T 28181-2016 §9.2 live, §9.8 playback, §9.9 download): the
 * INVITE dialog with a device's channel, the SSRC the RTP carries ({@code y=} of Annex F: the
 * device's answer when it gave one, else the offer), the local media address and the device's SDP
 * answer. Ended by {@link Gb28181Platform#bye(String)}, by a BYE from the device or by
 * {@link Gb28181Platform#stop()}. Thread-safe.
 */
public final class MediaSession {

    private final String callId;
    private final String deviceId;
    private final String channelId;
    private final InviteRequest request;
    private final String ssrc;
    private final InetSocketAddress localMedia;
    private final GbSdp answer;
    final Dialog dialog;
    final Transport sipTransport;
    final InetSocketAddress sipAddress;
    final RtpReceiver receiver;
    final PsDemuxer demuxer;
    final String offeredSsrc;
    final int port;
    final AtomicBoolean closed = new AtomicBoolean();

    MediaSession(String deviceId, String channelId, InviteRequest request, String ssrc, String offeredSsrc,
            InetSocketAddress localMedia, GbSdp answer, Dialog dialog, Transport sipTransport,
            InetSocketAddress sipAddress, RtpReceiver receiver, PsDemuxer demuxer, int port) {
        this.callId = dialog.callId();
        this.deviceId = deviceId;
        this.channelId = channelId;
        this.request = request;
        this.ssrc = ssrc;
        this.offeredSsrc = offeredSsrc;
        this.localMedia = localMedia;
        this.answer = answer;
        this.dialog = dialog;
        this.sipTransport = sipTransport;
        this.sipAddress = sipAddress;
        this.receiver = receiver;
        this.demuxer = demuxer;
        this.port = port;
    }

    /** The Call-ID of the INVITE dialog: the session's identity ({@link Gb28181Platform#bye}). */
    public String callId() {
        return callId;
    }

    public String deviceId() {
        return deviceId;
    }

    public String channelId() {
        return channelId;
    }

    public SessionType mode() {
        return request.mode();
    }

    public MediaTransport transport() {
        return request.transport();
    }

    /** The session's SSRC, 10 decimal digits (Annex F {@code y=}): the device's when it answered one. */
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

    /** The device's SDP answer of the 200 OK. */
    public GbSdp answer() {
        return answer;
    }

    /** The RTP counters of this session (received, lost, wrong source, malformed). */
    public RtpStats rtpStats() {
        return receiver.stats();
    }

    /** false once the session ended. */
    public boolean isActive() {
        return !closed.get();
    }

    @Override
    public String toString() {
        return "MediaSession[" + callId + ' ' + request.mode() + ' ' + deviceId + '/' + channelId + " ssrc " + ssrc
                + ' ' + request.transport().optionName() + ' ' + localMedia + ']';
    }
}
