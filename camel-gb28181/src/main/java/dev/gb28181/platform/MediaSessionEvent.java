package dev.gb28181.platform;

import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SessionType;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * A media session began or ended (GB/T 28181-2016 §9.2 live, §9.8 playback, §9.9 download), and why it ended:
 * so a route learns that a playback reached the end of its file (MediaStatus 121, §9.8.3), that a camera
 * stopped streaming, its media connection broke, or that the device hung up. A live PLAY shared by several holders
 * ({@link MediaSession#holders()}) starts and ends once: SESSION_ENDED when its last holder released it or it ended
 * for all of them. Kind {@link EventKind#MESSAGE}.
 *
 * @param deviceId      the device
 * @param eventType     {@link #SESSION_STARTED} or {@link #SESSION_ENDED}
 * @param timestamp     when it happened
 * @param channelId     the channel
 * @param callId        the INVITE dialog's Call-ID
 * @param streamId      the session's stream ID ({@link MediaSession#streamId()})
 * @param ssrc          the session's SSRC, 10 digits
 * @param mode          PLAY, PLAYBACK or DOWNLOAD
 * @param transport     UDP, TCP_PASSIVE or TCP_ACTIVE
 * @param reason        why it ended, {@code null} for SESSION_STARTED
 * @param rtpPackets    RTP packets received (0 when started)
 * @param rtpBytes      RTP payload bytes received
 * @param rtpLost       RTP packets never received
 * @param videoFrames   video access units demultiplexed from the PS
 * @param audioFrames   audio frames demultiplexed from the PS
 * @param droppedFrames video frames dropped (before the first key frame, after a gap)
 */
public record MediaSessionEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, String channelId, String callId,
        String streamId, String ssrc, SessionType mode, MediaTransport transport, Reason reason, long rtpPackets,
        long rtpBytes, long rtpLost, long videoFrames, long audioFrames, long droppedFrames) implements PlatformEvent {

    public static final String SESSION_STARTED = "SESSION_STARTED";
    public static final String SESSION_ENDED = "SESSION_ENDED";

    /** Why a media session ended. */
    public enum Reason {
        /** The platform sent BYE: its last holder released the session ({@link Gb28181Platform#bye}). */
        BYE,
        /** The device sent BYE. */
        DEVICE_BYE,
        /** The device reported the end of the file (MediaStatus NotifyType 121, §9.8.3); the platform sent BYE. */
        END_OF_FILE,
        /** No RTP arrived for {@link PlatformConfig#mediaTimeout()}; the platform sent BYE. */
        NO_MEDIA,
        /** A MANSRTSP TEARDOWN ({@link Gb28181Platform#playControl}); the platform sent BYE. */
        TEARDOWN,
        /** The platform stopped; it sent BYE. */
        STOPPED,
        /**
         * The media transport broke: the session's TCP media connection (RFC 4571, TCP passive or active) was closed
         * or reset without a BYE from the device (none within half a second); the platform sent BYE. A UDP stream
         * that stops ends with {@link #NO_MEDIA}.
         */
        FAILED
    }

    @Override
    public EventKind kind() {
        return EventKind.MESSAGE;
    }
}
