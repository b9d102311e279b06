package dev.gb28181.camel.metrics;

import dev.gb28181.media.MediaCodec;
import dev.gb28181.media.rtp.RtpStats;
import dev.gb28181.platform.MediaSessionEvent;
import dev.gb28181.platform.PlatformStats;
import dev.gb28181.platform.PlatformStats.AuthFailure;
import dev.gb28181.sip.SipMessageCounts;
import dev.gb28181.sip.SipMessageCounts.Series;
import dev.gb28181.sip.SipStackStats;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds a platform's {@link PlatformStats} to Micrometer: gauges and function counters that read the live counters
 * at each scrape, so the platform's hot paths never touch Micrometer. No meter has a device dimension: with 100,000
 * devices the registry still holds a few dozen series. SIP message series appear at their first message (a method and
 * status that never occurred is not exported as a zero). The component adoc's "Metrics" section lists every meter.
 */
public class Gb28181Metrics implements MeterBinder {

    private final PlatformStats stats;

    public Gb28181Metrics(PlatformStats stats) {
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        PlatformStats s = stats;
        gauge(registry, "gb28181.devices.registered", "Devices registered", s, PlatformStats::devicesRegistered);
        gauge(registry, "gb28181.devices.online", "Registered devices that are online", s,
                PlatformStats::devicesOnline);
        counter(registry, "gb28181.registrations", "REGISTERs of a new registration", s,
                PlatformStats::registrations, Tags.of("type", "registered"));
        counter(registry, "gb28181.registrations", "REGISTERs renewing a registration", s, PlatformStats::refreshes,
                Tags.of("type", "refreshed"));
        counter(registry, "gb28181.registrations", "REGISTERs with Expires 0", s, PlatformStats::unregistrations,
                Tags.of("type", "unregistered"));
        counter(registry, "gb28181.registrations", "Registrations that expired", s, PlatformStats::expirations,
                Tags.of("type", "expired"));
        counter(registry, "gb28181.keepalives", "Keepalives of registered devices", s, PlatformStats::keepalives,
                Tags.empty());
        for (AuthFailure reason : AuthFailure.values()) {
            counter(registry, "gb28181.auth.failures", "REGISTERs refused with 403", s,
                    st -> st.authFailures(reason), Tags.of("reason", tagValue(reason)));
        }

        bindSip(registry, s.sip());

        gauge(registry, "gb28181.queries.in.flight", "Queries and controls waiting for the device's answer", s,
                PlatformStats::queriesInFlight);
        counter(registry, "gb28181.queries.timeouts", "Queries and controls without an answer in time", s,
                PlatformStats::queriesTimedOut, Tags.empty());
        counter(registry, "gb28181.catalogs", "Split Catalog answers aggregated", s, PlatformStats::catalogsComplete,
                Tags.of("complete", "true"));
        counter(registry, "gb28181.catalogs", "Split Catalog answers aggregated", s,
                PlatformStats::catalogsIncomplete, Tags.of("complete", "false"));

        gauge(registry, "gb28181.media.sessions", "Media sessions alive", s, PlatformStats::mediaSessionsActive);
        counter(registry, "gb28181.media.sessions.started", "Media sessions established", s,
                PlatformStats::mediaSessionsStarted, Tags.empty());
        for (MediaSessionEvent.Reason reason : MediaSessionEvent.Reason.values()) {
            counter(registry, "gb28181.media.sessions.ended", "Media sessions ended", s,
                    st -> st.mediaSessionsEnded(reason), Tags.of("reason", tagValue(reason)));
        }
        for (MediaCodec codec : MediaCodec.values()) {
            counter(registry, "gb28181.media.frames", "Frames demultiplexed from the PS of all sessions", s,
                    st -> st.frames(codec), Tags.of("codec", codec.name()));
        }
        bindRtp(registry, s.rtp());
    }

    private static void bindSip(MeterRegistry registry, SipStackStats sip) {
        SipMessageCounts messages = sip.messages();
        messages.watch(series -> bindSeries(registry, messages, series));
        counter(registry, "gb28181.sip.retransmissions", "SIP messages sent again", sip,
                SipStackStats::retransmissionsSent, Tags.of("direction", "out"));
        counter(registry, "gb28181.sip.retransmissions", "Retransmitted SIP messages received and absorbed", sip,
                SipStackStats::retransmissionsAbsorbed, Tags.of("direction", "in"));
        counter(registry, "gb28181.sip.transaction.timeouts", "Client transactions without a final response", sip,
                SipStackStats::clientTimeouts, Tags.empty());
        counter(registry, "gb28181.sip.malformed", "Malformed SIP messages answered with 400", sip,
                SipStackStats::badRequestsAnswered, Tags.of("outcome", "answered"));
        counter(registry, "gb28181.sip.malformed", "Malformed SIP messages dropped", sip,
                SipStackStats::parseErrorsDropped, Tags.of("outcome", "dropped"));
        counter(registry, "gb28181.sip.oversize", "SIP messages or TCP streams refused as too large", sip,
                SipStackStats::oversizeRefused, Tags.empty());
        counter(registry, "gb28181.sip.stray.responses", "SIP responses that matched no transaction", sip,
                SipStackStats::strayResponses, Tags.empty());
        gauge(registry, "gb28181.sip.transactions", "SIP transactions in progress", sip,
                SipStackStats::activeServerTx, Tags.of("type", "server"));
        gauge(registry, "gb28181.sip.transactions", "SIP transactions in progress", sip,
                SipStackStats::activeClientTx, Tags.of("type", "client"));
        gauge(registry, "gb28181.sip.tcp.connections", "Open SIP TCP connections", sip,
                SipStackStats::tcpConnections, Tags.empty());
    }

    private static void bindSeries(MeterRegistry registry, SipMessageCounts messages, Series series) {
        Tags tags = Tags.of("method", series.method(), "direction", tagValue(series.direction()));
        if (series.status() == 0) {
            counter(registry, "gb28181.sip.requests", "SIP requests on the wire", messages, m -> m.count(series), tags);
        } else {
            counter(registry, "gb28181.sip.responses", "SIP responses on the wire, by their request's method",
                    messages, m -> m.count(series), tags.and("status", Integer.toString(series.status())));
        }
    }

    private static void bindRtp(MeterRegistry registry, RtpStats rtp) {
        counter(registry, "gb28181.rtp.packets", "RTP packets received by all sessions", rtp, RtpStats::packets,
                Tags.empty());
        FunctionCounter.builder("gb28181.rtp.bytes", rtp, r -> r.bytes()).description("RTP payload bytes received")
                .baseUnit("bytes").register(registry);
        counter(registry, "gb28181.rtp.lost", "RTP packets never received", rtp, RtpStats::lost, Tags.empty());
        counter(registry, "gb28181.rtp.reordered", "RTP packets put back in order", rtp, RtpStats::reordered,
                Tags.empty());
        counter(registry, "gb28181.rtp.dropped", "RTP packets dropped", rtp, RtpStats::duplicates,
                Tags.of("reason", "duplicate"));
        counter(registry, "gb28181.rtp.dropped", "RTP packets dropped", rtp, RtpStats::late, Tags.of("reason", "late"));
        counter(registry, "gb28181.rtp.dropped", "RTP packets dropped", rtp, RtpStats::malformed,
                Tags.of("reason", "malformed"));
        counter(registry, "gb28181.rtp.dropped", "RTP packets dropped", rtp, RtpStats::wrongSource,
                Tags.of("reason", "wrong_source"));
        counter(registry, "gb28181.rtp.dropped", "RTP packets dropped", rtp, RtpStats::wrongSsrc,
                Tags.of("reason", "wrong_ssrc"));
    }

    private static <T> void counter(MeterRegistry registry, String name, String description, T source,
            ToLong<T> value, Tags tags) {
        FunctionCounter.builder(name, source, value.asDouble()).description(description).tags(tags)
                .register(registry);
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, T source, ToLong<T> value) {
        gauge(registry, name, description, source, value, Tags.empty());
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, T source, ToLong<T> value,
            Tags tags) {
        Gauge.builder(name, source, value.asDouble()).description(description).tags(tags)
                .register(registry);
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A long-valued reader, as the counters are longs. */
    @FunctionalInterface
    private interface ToLong<T> {
        long apply(T source);

        default ToDoubleFunction<T> asDouble() {
            return source -> apply(source);
        }
    }
}
