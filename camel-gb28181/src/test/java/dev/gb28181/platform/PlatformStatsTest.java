package dev.gb28181.platform;

import static dev.gb28181.platform.QueryTest.DEVICE;
import static dev.gb28181.platform.QueryTest.WAIT;
import static dev.gb28181.platform.QueryTest.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.platform.PlatformStats.AuthFailure;
import dev.gb28181.sip.SipMessageCounts;
import dev.gb28181.sip.SipMessageCounts.Direction;
import dev.gb28181.sip.SipMessageCounts.Series;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PlatformStats}: what a registration, a keepalive, an auth failure, a query and a catalog move. */
class PlatformStatsTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRegistrationAndAKeepaliveMoveTheirCountersAndTheSipMessages(Transport transport) {
        try (PlatformFixture f = new PlatformFixture()) {
            PlatformStats stats = f.platform.stats();
            SipMessageCounts sip = stats.sip().messages();
            Set<Series> watched = ConcurrentHashMap.newKeySet();
            sip.watch(watched::add);
            TestDevice device = f.device(transport, DEVICE);

            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(stats.devicesRegistered()).isEqualTo(1);
            assertThat(stats.devicesOnline()).isEqualTo(1);
            assertThat(stats.registrations()).isEqualTo(1);
            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(stats.registrations()).isEqualTo(1);
            assertThat(stats.refreshes()).isEqualTo(1);
            // each REGISTER: the first without credentials gets a 401 challenge, then one with them gets 200
            Series registerIn = new Series(Direction.IN, "REGISTER", 0);
            Series challenged = new Series(Direction.OUT, "REGISTER", 401);
            Series registeredOk = new Series(Direction.OUT, "REGISTER", 200);
            await().atMost(WAIT).until(() -> sip.count(registeredOk) == 2);
            assertThat(sip.count(registerIn)).isGreaterThanOrEqualTo(3);
            assertThat(sip.count(challenged)).isGreaterThanOrEqualTo(1);

            assertThat(device.keepalive().status()).isEqualTo(200);
            assertThat(stats.keepalives()).isEqualTo(1);
            Series messageOk = new Series(Direction.OUT, "MESSAGE", 200);
            await().atMost(WAIT).until(() -> sip.count(messageOk) == 1);
            assertThat(sip.count(new Series(Direction.IN, "MESSAGE", 0))).isEqualTo(1);
            assertThat(watched).contains(registerIn, challenged, registeredOk, messageOk,
                    new Series(Direction.IN, "MESSAGE", 0));
            assertThat(stats.authFailures(AuthFailure.WRONG_PASSWORD)).isZero();

            assertThat(device.unregister().status()).isEqualTo(200);
            assertThat(stats.unregistrations()).isEqualTo(1);
            assertThat(stats.devicesRegistered()).isZero();
            assertThat(stats.devicesOnline()).isZero();
        }
    }

    @Test
    void aWrongPasswordIsAnAuthFailureAndNoRegistration() {
        try (PlatformFixture f = new PlatformFixture()) {
            assertThat(f.udp(DEVICE).password("wrong").register(3600).status()).isEqualTo(403);
            PlatformStats stats = f.platform.stats();
            assertThat(stats.authFailures(AuthFailure.WRONG_PASSWORD)).isEqualTo(1);
            assertThat(stats.authFailures(AuthFailure.LOCKED_OUT)).isZero();
            assertThat(stats.registrations()).isZero();
            assertThat(stats.devicesRegistered()).isZero();
            Series forbidden = new Series(Direction.OUT, "REGISTER", 403);
            await().atMost(WAIT).until(() -> stats.sip().messages().count(forbidden) == 1);
        }
    }

    @Test
    void aQueryInFlightThenTimedOutAndItsRetransmissions() {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            QueryTest.registered(f, Transport.UDP); // never answers the query's MESSAGE
            PlatformStats stats = f.platform.stats();
            CompletableFuture<ManscdpMessage> silent = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            assertThat(stats.queriesInFlight()).isEqualTo(1);

            assertThatThrownBy(() -> QueryTest.answer(silent)).cause().isInstanceOf(ManscdpTimeoutException.class);
            assertThat(stats.queriesTimedOut()).isEqualTo(1);
            await().atMost(WAIT).until(() -> stats.queriesInFlight() == 0);
            // over UDP the MESSAGE went again at T1 (500 ms) before the 1.5 s deadline, each copy counted
            assertThat(stats.sip().retransmissionsSent()).isGreaterThanOrEqualTo(1);
            assertThat(stats.sip().messages().count(new Series(Direction.OUT, "MESSAGE", 0))).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void completeAndIncompleteCatalogsAreCountedApart() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = QueryTest.registered(f, Transport.UDP);
            PlatformStats stats = f.platform.stats();
            device.autoAnswer(request -> device.catalogParts(TestDevice.sn(request), 40, 20));
            QueryTest.answer(f.platform.query(DEVICE, ManscdpQueries.create("Catalog")));
            assertThat(stats.catalogsComplete()).isEqualTo(1);
            assertThat(stats.catalogsIncomplete()).isZero();

            device.autoAnswer(request -> {
                List<String> parts = new ArrayList<>(device.catalogParts(TestDevice.sn(request), 40, 20));
                parts.remove(1); // items 20..39 never arrive
                return parts;
            });
            QueryTest.answer(f.platform.query(DEVICE, ManscdpQueries.create("Catalog")));
            assertThat(stats.catalogsIncomplete()).isEqualTo(1);
            assertThat(stats.catalogsComplete()).isEqualTo(1);
            assertThat(stats.queriesTimedOut()).isZero();
        }
    }

    @Test
    void countersOutliveARestart() {
        try (PlatformFixture f = new PlatformFixture()) {
            assertThat(f.udp(DEVICE).register(3600).status()).isEqualTo(200);
            PlatformStats stats = f.platform.stats();
            long received = stats.sip().received();
            f.platform.stop();
            f.platform.start();
            assertThat(f.platform.stats()).isSameAs(stats);
            assertThat(stats.registrations()).isEqualTo(1);
            assertThat(stats.sip().received()).isEqualTo(received).isPositive();
        }
    }
}
