package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.InviteRequest;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SessionType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gb28181:invite}: opens a media session with a device's channel (GB/T 28181-2016 §9.2 live
 * play, §9.8 playback, §9.9 download; SDP of Annex F) and makes the established
 * {@link MediaSession} the reply body, with its Call-ID, stream ID, SSRC and mode as headers. The
 * session's frames then flow to {@code gb28181:rtp} consumers; {@code gb28181:bye} or the device's
 * BYE ends it.
 *
 * <p>Every value (mode, media transport, recording times, download speed) is checked before anything
 * is sent: a bad option fails the route's start, a bad header fails the exchange with an
 * {@link IllegalArgumentException}. A refused INVITE fails the exchange with
 * {@code SipStatusException} (its status), no answer with {@code ManscdpTimeoutException}, an
 * unknown or offline device at once with {@code DeviceUnavailableException}.
 *
 * <p>The platform keeps one live (PLAY) session per channel and answers a second PLAY invite with it; each
 * successful invite is one hold of the session ({@link MediaSession#holders()}), and the BYE goes to the
 * device when the last hold is given back. When the producer stops (its route or the context stops) it gives
 * back the holds it still has, as the subscribe producer ends its subscriptions: a session no one else holds
 * ends with BYE (the platform, which outlives the producer, takes the devices' answers), one that another
 * route still plays goes on. A {@code gb28181:bye} on the exchange gives back the hold its invite took, so the
 * stop does not give it back twice ({@link MediaHolds}). Asynchronous like {@link Gb28181QueryProducer}.
 */
public class Gb28181InviteProducer extends Gb28181Producer {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181InviteProducer.class);

    public Gb28181InviteProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    /**
     * Wrong options fail the route's start rather than every exchange: an unknown mode or media
     * transport, a time that does not parse, a download speed below 1, and, when the options make a
     * complete request, one the standard does not allow (a start not before the end, a download speed
     * on a live session).
     */
    @Override
    protected void doStart() throws Exception {
        request(new DefaultMessage(endpoint.getCamelContext()), true);
        super.doStart();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Gb28181Platform platform;
        String deviceId;
        String channelId;
        InviteRequest request;
        try {
            Message in = exchange.getMessage();
            deviceId = Gb28181Exchanges.deviceId(in, endpoint);
            channelId = in.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class);
            if (channelId == null || channelId.isBlank()) {
                throw new IllegalArgumentException("gb28181:invite needs the channel to open a session with: the "
                        + "channelId option or the " + Gb28181Constants.CHANNEL_ID + " header");
            }
            request = request(in, false);
            platform = endpoint.getComponent().getPlatform();
        } catch (RuntimeException e) {
            return Gb28181Exchanges.failed(exchange, callback, e);
        }
        return Gb28181Exchanges.whenAnswered(endpoint, exchange, callback, platform.invite(deviceId, channelId,
                request), session -> {
                    keep(platform, exchange, session);
                    reply(exchange.getMessage(), session);
                });
    }

    /**
     * Records the hold the invite took, for the exchange's bye and the producer's stop; one taken while stopping
     * is given back at once, unless the stop, running concurrently, gave it back already.
     */
    private void keep(Gb28181Platform platform, Exchange exchange, MediaSession session) {
        MediaHolds holds = endpoint.getComponent().mediaHolds();
        MediaHolds.Hold hold = holds.take(session, this);
        exchange.setProperty(MediaHolds.PROPERTY, hold);
        if (!isRunAllowed() && holds.forget(hold)) {
            release(platform, session);
        }
    }

    /** Gives back every hold this producer still has; stopping never waits for a device. */
    @Override
    protected void doStop() throws Exception {
        Gb28181Platform platform = endpoint.getComponent().platformOrNull();
        for (MediaHolds.Hold hold : endpoint.getComponent().mediaHolds().releaseAll(this)) {
            if (platform != null) {
                release(platform, hold.session);
            }
        }
        super.doStop();
    }

    private static void release(Gb28181Platform platform, MediaSession session) {
        if (!session.isActive()) {
            return;
        }
        platform.bye(session.callId()).whenComplete((ended, failure) -> {
            if (failure != null) {
                LOG.debug("Ending media session {} failed: {}", session, Gb28181Exchanges.cause(failure).toString());
            }
        });
    }

    /**
     * The request {@code in} asks for, headers winning over options. At route start ({@code atStart}) each
     * option is checked, and the whole request only when the options make one the headers need not
     * complete (a history mode with its times, or no times).
     */
    private InviteRequest request(Message in, boolean atStart) {
        SessionType mode = mode(in.getHeader(Gb28181Constants.MODE, endpoint.getMode(), String.class));
        MediaTransport transport = transport(in.getHeader(Gb28181Constants.MEDIA_TRANSPORT,
                endpoint.getMediaTransport(), String.class));
        LocalDateTime start = Gb28181Queries.time(in, Gb28181Constants.START_TIME, "startTime",
                endpoint.getStartTime());
        LocalDateTime end = Gb28181Queries.time(in, Gb28181Constants.END_TIME, "endTime", endpoint.getEndTime());
        Integer speed = in.getHeader(Gb28181Constants.DOWNLOAD_SPEED, endpoint.getDownloadSpeed(), Integer.class);
        if (speed != null && speed < 1) {
            throw new IllegalArgumentException("gb28181:invite: downloadSpeed must be 1 or more, not " + speed);
        }
        if (atStart && (mode.isHistory() ? start == null || end == null : start != null || end != null)) {
            return null; // the headers may complete the request or choose another mode
        }
        ZoneId zone = ZoneId.systemDefault();
        try {
            return new InviteRequest(mode, transport, instant(start, zone), instant(end, zone),
                    speed == null ? 0 : speed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gb28181:invite: " + e.getMessage(), e);
        }
    }

    /** Local time as the instant the request carries (Annex F t= is in epoch seconds). */
    private static Instant instant(LocalDateTime time, ZoneId zone) {
        return time == null ? null : time.atZone(zone).toInstant();
    }

    private static SessionType mode(String name) {
        for (SessionType mode : SessionType.values()) {
            if (mode != SessionType.TALK && mode.name().equalsIgnoreCase(name.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("gb28181:invite: unknown mode '" + name
                + "'; expected play, playback or download");
    }

    private static MediaTransport transport(String name) {
        try {
            return MediaTransport.fromOptionName(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gb28181:invite: " + e.getMessage(), e);
        }
    }

    /** The session as reply: body and the headers a route needs to control or end it. */
    private static void reply(Message out, MediaSession session) {
        out.setBody(session);
        Gb28181Exchanges.setSessionHeaders(out, session);
        out.setHeader(Gb28181Constants.MEDIA_TRANSPORT, session.transport().optionName());
    }
}
