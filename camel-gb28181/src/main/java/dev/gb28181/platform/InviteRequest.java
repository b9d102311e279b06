package dev.gb28181.platform;

import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SessionType;

import java.time.Instant;
import java.util.Objects;

/**
 * What a media session asks of a device (GB/T 28181-2016 §9.2 live play, §9.8 playback, §9.9 download;
 * the SDP of Annex F): the session type, how the RTP travels ({@code m=} UDP or TCP with
 * {@code a=setup}), the recording's time range for history sessions and the download speed.
 *
 * @param mode          PLAY, PLAYBACK or DOWNLOAD
 * @param transport     UDP, TCP passive (the platform listens) or TCP active (the platform connects)
 * @param startTime     start of the recording (PLAYBACK, DOWNLOAD), else {@code null}
 * @param endTime       end of the recording (PLAYBACK, DOWNLOAD), else {@code null}
 * @param downloadSpeed multiple of real time of a DOWNLOAD ({@code a=downloadspeed}), 0 for none
 */
public record InviteRequest(SessionType mode, MediaTransport transport, Instant startTime, Instant endTime,
        int downloadSpeed) {

    public InviteRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(transport, "transport");
        if (mode == SessionType.TALK) {
            throw new IllegalArgumentException("Talk is invited by the device (§9.12), not by the platform");
        }
        if (mode.isHistory() != (startTime != null && endTime != null)) {
            throw new IllegalArgumentException(mode.sdpName() + (mode.isHistory() ? " needs" : " takes no")
                    + " start and end time");
        }
        if (startTime != null && !startTime.isBefore(endTime)) {
            throw new IllegalArgumentException("startTime " + startTime + " is not before endTime " + endTime);
        }
        if (downloadSpeed < 0 || downloadSpeed > 0 && mode != SessionType.DOWNLOAD) {
            throw new IllegalArgumentException("downloadSpeed " + downloadSpeed + " is for DOWNLOAD only, 1 or more");
        }
    }

    /** Live video (§9.2). */
    public static InviteRequest play(MediaTransport transport) {
        return new InviteRequest(SessionType.PLAY, transport, null, null, 0);
    }

    /** A recording played back in real time (§9.8). */
    public static InviteRequest playback(MediaTransport transport, Instant start, Instant end) {
        return new InviteRequest(SessionType.PLAYBACK, transport, start, end, 0);
    }

    /** A recording downloaded at {@code speed} times real time (§9.9). */
    public static InviteRequest download(MediaTransport transport, Instant start, Instant end, int speed) {
        return new InviteRequest(SessionType.DOWNLOAD, transport, start, end, speed);
    }
}
