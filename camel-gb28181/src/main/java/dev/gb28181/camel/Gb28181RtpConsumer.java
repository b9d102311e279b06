package dev.gb28181.camel;

import dev.gb28181.media.MediaFrame;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.MediaListener;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.MediaSessionEvent;
import dev.gb28181.platform.PlatformEvent;
import dev.gb28181.platform.PlatformListener;
import dev.gb28181.platform.PsListener;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gb28181:rtp}: routes the media of every session the platform holds (GB/T 28181-2016 §9.2 live,
 * §9.8 playback, §9.9 download; MPEG-2 PS over RTP, Annex C), one exchange per frame, optionally only
 * those of a device, a channel or one stream. With {@code format=es} (default) the body is one video
 * access unit in Annex-B form (start codes included) or one audio frame as {@code byte[]}, with its
 * codec, PTS, DTS and whether it is a key frame as headers; the first frame of a session is a key frame
 * with its parameter sets. With {@code format=ps} the body is the PS of one RTP frame (the payloads up
 * to the marker) as the device sent it. Every exchange names the session: device, channel, Call-ID,
 * stream ID, SSRC and mode.
 *
 * <p>The platform calls this consumer on the session's RTP event loop, which serves many sessions; a
 * route that blocked it would stall all of them. So, as camel-netty does with its ordered executor
 * ({@code usingExecutorService}), the consumer only hands the frame over and returns: each session's
 * frames go to one of {@code concurrentConsumers} single-thread workers chosen by its Call-ID, so they
 * reach the route in order while sessions are routed in parallel. A worker holds at most
 * {@code eventQueueSize} frames: when the route falls behind, further frames are dropped and counted
 * ({@link #getDroppedFrames()}) rather than held in memory or blocking the event loop, and with
 * {@code format=es} the session's frames are then skipped up to its next key frame, so the route never
 * sees a frame whose reference is missing. The frame's bytes are not copied for {@code es}; routes must
 * not modify them.
 *
 * <p>With {@code endOfStream=true} each session this consumer routed a frame of gets one more exchange, with
 * an empty body and {@code CamelGb28181EndOfStream} true, once the session ended or the consumer stops. Its
 * order is by construction, not timing: the platform emits a session's SESSION_ENDED after its receiver closed,
 * on the RTP event loop after the session's last frame reached the listeners (so after this consumer queued
 * it), and the end goes on the session's worker behind those frames. It is queued even when the worker's queue
 * is full ({@link Gb28181Workers#put}; one per session bounds that), so a slow route loses frames but never the
 * end of a stream.
 */
@ManagedResource(description = "Managed GB28181 media frame consumer")
public class Gb28181RtpConsumer extends Gb28181WorkerConsumer implements MediaListener, PsListener {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181RtpConsumer.class);
    private static final long LOG_DROPS_EVERY = 1000;

    private final String deviceId;
    private final String channelId;
    private final String streamId;
    private final boolean ps;
    private final boolean endOfStream;
    /** endOfStream: the sessions a frame was accepted of, by Call-ID, until their end is queued. */
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    /** endOfStream: the SESSION_ENDED events of the platform end the streams. */
    private final PlatformListener sessionEnds = this::onSessionEvent;
    /** Set when detached: the streams are ended and no new one begins. */
    private volatile boolean detached;
    private final LongAdder dropped = new LongAdder();
    /** es: the sessions that lost a frame and wait for a key frame; touched on the RTP event loops. */
    private final Set<MediaSession> awaitingKeyFrame = ConcurrentHashMap.newKeySet();

    public Gb28181RtpConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.deviceId = endpoint.getDeviceId();
        this.channelId = endpoint.getChannelId();
        this.streamId = endpoint.getStreamId();
        String format = endpoint.getFormat() == null ? "" : endpoint.getFormat().trim().toLowerCase(Locale.ROOT);
        if (!format.equals("es") && !format.equals("ps")) {
            throw new IllegalArgumentException("gb28181:rtp: format must be es or ps, not " + endpoint.getFormat());
        }
        this.ps = format.equals("ps");
        this.endOfStream = endpoint.isEndOfStream();
    }

    @Override
    protected void attach(Gb28181Platform running) {
        streams.clear(); // a frame that raced the last stop can have begun a stream; nothing of it was queued
        detached = false;
        if (endOfStream) {
            running.addListener(sessionEnds); // before the frames: no session's end is missed
        }
        if (ps) {
            running.addPsListener(this);
        } else {
            running.addMediaListener(this);
        }
    }

    @Override
    protected void detach(Gb28181Platform running) {
        if (ps) {
            running.removePsListener(this);
        } else {
            running.removeMediaListener(this);
        }
        if (endOfStream) {
            running.removeListener(sessionEnds);
            detached = true;
            streams.values().forEach(stream -> end(stream, null)); // the workers still run: behind the frames
            streams.clear();
        }
        awaitingKeyFrame.clear();
    }

    @Override
    protected long dropped() {
        return dropped.sum();
    }

    /** On the session's RTP event loop: filters, hands the frame to the session's worker and returns. */
    @Override
    public void onFrame(MediaSession session, MediaFrame frame) {
        if (accepts(session)) {
            inStream(session, () -> frame(session, frame));
        }
    }

    private void frame(MediaSession session, MediaFrame frame) {
        boolean video = frame.codec().isVideo();
        if (video && !awaitingKeyFrame.isEmpty() && awaitingKeyFrame.contains(session)) {
            if (!frame.keyFrame()) {
                dropped.increment();
                return;
            }
            awaitingKeyFrame.remove(session);
        }
        if (!hand(session, () -> route(session, frame)) && video) {
            awaitingKeyFrame.removeIf(waiting -> !waiting.isActive());
            awaitingKeyFrame.add(session);
        }
    }

    /** On the session's RTP event loop: copies the PS frame (valid only during the call) and hands it over. */
    @Override
    public void onPs(MediaSession session, ByteBuf frame) {
        if (accepts(session)) {
            inStream(session, () -> {
                byte[] bytes = ByteBufUtil.getBytes(frame);
                hand(session, () -> route(session, bytes, null));
            });
        }
    }

    /**
     * Runs {@code handOver} (which queues a frame) at once, or with endOfStream under the guard of the session's
     * stream, begun at its first accepted frame: no frame is queued after the stream's end, nor once detached.
     */
    private void inStream(MediaSession session, Runnable handOver) {
        if (!endOfStream) {
            handOver.run();
            return;
        }
        if (detached) {
            return;
        }
        Stream stream = streams.computeIfAbsent(session.callId(), id -> new Stream(session));
        synchronized (stream) {
            if (!stream.ended) {
                handOver.run();
            }
        }
    }

    /**
     * endOfStream, on the thread that emitted the event: the RTP event loop after the session's last frame (or,
     * when the receiver had closed already, the thread that ended the session).
     */
    private void onSessionEvent(PlatformEvent event) {
        if (event instanceof MediaSessionEvent ended && MediaSessionEvent.SESSION_ENDED.equals(ended.eventType())) {
            Stream stream = streams.remove(ended.callId());
            if (stream != null) {
                end(stream, ended);
            }
        }
    }

    /**
     * Queues the stream's end behind its frames, once: {@code ended} is the session's SESSION_ENDED, {@code null}
     * when the consumer stops first. Never dropped: a full worker queue takes it all the same.
     */
    private void end(Stream stream, MediaSessionEvent ended) {
        synchronized (stream) {
            if (stream.ended) {
                return;
            }
            stream.ended = true;
            awaitingKeyFrame.remove(stream.session);
            Gb28181Workers running = workers();
            if (running == null) {
                return;
            }
            try {
                running.put(stream.session.callId(), () -> routeEnd(stream.session, ended));
            } catch (RejectedExecutionException e) {
                LOG.debug("The end of {} is not routed: the workers of {} stopped", stream.session, endpoint);
            }
        }
    }

    private boolean accepts(MediaSession session) {
        return (deviceId == null || deviceId.equals(session.deviceId()))
                && (channelId == null || channelId.equals(session.channelId()))
                && (streamId == null || streamId.equals(session.streamId()));
    }

    /** Queues {@code task} on the session's worker; false when it was dropped. */
    private boolean hand(MediaSession session, Runnable task) {
        if (offer(session.callId(), task)) {
            return true;
        }
        drop(session);
        return false;
    }

    private void drop(MediaSession session) {
        dropped.increment();
        long total = dropped.sum();
        if (total == 1 || total % LOG_DROPS_EVERY == 0) {
            LOG.warn("Dropped a frame of {} because the route is behind: the queue of {} frames of its worker is full"
                    + " ({} dropped by {} so far{})", session, endpoint.getEventQueueSize(), total, endpoint,
                    ps ? "" : "; the session's frames are skipped up to its next key frame");
        }
    }

    private void route(MediaSession session, MediaFrame frame) {
        route(session, frame.data(), frame);
    }

    /** Routes one frame: {@code frame} describes {@code body} (es), {@code null} for a PS frame. */
    private void route(MediaSession session, byte[] body, MediaFrame frame) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(body);
        Gb28181Exchanges.setSessionHeaders(message, session);
        if (frame != null) {
            message.setHeader(Gb28181Constants.CODEC, frame.codec().name());
            message.setHeader(Gb28181Constants.PTS, frame.pts());
            message.setHeader(Gb28181Constants.DTS, frame.dts());
            message.setHeader(Gb28181Constants.KEY_FRAME, frame.keyFrame());
        }
        process(exchange, "a frame", session);
    }

    /** Routes the end of a session's stream: {@code ended} is its SESSION_ENDED, {@code null} if the consumer stopped. */
    private void routeEnd(MediaSession session, MediaSessionEvent ended) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(new byte[0]);
        Gb28181Exchanges.setSessionHeaders(message, session);
        message.setHeader(Gb28181Constants.END_OF_STREAM, true);
        if (ended != null) {
            message.setHeader(Gb28181Constants.END_REASON, ended.reason().name());
            message.setHeader(Gb28181Constants.SESSION_ENDED, ended);
        }
        process(exchange, "the end of stream", session);
    }

    /** Routes {@code exchange}; {@code what} names it only in the error, so no text is built per frame. */
    private void process(Exchange exchange, String what, MediaSession session) {
        try {
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, false));
        } catch (Exception e) {
            getExceptionHandler().handleException("Error routing " + what + " of " + session, exchange, e);
            releaseExchange(exchange, false);
        }
    }

    /** Frames dropped because the route was behind, and es frames skipped up to the next key frame after a drop. */
    @ManagedAttribute(description = "Frames dropped because the route was behind (and es frames skipped up to the"
            + " next key frame after a drop)")
    public long getDroppedFrames() {
        return dropped.sum();
    }

    /** endOfStream: one session's frames as this consumer hands them on; guarded by its own monitor. */
    private static final class Stream {
        final MediaSession session;
        /** Its end is queued: no frame follows. */
        boolean ended;

        Stream(MediaSession session) {
            this.session = session;
        }
    }
}
