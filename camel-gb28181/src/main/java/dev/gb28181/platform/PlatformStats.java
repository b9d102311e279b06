package dev.gb28181.platform;

import dev.gb28181.media.MediaCodec;
import dev.gb28181.media.rtp.RtpStats;
import dev.gb28181.platform.MediaSessionEvent.Reason;
import dev.gb28181.sip.SipStackStats;

import java.util.concurrent.atomic.LongAdder;

/**
 * A live view of a platform's counters ({@link Gb28181Platform#stats()}), for metrics registries and health
 * checks: every read returns the value now. Totals only grow: they survive {@link Gb28181Platform#stop()} and a new
 * start, and a platform built with an existing instance ({@link Gb28181Platform#Gb28181Platform(PlatformConfig,
 * PlatformStats)}, as the Camel component does for each start) counts on where its predecessor stopped. The values
 * documented as gauges are read from the platform that was built with this instance last.
 *
 * <p>The platform counts on its hot paths (each REGISTER, keepalive, SIP message, RTP packet and frame) with one
 * {@link LongAdder} increment, found by an enum ordinal where there is a dimension: no lock, no allocation. The
 * counters have no per-device dimension, so what a registry exports stays bounded with 100,000 devices.
 */
public final class PlatformStats {

    /** Why a REGISTER was refused with 403 (GB/T 28181-2016 §9.1.2.1). */
    public enum AuthFailure {
        /** The digest answer did not match the device's password. */
        WRONG_PASSWORD,
        /** The source address is locked out after too many wrong passwords ({@link PlatformConfig#authLockout()}). */
        LOCKED_OUT,
        /** No password for the device: not on the {@link CredentialsProvider}'s allow-list. */
        NOT_ALLOWED
    }

    private volatile Gb28181Platform platform;
    private final SipStackStats sip = new SipStackStats();
    private final RtpStats rtp = new RtpStats();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder unregistrations = new LongAdder();
    private final LongAdder expirations = new LongAdder();
    private final LongAdder keepalives = new LongAdder();
    private final LongAdder[] authFailures = adders(AuthFailure.values().length);
    private final LongAdder queriesTimedOut = new LongAdder();
    private final LongAdder catalogsComplete = new LongAdder();
    private final LongAdder catalogsIncomplete = new LongAdder();
    private final LongAdder sessionsStarted = new LongAdder();
    private final LongAdder[] sessionsEnded = adders(Reason.values().length);
    private final LongAdder[] frames = adders(MediaCodec.values().length);

    /** Counters from zero, for a platform to be built with. */
    public PlatformStats() {
    }

    /** The platform the gauges read from now on: the one being built with this instance. */
    void attach(Gb28181Platform built) {
        platform = built;
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** Gauge: devices in the registry ({@link DeviceRegistry#size()}). */
    public long devicesRegistered() {
        Gb28181Platform p = platform;
        return p == null ? 0 : p.registry().size();
    }

    /** Gauge: registered devices that are online ({@link DeviceRegistry#onlineCount()}). */
    public long devicesOnline() {
        Gb28181Platform p = platform;
        return p == null ? 0 : p.registry().onlineCount();
    }

    /**
     * The SIP stack's counters: messages by method and status ({@link SipStackStats#messages()}), retransmissions,
     * transaction timeouts and the transaction and TCP connection gauges. The same instance serves every SIP stack
     * the platform starts.
     */
    public SipStackStats sip() {
        return sip;
    }

    /** Registrations of a device that was not registered ({@link RegisterEvent#REGISTERED}). */
    public long registrations() {
        return registrations.sum();
    }

    /** Registrations renewed by a registered device ({@link RegisterEvent#REFRESHED}). */
    public long refreshes() {
        return refreshes.sum();
    }

    /** Devices that unregistered with {@code Expires: 0} ({@link RegisterEvent#UNREGISTERED}). */
    public long unregistrations() {
        return unregistrations.sum();
    }

    /** Registrations that ran out without a refresh ({@link RegisterEvent#EXPIRED}). */
    public long expirations() {
        return expirations.sum();
    }

    /** Keepalives of registered devices (GB/T 28181-2016 §9.6), each a {@link KeepaliveEvent}. */
    public long keepalives() {
        return keepalives.sum();
    }

    /** REGISTERs refused with 403 for {@code reason} (a 401 challenge is not a failure: it is how digest starts). */
    public long authFailures(AuthFailure reason) {
        return authFailures[reason.ordinal()].sum();
    }

    /** Gauge: queries and controls sent and waiting for the device's answer. */
    public long queriesInFlight() {
        Gb28181Platform p = platform;
        return p == null ? 0 : p.queriesInFlight();
    }

    /**
     * Queries and controls that failed with {@link ManscdpTimeoutException}: no SIP answer, or no answer after the
     * 200 (a control answered only with 200 is not a timeout, nor is a split answer that stopped partway: that one
     * completes incomplete).
     */
    public long queriesTimedOut() {
        return queriesTimedOut.sum();
    }

    /** Split Catalog answers (queried or unsolicited, GB/T 28181-2016 Annex N) aggregated with all SumNum items. */
    public long catalogsComplete() {
        return catalogsComplete.sum();
    }

    /** Split Catalog answers whose parts stopped before SumNum items arrived; emitted with what arrived. */
    public long catalogsIncomplete() {
        return catalogsIncomplete.sum();
    }

    /** Gauge: media sessions alive now. */
    public long mediaSessionsActive() {
        Gb28181Platform p = platform;
        return p == null ? 0 : p.activeSessions();
    }

    /** Media sessions established (each a {@link MediaSessionEvent#SESSION_STARTED}). */
    public long mediaSessionsStarted() {
        return sessionsStarted.sum();
    }

    /** Established media sessions that ended for {@code reason} (each a {@link MediaSessionEvent#SESSION_ENDED}). */
    public long mediaSessionsEnded(Reason reason) {
        return sessionsEnded[reason.ordinal()].sum();
    }

    /**
     * RTP of all media sessions together, since the platform was built: packets, payload bytes, lost, reordered,
     * duplicates, late, malformed and dropped packets. Each session's own counters are {@link MediaSession#rtpStats()}.
     */
    public RtpStats rtp() {
        return rtp;
    }

    /** Frames demultiplexed from the PS of all sessions with {@code codec} (video access units, audio frames). */
    public long frames(MediaCodec codec) {
        return frames[codec.ordinal()].sum();
    }

    void onRegisterEvent(String type) {
        switch (type) {
            case RegisterEvent.REGISTERED -> registrations.increment();
            case RegisterEvent.REFRESHED -> refreshes.increment();
            case RegisterEvent.UNREGISTERED -> unregistrations.increment();
            case RegisterEvent.EXPIRED -> expirations.increment();
            default -> throw new IllegalArgumentException("Unknown register event type " + type);
        }
    }

    void onKeepalive() {
        keepalives.increment();
    }

    void onAuthFailure(AuthFailure reason) {
        authFailures[reason.ordinal()].increment();
    }

    void onQueryTimedOut() {
        queriesTimedOut.increment();
    }

    void onCatalog(boolean complete) {
        (complete ? catalogsComplete : catalogsIncomplete).increment();
    }

    void onSessionStarted() {
        sessionsStarted.increment();
    }

    void onSessionEnded(Reason reason) {
        sessionsEnded[reason.ordinal()].increment();
    }

    void onFrame(MediaCodec codec) {
        frames[codec.ordinal()].increment();
    }

    @Override
    public String toString() {
        return "PlatformStats[registered=" + devicesRegistered() + ", online=" + devicesOnline() + ", keepalives="
                + keepalives() + ", queriesInFlight=" + queriesInFlight() + ", mediaSessions=" + mediaSessionsActive()
                + ", sip=" + sip + ", rtp=" + rtp + ']';
    }
}
