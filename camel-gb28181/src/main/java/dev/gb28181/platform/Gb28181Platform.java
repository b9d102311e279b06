package dev.gb28181.platform;

import dev.gb28181.mansrtsp.MansrtspResponse;
import dev.gb28181.mansrtsp.PlayControl;
import dev.gb28181.manscdp.ManscdpCodec;
import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.manscdp.ManscdpResponse;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.SipStackConfig;
import dev.gb28181.sip.auth.AuthFailureTracker;
import dev.gb28181.sip.auth.DigestAuthenticator;
import dev.gb28181.sip.auth.NonceStore;
import dev.gb28181.sip.transport.SipTrace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GB/T 28181 platform: the SIP stack on one host and port (UDP and TCP, GB/T 28181-2016 §4.3),
 * the device registry, registration with digest authentication (§9.1), keepalive and online status
 * (§9.6), device control (§9.3), MANSCDP queries and their answers (§9.5, Annex A, split answers of
 * Annex N), alarms
 * (§9.4), mobile positions (§9.13), subscriptions (§9.11) and media sessions (§9.2 live, §9.8
 * playback, §9.9 download: INVITE, RTP over UDP or TCP, PS demultiplexed into frames for the
 * {@link MediaListener}s, PS for the {@link PsListener}s, MANSRTSP playback control of Annex B, BYE, and
 * {@link MediaSessionEvent}s). Camel-free; the Camel component owns one instance.
 *
 * <p>Owns one {@link HashedWheelTimer} for all device timeouts and housekeeping (nonce and lockout
 * expiry, query deadlines, subscription renewals): no thread or scheduled task per device or
 * query. Events go to the {@linkplain #addListener
 * listeners} on the thread that produced them (a Netty I/O thread or the timer thread); a listener
 * that throws is logged and never affects the SIP answer.
 */
public class Gb28181Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Platform.class);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final PlatformConfig config;
    private final DeviceRegistry registry;
    private final PlatformEvents events = new PlatformEvents();
    private final NonceStore nonces;
    private final AuthFailureTracker failures;
    private final DeviceLifecycle lifecycle;
    private final RequestDispatcher dispatcher;
    private final ManscdpClient client;
    private final Subscriptions subscriptions;
    private final MediaSessions media;
    private final ChannelDirectory channels = new ChannelDirectory();
    private final SipTrace sipTrace = new SipTrace();
    private final PlatformStats stats;

    private SipStack stack;
    private HashedWheelTimer timer;

    public Gb28181Platform(PlatformConfig config) {
        this(config, new PlatformStats());
    }

    /**
     * A platform that counts into {@code stats} (whose gauges read this platform from now on): counters that
     * continue those of an earlier platform, as a metrics registry expects of an application's counters when its
     * platform is rebuilt, e.g. at each start of the Camel component.
     */
    public Gb28181Platform(PlatformConfig config, PlatformStats stats) {
        this.config = config.validate();
        this.registry = config.deviceRegistry() != null ? config.deviceRegistry() : new InMemoryDeviceRegistry();
        this.stats = Objects.requireNonNull(stats, "stats");
        this.nonces = new NonceStore(config.nonceTtl());
        this.failures = new AuthFailureTracker(config.authFailureLimit(), config.authLockout());
        this.lifecycle = new DeviceLifecycle(registry, events, stats, config.offlineAfter());
        DigestAuthenticator authenticator = new DigestAuthenticator(config.realm(), config.digestQop(), nonces);
        Registrar registrar = new Registrar(config, authenticator, failures, lifecycle, stats);
        this.client = new ManscdpClient(config, registry, events, stats, new ManscdpCodec(config.maxMessageSize()));
        this.subscriptions = new Subscriptions(config, client, events);
        this.media = new MediaSessions(config, client, events, stats);
        this.dispatcher = new RequestDispatcher(registry, registrar,
                new MessageHandler(registry, lifecycle, client, subscriptions, media, events), media);
        events.add(channels);
        stats.attach(this);
    }

    public PlatformConfig config() {
        return config;
    }

    /** Binds the SIP port(s) and starts the status timer. Blocks until bound or failed; idempotent. */
    public synchronized void start() {
        if (stack != null) {
            return;
        }
        if (Registrar.unauthenticated(config)) {
            LOG.warn("No password configured (neither password nor credentialsProvider): devices register "
                    + "without authentication");
        }
        HashedWheelTimer wheel = new HashedWheelTimer(new DefaultThreadFactory("gb28181-timer", true),
                tickMillis(), TimeUnit.MILLISECONDS, 512);
        SipStack sip = new SipStack(new SipStackConfig()
                .host(config.host())
                .port(config.port())
                .transports(config.transports())
                .advertisedHost(config.advertisedHost())
                .maxMessageSize(config.maxMessageSize())
                .userAgent(config.userAgent())
                .trace(sipTrace), dispatcher, stats.sip());
        lifecycle.start(wheel);
        try {
            media.start(wheel);
            try {
                sip.start();
            } catch (RuntimeException e) {
                media.stop(Duration.ZERO);
                throw e;
            }
        } catch (RuntimeException e) {
            lifecycle.stop();
            wheel.stop();
            throw e;
        }
        timer = wheel;
        stack = sip;
        client.start(sip, wheel);
        subscriptions.start(wheel);
        scheduleHousekeeping(wheel);
        LOG.info("GB28181 platform {} (realm {}) listening on {}:{} over {}", config.sipId(), config.realm(),
                config.host(), sip.port(), config.transports());
    }

    /**
     * Ends every media session (BYE) and subscription ({@code Expires: 0}), waiting up to 2 s for the answers, fails the
     * queries and controls in flight, unbinds, stops timers; idempotent. The registry keeps its
     * devices (a restart re-arms them).
     */
    public synchronized void stop() {
        SipStack sip = stack;
        if (sip == null) {
            return;
        }
        Duration wait = STOP_WAIT.compareTo(config.requestTimeout()) < 0 ? STOP_WAIT : config.requestTimeout();
        media.stop(wait);
        subscriptions.stop(wait);
        stack = null;
        client.stop();
        lifecycle.stop();
        try {
            sip.stop();
        } finally {
            timer.stop();
            timer = null;
            LOG.info("GB28181 platform {} stopped", config.sipId());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** true while the SIP port is bound (readiness). */
    public synchronized boolean isSipBound() {
        return stack != null && stack.isBound();
    }

    /** The bound SIP port (useful when configured as 0), -1 when not bound. */
    public synchronized int sipPort() {
        return isSipBound() ? stack.port() : -1;
    }

    /**
     * The platform's counters, live: devices, registrations, keepalives, auth failures, SIP messages, queries,
     * catalogs, media sessions, RTP and frames. The same instance for the platform's life, kept across restarts.
     */
    public PlatformStats stats() {
        return stats;
    }

    /** MANSCDP queries and controls waiting for their answer now. */
    public int queriesInFlight() {
        return client.inFlight();
    }

    /** Media sessions alive now, for {@link PlatformStats}. */
    long activeSessions() {
        return media.activeCount();
    }

    /** The device registry. */
    public DeviceRegistry registry() {
        return registry;
    }

    /** The SIP stack while started (for components that send requests, e.g. queries), else {@code null}. */
    public synchronized SipStack sipStack() {
        return stack;
    }

    /**
     * Sends one MANSCDP MESSAGE to a device (GB/T 28181-2016 §9.3 control, §9.4 alarm answers, any
     * Annex A body): Request-URI the device at its last address, over its last transport, the body
     * in the charset the device writes (else {@link PlatformConfig#charset()}), DeviceID set to
     * {@code deviceId} and a new SN when the body has none. The future completes with the device's 2xx and fails
     * with {@link DeviceUnavailableException} at once for an unknown or offline device, with
     * {@link SipStatusException} for a non-2xx, with {@link ManscdpTimeoutException} when no answer
     * came within {@link PlatformConfig#requestTimeout()}. It completes on an I/O or timer thread:
     * chain slow work with the {@code *Async} methods.
     */
    public CompletableFuture<SipResponse> send(String deviceId, ManscdpMessage body) {
        return client.send(deviceId, body);
    }

    /**
     * Queries a device (GB/T 28181-2016 §9.5, Annex A.2.4) and completes with its typed answer. The
     * query's SN is set (unique among the device's queries and controls in flight) and its DeviceID
     * defaults to {@code deviceId} (set a channel ID to ask about a channel); the query object is changed, so use
     * one per call. Split answers (Catalog, RecordInfo; Annex N) complete once SumNum distinct items
     * arrived, aggregated into one answer ({@code complete} true), or with the parts received when
     * they stop for {@link PlatformConfig#partIdleTimeout()} ({@code complete} false); SumNum 0 is an
     * empty answer. Fails like {@link #send}, and with {@link ManscdpTimeoutException} when the device
     * sends no answer within {@link PlatformConfig#requestTimeout()} (a split one: no first part within
     * {@link PlatformConfig#firstPartTimeout()} after its 200). A Catalog answer is also emitted as a
     * {@link CatalogEvent} with source QUERY.
     */
    public CompletableFuture<ManscdpMessage> query(String deviceId, ManscdpQuery query) {
        return client.query(deviceId, query);
    }

    /**
     * Commands a device (GB/T 28181-2016 §9.3, Annex A.2.3; GB/T 28181-2022 §9.3): a
     * {@code DeviceControl} or {@code DeviceConfig} MESSAGE with a new SN (unique among the device's
     * exchanges in flight) and DeviceID {@code deviceId} unless the control names a channel; the
     * control object is changed, so use one per call.
     *
     * <p>Controls the standard answers with a Response ({@link ManscdpControl#expectsResponse()}:
     * RecordCmd, GuardCmd, AlarmCmd, HomePosition, DeviceConfig, and 2022's DeviceUpgrade; §9.3.1,
     * flow §9.3.2.2) wait after the 200 for the {@code DeviceControlResponse} or
     * {@code DeviceConfigResponse} with the same SN (correlated like queries) for
     * {@link PlatformConfig#controlResponseTimeout()}: Result OK (or anything but ERROR) completes with
     * it, ERROR fails with {@link ControlRefusedException}; none in time completes with {@code null}
     * (many devices answer only 200). The other controls (PTZCmd, TeleBoot, IFameCmd, DragZoomIn/Out,
     * 2022's PTZPreciseCtrl, FormatSDCard, TargetTrack; flow §9.3.2.1) complete with {@code null} at
     * the 200. Fails like {@link #send}: {@link DeviceUnavailableException} at once for an unknown or
     * offline device, {@link SipStatusException} for a non-2xx, {@link ManscdpTimeoutException} when no
     * SIP answer came within {@link PlatformConfig#requestTimeout()}. Completes on an I/O or timer
     * thread.
     */
    public CompletableFuture<ManscdpResponse> control(String deviceId, ManscdpControl control) {
        return client.control(deviceId, control);
    }

    /**
     * Subscribes to a device's events (GB/T 28181-2016 §9.11, RFC 6665): a SUBSCRIBE with
     * {@code Event: Catalog} for a Catalog query, {@code presence} for Alarm and MobilePosition, the
     * query as body and {@code Expires}. The subscription is renewed in its dialog at 80 % of the
     * granted lifetime until {@link Subscription#cancel()} or {@link #stop()}; its NOTIFYs become
     * events (catalog changes: {@link CatalogEvent} with source NOTIFY). Its changes are
     * {@link SubscriptionEvent}s. The future fails like {@link #send} (a refusal also emits REFUSED).
     */
    public CompletableFuture<Subscription> subscribe(String deviceId, ManscdpQuery body, Duration expires) {
        return subscriptions.subscribe(deviceId, body, expires);
    }

    /**
     * Opens a media session with a device's channel (GB/T 28181-2016 §9.2 live, §9.8 playback, §9.9
     * download): allocates an SSRC (live or history, Annex F) and a port of
     * {@link PlatformConfig#mediaPortRange()}, listens (UDP, TCP passive), sends the INVITE with the SDP
     * offer and {@code Subject}, and on the 200 sends the ACK to its Contact and (TCP active) connects to
     * the device's media address. The session's frames go to the {@linkplain #addMediaListener media
     * listeners}. Fails with {@link DeviceUnavailableException} for an unknown or offline device,
     * {@link SipStatusException} for a non-2xx, {@link ManscdpTimeoutException} when no final answer came
     * within {@link PlatformConfig#requestTimeout()}, {@link IllegalStateException} when the port range
     * is exhausted, the answer is unusable or the platform is stopping (no INVITE leaves once {@link #stop()}
     * began; a session established meanwhile is ended with BYE); a failure frees the port and SSRC. A PLAY of a
     * channel that already has a live PLAY (or one being invited) completes with that session, sends no INVITE
     * and takes a hold of it: every successful PLAY is one hold ({@link MediaSession#holders()}) that one
     * {@link #bye} gives back. A PLAY that would join a session whose last hold was just released sends a new
     * INVITE instead. An established session emits {@link MediaSessionEvent} SESSION_STARTED (once, however many
     * join it). Completes on an I/O or timer thread.
     */
    public CompletableFuture<MediaSession> invite(String deviceId, String channelId, InviteRequest request) {
        return media.invite(deviceId, channelId, request);
    }

    /**
     * Releases one hold of a media session ({@link MediaSession#holders()}) and, with the last, ends it (BYE in
     * its dialog, §9.2.2) and frees its receiver, port and SSRC at once. A live PLAY other holders still hold
     * goes on for them: nothing is sent and the future completes at once. The last release completes with the
     * device's answer (481 counts as ended) and fails with {@link SipStatusException} for another non-2xx or
     * {@link ManscdpTimeoutException} without an answer; any call fails with {@link IllegalArgumentException}
     * when no session has that Call-ID or stream ID. The end emits {@link MediaSessionEvent} SESSION_ENDED with
     * reason BYE. The device's BYE, MediaStatus 121, a TEARDOWN, no media, a broken TCP media connection and
     * {@link #stop()} end a session for all its holders.
     */
    public CompletableFuture<Void> bye(String callIdOrStreamId) {
        return media.bye(callIdOrStreamId);
    }

    /**
     * Controls a playback or download (GB/T 28181-2016 §9.8.2, Annex B): an INFO in the session's dialog with
     * {@code Content-Type: Application/MANSRTSP} and the control's text ({@link PlayControl#encode}, CSeq counting
     * from 1 per session). Completes with the device's MANSRTSP answer, {@code null} when its 200 has no
     * readable body; fails with {@link PlayControlRefusedException} when that answer carries an RTSP status
     * other than 2xx (e.g. 457 for a seek beyond the recording), {@link SipStatusException} for a non-2xx SIP answer,
     * {@link ManscdpTimeoutException} when none came within {@link PlatformConfig#requestTimeout()}, and at once
     * with {@link IllegalArgumentException} when no session has that Call-ID or stream ID. A TEARDOWN is followed
     * by the session's BYE whatever the answer (SESSION_ENDED with reason TEARDOWN). After a PAUSE the session is
     * not ended for lack of media until the next PLAY. Completes on an I/O or timer thread.
     */
    public CompletableFuture<MansrtspResponse> playControl(String callIdOrStreamId, PlayControl control) {
        return media.playControl(callIdOrStreamId, control);
    }

    /** The media sessions alive now. */
    public List<MediaSession> mediaSessions() {
        return media.sessions();
    }

    /** The channels of a device its catalogs and catalog notifications told the platform of ({@link Channel}). */
    public List<Channel> channels(String deviceId) {
        return channels.channels(deviceId);
    }

    /** The channels of every device the catalogs told of. */
    public List<Channel> channels() {
        return channels.all();
    }

    /** How many channels {@link #channels()} lists. */
    public int channelCount() {
        return channels.count();
    }

    /** The subscriptions alive now (subscribed or being subscribed, until cancelled, refused or stopped). */
    public List<Subscription> subscriptions() {
        return subscriptions.all();
    }

    /**
     * The SIP message trace of this platform (off by default): switch it on and off at any time, for all
     * devices or some; it outlives a restart of the platform.
     */
    public SipTrace sipTrace() {
        return sipTrace;
    }

    /** The live media session with this Call-ID or stream ID ({@link MediaSession#streamId()}). */
    public Optional<MediaSession> mediaSession(String callIdOrStreamId) {
        return Optional.ofNullable(media.find(callIdOrStreamId));
    }

    public void addMediaListener(MediaListener listener) {
        media.addListener(listener);
    }

    public void removeMediaListener(MediaListener listener) {
        media.removeListener(listener);
    }

    /** Receives the PS of every session, one RTP marker frame at a time; PS is gathered only while one is registered. */
    public void addPsListener(PsListener listener) {
        media.addPsListener(listener);
    }

    public void removePsListener(PsListener listener) {
        media.removePsListener(listener);
    }

    /** The media sessions' state, for tests in this package (allocators, shared port). */
    MediaSessions media() {
        return media;
    }

    public void addListener(PlatformListener listener) {
        events.add(listener);
    }

    public void removeListener(PlatformListener listener) {
        events.remove(listener);
    }

    /** Wheel tick: fine enough for the shortest configured deadline, at most 100 ms. */
    private long tickMillis() {
        long shortest = Math.min(Math.min(config.offlineAfter().toMillis(), config.registerExpiresMin().toMillis()),
                Math.min(Math.min(config.requestTimeout().toMillis(), config.partIdleTimeout().toMillis()),
                        config.controlResponseTimeout().toMillis()));
        if (!config.mediaTimeout().isZero()) {
            shortest = Math.min(shortest, config.mediaTimeout().toMillis());
        }
        return Math.max(10, Math.min(100, shortest / 20));
    }

    private void scheduleHousekeeping(HashedWheelTimer wheel) {
        wheel.newTimeout(new TimerTask() {
            @Override
            public void run(Timeout timeout) {
                try {
                    nonces.purgeExpired();
                    failures.purgeExpired();
                } finally {
                    try {
                        timeout.timer().newTimeout(this, HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (IllegalStateException stopped) {
                        // the platform stopped
                    }
                }
            }
        }, HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
    }
}
