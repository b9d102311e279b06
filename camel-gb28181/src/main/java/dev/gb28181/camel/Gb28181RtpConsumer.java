package dev.gb28181.camel;

import dev.gb28181.media.MediaFrame;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.MediaListener;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.PsListener;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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
 */
@ManagedResource(description = "Managed GB28181 media frame consumer")
public class Gb28181RtpConsumer extends Gb28181WorkerConsumer implements MediaListener, PsListener {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181RtpConsumer.class);
    private static final long LOG_DROPS_EVERY = 1000;

    private final String deviceId;
    private final String channelId;
    private final String streamId;
    private final boolean ps;
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
    }

    @Override
    protected void attach(Gb28181Platform running) {
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
        awaitingKeyFrame.clear();
    }

    @Override
    protected long dropped() {
        return dropped.sum();
    }

    /** On the session's RTP event loop: filters, hands the frame to the session's worker and returns. */
    @Override
    public void onFrame(MediaSession session, MediaFrame frame) {
        if (!accepts(session)) {
            return;
        }
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
            byte[] bytes = ByteBufUtil.getBytes(frame);
            hand(session, () -> route(session, bytes, null));
        }
    }

    private boolean accepts(MediaSession session) {
        return (deviceId == null || deviceId.equals(session.deviceId()))
                && (channelId == null || channelId.equals(session.channelId()))
                && (streamId == null || streamId.equals(session.streamId()));
    }

    /** Queues {@code task} on the session's worker; false when it was dropped. */
    private boolean hand(MediaSession session, Runnable task) {
        ExecutorService[] running = workers();
        if (running == null || !isRunAllowed()) {
            return true;
        }
        try {
            Gb28181Workers.of(running, session.callId()).execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            if (isRunAllowed()) {
                drop(session);
            }
            return false;
        }
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
        try {
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, false));
        } catch (Exception e) {
            getExceptionHandler().handleException("Error routing a frame of " + session, exchange, e);
            releaseExchange(exchange, false);
        }
    }

    /** Frames dropped because the route was behind, and es frames skipped up to the next key frame after a drop. */
    @ManagedAttribute(description = "Frames dropped because the route was behind (and es frames skipped up to the"
            + " next key frame after a drop)")
    public long getDroppedFrames() {
        return dropped.sum();
    }
}
