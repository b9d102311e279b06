package dev.gb28181.platform;

import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.CatalogResponse;
import dev.gb28181.manscdp.DeviceConfigResponse;
import dev.gb28181.manscdp.DeviceControlResponse;
import dev.gb28181.manscdp.ManscdpCodec;
import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.manscdp.ManscdpResponse;
import dev.gb28181.manscdp.ManscdpRoot;
import dev.gb28181.manscdp.SplitResponse;
import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.SipUri;
import dev.gb28181.sip.transaction.SipTransactionTimeoutException;

import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends MANSCDP MESSAGEs to devices and correlates the answers to queries and controls
 * (GB/T 28181-2016 §9.3, §9.5, Annex A): a query, or a control answered with a Response (§9.3.2.2),
 * is a MESSAGE the device accepts with 200, its answer a separate MESSAGE from the device carrying
 * the request's SN. Answers are matched by (From user, SN) and CmdType, so any number of queries and
 * controls may be in flight to one device; the SN is unique among a device's exchanges in flight.
 *
 * <p>Split answers (Annex N: Catalog, RecordInfo) arrive in parts with SumNum = total; items are
 * collected in a set (items' {@code equals}), so a part the device sends again is not counted twice,
 * until SumNum distinct items arrived. When parts stop for {@code partIdleTimeout} the partial result
 * completes the query marked incomplete; a device that accepted a split query has
 * {@code firstPartTimeout} for its first part (lower platforms are slow), any other query
 * {@code requestTimeout} for the SIP answer and the answer. Catalog parts nobody asked for are
 * aggregated the same way and emitted as a {@link CatalogEvent} UNSOLICITED.
 *
 * <p>All deadlines live on the platform's {@link io.netty.util.HashedWheelTimer}: one timeout per
 * exchange, re-armed lazily when it fires early (a new part only moves the deadline). State is
 * bounded: an exchange ends with its deadline, unsolicited aggregations are capped in number and
 * every aggregation in items. Futures complete on a Netty I/O or the timer thread.
 */
final class ManscdpClient {

    static final String MANSCDP = "Application/MANSCDP+xml";
    /** Items kept per split answer: beyond this the answer completes, marked incomplete. */
    static final int MAX_ITEMS = 200_000;
    /** Concurrent unsolicited catalogs being aggregated; beyond this a part is emitted on its own. */
    static final int MAX_UNSOLICITED = 1_024;

    private static final Logger LOG = LoggerFactory.getLogger(ManscdpClient.class);

    private final PlatformConfig config;
    private final DeviceRegistry registry;
    private final PlatformEvents events;
    private final PlatformStats stats;
    private final ManscdpCodec codec;
    private final ConcurrentHashMap<Key, Exchange> exchanges = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Exchange> unsolicited = new ConcurrentHashMap<>();
    private final AtomicLong sn = new AtomicLong(ThreadLocalRandom.current().nextInt(1, 1 << 16));
    private volatile SipStack stack;
    private volatile Timer timer;

    /** An answer's identity: the device (From user) and the SN. */
    record Key(String deviceId, long sn) {
    }

    ManscdpClient(PlatformConfig config, DeviceRegistry registry, PlatformEvents events, PlatformStats stats,
            ManscdpCodec codec) {
        this.config = config;
        this.registry = registry;
        this.events = events;
        this.stats = stats;
        this.codec = codec;
    }

    void start(SipStack stack, Timer timer) {
        this.stack = stack;
        this.timer = timer;
    }

    /** Fails every query and control in flight and drops unsolicited aggregations. */
    void stop() {
        stack = null;
        timer = null;
        for (Exchange x : exchanges.values()) {
            x.fail(new IllegalStateException("The platform stopped before device " + x.key.deviceId
                    + " answered " + x.cmdType + " SN " + x.key.sn));
        }
        unsolicited.values().forEach(Exchange::cancelTimer);
        unsolicited.clear();
    }

    ManscdpCodec codec() {
        return codec;
    }

    /** Queries and controls waiting for their answer. */
    int inFlight() {
        return exchanges.size();
    }

    // ---- sending -------------------------------------------------------------------------------

    /** The device if registered and online, else {@link DeviceUnavailableException}. */
    Device requireOnline(String deviceId) {
        Device device = deviceId == null ? null : registry.find(deviceId).orElse(null);
        if (device == null) {
            throw new DeviceUnavailableException(deviceId, "Device " + deviceId + " is not registered");
        }
        if (!device.online()) {
            throw new DeviceUnavailableException(deviceId, "Device " + deviceId + " is offline");
        }
        return device;
    }

    SipStack requireStack() {
        SipStack s = stack;
        if (s == null) {
            throw new IllegalStateException("The platform is not started");
        }
        return s;
    }

    /** The next SN (1 .. 2^31-1, as the standard's integer SN). */
    long nextSn() {
        while (true) {
            long next = sn.incrementAndGet() & Integer.MAX_VALUE;
            if (next != 0) {
                return next;
            }
        }
    }

    /** The body in the charset the device writes, else the configured one. */
    byte[] encode(Device device, ManscdpMessage message) {
        Charset cs = device.charset();
        return codec.encode(message, cs != null ? cs : config.charset());
    }

    /**
     * The platform's Contact (RFC 3261 §8.1.1.8) at {@code host}, the address a device reaches it by: where the
     * device sends the requests of a dialog (NOTIFY of a subscription, BYE and MESSAGE of a media session).
     */
    String contact(SipStack sip, String host) {
        return NameAddress.of(SipUri.sip(config.sipId(), host, sip.port())).toString();
    }

    /** The platform's address as From/To (its ID at its domain, GB/T 28181-2016 §9.1). */
    NameAddress platformAddress(String tag) {
        NameAddress address = NameAddress.of(SipUri.sip(config.sipId(), config.domain(), -1));
        return tag == null ? address : address.withTag(tag);
    }

    /** The device's URI at its last address: the Request-URI of requests to it. */
    static SipUri deviceUri(Device device) {
        InetSocketAddress at = device.remoteAddress();
        return SipUri.sip(device.deviceId(), Device.host(at), at.getPort());
    }

    /** A MESSAGE outside any dialog to the device with a MANSCDP body. */
    SipRequest newMessage(SipStack sip, Device device, byte[] body) {
        SipUri target = deviceUri(device);
        SipRequest request = new SipRequest(SipMethod.MESSAGE, target);
        request.addHeader(HeaderNames.FROM, platformAddress(sip.newTag()).toString());
        request.addHeader(HeaderNames.TO, NameAddress.of(target).toString());
        request.addHeader(HeaderNames.CALL_ID, sip.newCallId());
        request.addHeader(HeaderNames.CSEQ, new CSeq(1, SipMethod.MESSAGE).toString());
        request.body(MANSCDP, body);
        return request;
    }

    /** One MESSAGE; completes on 2xx (see {@link Gb28181Platform#send}). */
    CompletableFuture<SipResponse> send(String deviceId, ManscdpMessage message) {
        try {
            Device device = requireOnline(deviceId);
            if (message.getDeviceId() == null) {
                message.setDeviceId(deviceId);
            }
            if (message.getSn() == null) {
                message.setSn(nextSn());
            }
            SipStack sip = requireStack();
            SipRequest request = newMessage(sip, device, encode(device, message));
            String what = describe(deviceId, message);
            return sendRequest(sip, device, request, what).thenApply(response -> {
                if (!response.isSuccess()) {
                    throw new SipStatusException(response.status(), response.reason(), "Device " + deviceId
                            + " answered " + response.status() + ' ' + response.reason() + " to " + what);
                }
                return response;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends a request to the device's last address and transport; the future fails with
     * {@link ManscdpTimeoutException} when no final answer came within {@code requestTimeout}.
     */
    CompletableFuture<SipResponse> sendRequest(SipStack sip, Device device, SipRequest request, String what) {
        CompletableFuture<SipResponse> result = new CompletableFuture<>();
        Timeout deadline = schedule(() -> result.completeExceptionally(noSipAnswer(device.deviceId(), what)),
                config.requestTimeout().toNanos());
        sip.sendRequest(request, device.transport(), device.remoteAddress()).whenComplete((response, error) -> {
            if (deadline != null) {
                deadline.cancel();
            }
            if (error == null) {
                result.complete(response);
            } else if (unwrap(error) instanceof SipTransactionTimeoutException) {
                result.completeExceptionally(noSipAnswer(device.deviceId(), what));
            } else {
                result.completeExceptionally(unwrap(error));
            }
        });
        return result;
    }

    private ManscdpTimeoutException noSipAnswer(String deviceId, String what) {
        return new ManscdpTimeoutException("Device " + deviceId + " sent no SIP answer to " + what + " within "
                + config.requestTimeout().toMillis() + " ms");
    }

    // ---- queries and controls ----------------------------------------------------------------

    /** Sends a query and correlates its answer (see {@link Gb28181Platform#query}). */
    CompletableFuture<ManscdpMessage> query(String deviceId, ManscdpQuery query) {
        return correlate(deviceId, query,
                query.getCmdType() != null && ManscdpQueries.isSplit(query.getCmdType()) ? Kind.SPLIT : Kind.ANSWER);
    }

    /**
     * Sends a control (see {@link Gb28181Platform#control}): one the standard answers with a Response
     * is correlated like a query and may end without one; any other completes at the 200.
     */
    CompletableFuture<ManscdpResponse> control(String deviceId, ManscdpControl control) {
        CompletableFuture<ManscdpResponse> result = new CompletableFuture<>();
        CompletableFuture<?> answer;
        if (control.expectsResponse()) {
            answer = correlate(deviceId, control, Kind.CONTROL);
        } else {
            control.setSn(nextSn());
            answer = send(deviceId, control);
        }
        answer.whenComplete((message, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else if (message instanceof ManscdpResponse response) {
                if ("ERROR".equalsIgnoreCase(result(response))) {
                    result.completeExceptionally(new ControlRefusedException(response, "Device " + deviceId
                            + " refused " + describe(deviceId, control) + ": Result ERROR"));
                } else {
                    result.complete(response);
                }
            } else {
                result.complete(null);
            }
        });
        return result;
    }

    /** The {@code Result} of a control's Response (GB/T 28181-2016 Annex A.2.6), else {@code null}. */
    private static String result(ManscdpResponse response) {
        if (response instanceof DeviceControlResponse r) {
            return r.getResult();
        }
        return response instanceof DeviceConfigResponse r ? r.getResult() : null;
    }

    /**
     * Sends a message with an SN unique among the device's exchanges in flight and waits for the
     * device's answer with that SN and the message's CmdType.
     */
    private CompletableFuture<ManscdpMessage> correlate(String deviceId, ManscdpMessage message, Kind kind) {
        CompletableFuture<ManscdpMessage> future = new CompletableFuture<>();
        try {
            Device device = requireOnline(deviceId);
            SipStack sip = requireStack();
            if (message.getCmdType() == null) {
                throw new IllegalArgumentException("A " + message.root().xmlName() + " needs a CmdType");
            }
            if (message.getDeviceId() == null) {
                message.setDeviceId(deviceId);
            }
            Exchange x = new Exchange(message.getCmdType(), kind, future, null);
            while (true) {
                Key key = new Key(deviceId, nextSn());
                if (exchanges.putIfAbsent(key, x) == null) {
                    x.key = key;
                    break;
                }
            }
            future.whenComplete((answer, error) -> {
                exchanges.remove(x.key, x);
                x.cancelTimer();
            });
            message.setSn(x.key.sn);
            SipRequest request = newMessage(sip, device, encode(device, message));
            x.arm(config.requestTimeout().toNanos());
            String what = describe(deviceId, message);
            sendRequest(sip, device, request, what).whenComplete((response, error) -> onSipAnswer(x, response, error,
                    what));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    private void onSipAnswer(Exchange x, SipResponse response, Throwable error, String what) {
        if (error != null) {
            if (x.fail(error) && unwrap(error) instanceof ManscdpTimeoutException) {
                stats.onQueryTimedOut();
            }
        } else if (!response.isSuccess()) {
            x.fail(new SipStatusException(response.status(), response.reason(), "Device " + x.key.deviceId
                    + " answered " + response.status() + ' ' + response.reason() + " to " + what));
        } else {
            x.accepted();
        }
    }

    /**
     * Offers a message from a device to the queries and controls in flight.
     *
     * @return {@code true} when it answered one (it is consumed), {@code false} when nobody asked for it
     */
    boolean onAnswer(String deviceId, ManscdpMessage message) {
        Long answerSn = message.getSn();
        if (answerSn == null || message.root() != ManscdpRoot.RESPONSE) {
            return false;
        }
        Exchange x = exchanges.get(new Key(deviceId, answerSn));
        if (x == null || !x.cmdType.equalsIgnoreCase(message.getCmdType())) {
            return false;
        }
        if (x.kind == Kind.CONTROL && !(message instanceof ManscdpResponse)) {
            return false;
        }
        if (x.kind == Kind.SPLIT && message instanceof SplitResponse<?> part) {
            x.addPart(part);
        } else {
            x.complete(message);
        }
        return true;
    }

    /** A Catalog answer nobody asked for: aggregated by (device, SN), emitted when complete or idle. */
    void onUnsolicitedCatalog(String deviceId, CatalogResponse part) {
        Long partSn = part.getSn();
        if (partSn == null || unsolicited.size() >= MAX_UNSOLICITED) {
            emitCatalog(deviceId, part, SplitResponse.isComplete(part.getSumNum(), part.items().size()),
                    CatalogEvent.UNSOLICITED);
            return;
        }
        Key key = new Key(deviceId, partSn);
        while (true) {
            Exchange x = unsolicited.computeIfAbsent(key, k -> {
                Exchange created = new Exchange(part.getCmdType(), Kind.SPLIT, null, CatalogEvent.UNSOLICITED);
                created.key = k;
                created.arm(config.partIdleTimeout().toNanos());
                return created;
            });
            if (x.addPart(part)) {
                return;
            }
            unsolicited.remove(key, x); // ended meanwhile: start a new aggregation
        }
    }

    /** A {@link CatalogEvent} of {@code catalog}'s items (a whole answer, a partial one, or a NOTIFY). */
    void emitCatalog(String deviceId, SplitResponse<?> catalog, boolean complete, String source) {
        @SuppressWarnings("unchecked")
        List<CatalogItem> items = (List<CatalogItem>) catalog.items();
        ManscdpMessage message = (ManscdpMessage) catalog;
        events.emit(new CatalogEvent(deviceId, CatalogEvent.CATALOG, Instant.now(), message.getSn(), catalog.getSumNum(),
                items.size(), complete, source, List.copyOf(items)));
    }

    private Timeout schedule(Runnable task, long delayNanos) {
        Timer t = timer;
        if (t == null) {
            return null;
        }
        try {
            return t.newTimeout(timeout -> task.run(), delayNanos, TimeUnit.NANOSECONDS);
        } catch (IllegalStateException stopped) {
            return null;
        }
    }

    static String describe(String deviceId, ManscdpMessage message) {
        String root = message.root() == null ? "MANSCDP" : message.root().xmlName();
        return root + ' ' + message.getCmdType() + " SN " + message.getSn() + " to device " + deviceId;
    }

    /** The failure a future reports, without the {@link CompletionException} a dependent stage wraps it in. */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** What an exchange waits for after the device's 200. */
    enum Kind {
        /** One answer within {@code requestTimeout} of sending, else a timeout. */
        ANSWER,
        /** Parts (Annex N): the first within {@code firstPartTimeout}, the next within {@code partIdleTimeout}. */
        SPLIT,
        /** A control's Response within {@code controlResponseTimeout}, else completes with none (§9.3.2). */
        CONTROL
    }

    /**
     * One query or control in flight (future set) or one unsolicited catalog being aggregated (source
     * set). All state is guarded by the exchange's monitor; futures complete and events go out after it.
     */
    private final class Exchange {

        final String cmdType;
        final Kind kind;
        final CompletableFuture<ManscdpMessage> future;
        final String unsolicitedSource;
        Key key;

        private boolean done;
        private boolean accepted;
        private long deadlineNanos;
        private long timerDueNanos;
        private Timeout timeout;
        private SplitResponse<?> first;
        private LinkedHashSet<Object> items;

        Exchange(String cmdType, Kind kind, CompletableFuture<ManscdpMessage> future, String unsolicitedSource) {
            this.cmdType = cmdType;
            this.kind = kind;
            this.future = future;
            this.unsolicitedSource = unsolicitedSource;
        }

        /** Moves the deadline to {@code delayNanos} from now. */
        synchronized void arm(long delayNanos) {
            if (!done) {
                moveDeadline(delayNanos);
            }
        }

        /**
         * Sets the deadline; holds the monitor. A later deadline keeps the armed timer (it re-arms itself
         * when it fires early, see {@link #onTimer}); an earlier one than the armed timer's replaces it, so
         * a part-idle deadline shorter than the first-part one is kept to the tick.
         */
        private void moveDeadline(long delayNanos) {
            long now = System.nanoTime();
            deadlineNanos = now + delayNanos;
            if (timeout != null && deadlineNanos - timerDueNanos < 0) {
                timeout.cancel();
                timeout = null;
            }
            if (timeout == null) {
                timerDueNanos = deadlineNanos;
                timeout = schedule(this::onTimer, delayNanos);
            }
        }

        synchronized void cancelTimer() {
            if (timeout != null) {
                timeout.cancel();
                timeout = null;
            }
        }

        /**
         * The device said 200: a split query now waits {@code firstPartTimeout} for its first part, a
         * control {@code controlResponseTimeout} for its Response.
         */
        void accepted() {
            synchronized (this) {
                accepted = true;
                if (kind == Kind.ANSWER || first != null || done) {
                    return;
                }
            }
            arm((kind == Kind.SPLIT ? config.firstPartTimeout() : config.controlResponseTimeout()).toNanos());
        }

        /**
         * Adds a part.
         *
         * @return {@code false} when this exchange had already ended (the part was not taken)
         */
        boolean addPart(SplitResponse<?> part) {
            SplitResponse<?> result;
            boolean complete;
            synchronized (this) {
                if (done) {
                    return false;
                }
                if (first == null) {
                    first = part;
                    items = new LinkedHashSet<>();
                }
                items.addAll(part.items());
                Integer sumNum = first.getSumNum();
                int received = items.size();
                complete = SplitResponse.isComplete(sumNum, received);
                if (!complete && received < MAX_ITEMS) {
                    moveDeadline(config.partIdleTimeout().toNanos());
                    return true;
                }
                result = finish(complete);
            }
            deliver(result, complete);
            return true;
        }

        void complete(ManscdpMessage answer) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            future.complete(answer);
        }

        /** @return {@code true} when this ended the exchange (it had not ended before) */
        boolean fail(Throwable error) {
            synchronized (this) {
                if (done) {
                    return false;
                }
                done = true;
            }
            if (future != null) {
                future.completeExceptionally(error);
            }
            return true;
        }

        /** Ends an aggregation; holds the monitor. */
        private SplitResponse<?> finish(boolean complete) {
            done = true;
            if (timeout != null) {
                timeout.cancel();
                timeout = null;
            }
            return aggregate(first, new ArrayList<>(items), complete);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static SplitResponse<?> aggregate(SplitResponse part, List all, boolean complete) {
            return part.aggregate(all, complete, all.size());
        }

        private void deliver(SplitResponse<?> result, boolean complete) {
            if (result instanceof CatalogResponse) {
                stats.onCatalog(complete);
            }
            if (future != null) {
                if (result instanceof CatalogResponse) {
                    emitCatalog(key.deviceId, result, complete, CatalogEvent.QUERY);
                }
                future.complete((ManscdpMessage) result);
            } else {
                unsolicited.remove(key, this);
                emitCatalog(key.deviceId, result, complete, unsolicitedSource);
            }
        }

        private void onTimer() {
            SplitResponse<?> partial = null;
            ManscdpTimeoutException failure = null;
            boolean only200 = false;
            synchronized (this) {
                timeout = null;
                if (done) {
                    return;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left > 0) {
                    timerDueNanos = deadlineNanos;
                    timeout = schedule(this::onTimer, left);
                    return;
                }
                if (first != null) {
                    partial = finish(false);
                } else if (kind == Kind.CONTROL && accepted) {
                    done = true;
                    only200 = true;
                } else {
                    done = true;
                    failure = new ManscdpTimeoutException(timeoutMessage());
                }
            }
            if (partial != null) {
                LOG.debug("Device {} stopped sending {} SN {} after {} of {} items", key.deviceId, cmdType, key.sn,
                        partial.items().size(), partial.getSumNum());
                deliver(partial, false);
            } else if (only200) {
                LOG.debug("Device {} accepted {} SN {} with 200 and sent no Response", key.deviceId, cmdType, key.sn);
                future.complete(null);
            } else if (future != null) {
                stats.onQueryTimedOut();
                future.completeExceptionally(failure);
            } else {
                unsolicited.remove(key, this);
            }
        }

        private String timeoutMessage() {
            String what = (kind == Kind.CONTROL ? "Control " : "Query ") + cmdType + " SN " + key.sn;
            if (!accepted) {
                return "Device " + key.deviceId + " sent no SIP answer to " + what + " within "
                        + config.requestTimeout().toMillis() + " ms";
            }
            long waited = (kind == Kind.SPLIT ? config.firstPartTimeout() : config.requestTimeout()).toMillis();
            return "Device " + key.deviceId + " accepted " + what + " but sent no answer within " + waited + " ms";
        }
    }
}
