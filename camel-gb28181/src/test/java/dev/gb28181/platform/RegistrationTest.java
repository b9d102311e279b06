package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** REGISTER with digest over UDP and TCP (GB/T 28181-2016 §9.1) against a real platform on loopback. */
class RegistrationTest {

    private static final String DEVICE = "34020000001320000001";

    @ParameterizedTest
    @EnumSource(Transport.class)
    void challengesThenRegisters(Transport transport) {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.device(transport, DEVICE).userAgent("SIP UAS V3.0.0.675168");

            SipResponse challenge = device.send(device.registerRequest(3600));
            assertThat(challenge.status()).isEqualTo(401);
            Map<String, String> params = TestDevice.challengeParams(challenge.header(HeaderNames.WWW_AUTHENTICATE));
            assertThat(challenge.header(HeaderNames.WWW_AUTHENTICATE)).startsWith("Digest ");
            assertThat(params).containsEntry("realm", "3402000000").containsEntry("algorithm", "MD5")
                    .containsEntry("qop", "auth").containsKey("nonce");
            assertThat(challenge.to().tag()).isNotBlank();

            SipResponse ok = device.register(3600);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header(HeaderNames.DATE)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
            assertThat(ok.header(HeaderNames.EXPIRES)).isEqualTo("3600");
            assertThat(ok.header(HeaderNames.CONTACT)).contains(DEVICE + "@127.0.0.1:" + device.localAddress().getPort());

            await().until(() -> f.events.types(DEVICE).size() >= 2);
            assertThat(f.events.types(DEVICE)).containsExactly(RegisterEvent.REGISTERED, StatusEvent.ONLINE);
            RegisterEvent registered = f.events.last(RegisterEvent.class);
            assertThat(registered.transport()).isEqualTo(transport.name());
            assertThat(registered.expires()).isEqualTo(3600);
            assertThat(registered.userAgent()).isEqualTo("SIP UAS V3.0.0.675168");
            assertThat(registered.remoteAddress()).isEqualTo("127.0.0.1:" + device.localAddress().getPort());
            assertThat(f.events.last(StatusEvent.class).reason()).isEqualTo("REGISTERED");

            Device d = f.registered(DEVICE);
            assertThat(d.online()).isTrue();
            assertThat(d.transport()).isEqualTo(transport);
            assertThat(d.remoteAddress()).isEqualTo(device.localAddress());
            assertThat(d.userAgent()).isEqualTo("SIP UAS V3.0.0.675168");
            assertThat(d.expiresAt()).isAfter(d.registeredAt().plusSeconds(3599));
            assertThat(f.platform.registry().size()).isEqualTo(1);
            assertThat(f.platform.registry().onlineCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void refreshThenUnregister(Transport transport) {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.device(transport, DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            SipResponse refresh = device.register(3600);
            assertThat(refresh.status()).isEqualTo(200);
            SipResponse bye = device.unregister();
            assertThat(bye.status()).isEqualTo(200);
            assertThat(bye.header(HeaderNames.EXPIRES)).isEqualTo("0");

            await().until(() -> f.events.types(DEVICE).size() >= 5);
            assertThat(f.events.types(DEVICE)).containsExactly(RegisterEvent.REGISTERED, StatusEvent.ONLINE,
                    RegisterEvent.REFRESHED, RegisterEvent.UNREGISTERED, StatusEvent.OFFLINE);
            assertThat(f.events.last(StatusEvent.class).reason()).isEqualTo("UNREGISTERED");
            assertThat(f.platform.registry().find(DEVICE)).isEmpty();
            assertThat(device.keepalive().status()).isEqualTo(404);
        }
    }

    @Test
    void expiresIsClampedToTheConfiguredBounds() {
        try (PlatformFixture f = new PlatformFixture(PlatformFixture.config()
                .registerExpiresMin(Duration.ofSeconds(3600)).registerExpiresMax(Duration.ofSeconds(7200)))) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(60).header(HeaderNames.EXPIRES)).isEqualTo("3600");
            assertThat(device.register(86400).header(HeaderNames.EXPIRES)).isEqualTo("7200");
            assertThat(device.register(5000).header(HeaderNames.EXPIRES)).isEqualTo("5000");
        }
    }

    @Test
    void contactExpiresZeroUnregisters() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            SipRequest request = device.registerRequest(3600);
            request.setHeader(HeaderNames.CONTACT, request.header(HeaderNames.CONTACT) + ";expires=0");
            assertThat(device.send(device.authorize(request)).status()).isEqualTo(200);
            await().until(() -> f.events.count(DEVICE, RegisterEvent.UNREGISTERED) == 1);
            assertThat(f.platform.registry().size()).isZero();
        }
    }

    @Test
    void acceptsRfc2069AnswersAndPlatformIdUsernames() {
        try (PlatformFixture f = new PlatformFixture(PlatformFixture.config().digestQop(false))) {
            TestDevice plain = f.udp(DEVICE);
            SipResponse challenge = plain.send(plain.registerRequest(3600));
            assertThat(challenge.header(HeaderNames.WWW_AUTHENTICATE)).doesNotContain("qop");
            assertThat(plain.register(3600).status()).isEqualTo(200);

            // lunasaw's client: digest username is the platform ID; the device is the From user.
            // The digest uri names the platform by domain, not the Request-URI's IP and port.
            TestDevice other = f.udp("34020000001320000002").username(PlatformFixture.PLATFORM_ID)
                    .authUri("sip:" + PlatformFixture.PLATFORM_ID + "@3402000000");
            assertThat(other.register(3600).status()).isEqualTo(200);
            assertThat(f.platform.registry().find("34020000001320000002")).isPresent();
        }
    }

    @Test
    void deviceAnsweringWithoutQopAQopChallengeIsAccepted() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE).qop(false);
            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(device.send(device.authorize(device.registerRequest(3600), device.lastChallenge(), 1)).status())
                    .as("an RFC 2069 answer is single-use").isEqualTo(401);
        }
    }

    @Test
    void replayedNonceCountIsRefusedWithAFreshChallenge() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            String challenge = device.lastChallenge();
            SipResponse replay = device.send(device.authorize(device.registerRequest(3600), challenge, 1));
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.header(HeaderNames.WWW_AUTHENTICATE)).doesNotContain("stale");
            assertThat(TestDevice.challengeParams(replay.header(HeaderNames.WWW_AUTHENTICATE)).get("nonce"))
                    .isNotEqualTo(TestDevice.challengeParams(challenge).get("nonce"));
            assertThat(device.send(device.authorize(device.registerRequest(3600), challenge, 2)).status())
                    .isEqualTo(200);
            assertThat(f.events.count(DEVICE, RegisterEvent.REGISTERED)).isEqualTo(1);
        }
    }

    @Test
    void expiredNonceGetsStaleAndTheDeviceRecovers() {
        try (PlatformFixture f = new PlatformFixture(PlatformFixture.config().nonceTtl(Duration.ofMillis(200)))) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            String challenge = device.lastChallenge();
            SipResponse stale = await().pollDelay(Duration.ofMillis(250)).until(
                    () -> device.send(device.authorize(device.registerRequest(3600), challenge, 2)),
                    r -> r.status() == 401);
            assertThat(TestDevice.challengeParams(stale.header(HeaderNames.WWW_AUTHENTICATE)))
                    .containsEntry("stale", "true");
            assertThat(device.register(3600).status()).isEqualTo(200);
        }
    }

    @Test
    void concurrentFirstRegistersYieldOneRegisteredEvent() throws Exception {
        try (PlatformFixture f = new PlatformFixture()) {
            int n = 8;
            List<TestDevice> copies = new ArrayList<>();
            List<SipRequest> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TestDevice d = f.udp(DEVICE);
                SipResponse challenge = d.send(d.registerRequest(3600));
                copies.add(d);
                answers.add(d.authorize(d.registerRequest(3600), challenge.header(HeaderNames.WWW_AUTHENTICATE), 1));
            }
            CyclicBarrier start = new CyclicBarrier(n);
            List<CompletableFuture<SipResponse>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TestDevice d = copies.get(i);
                SipRequest answer = answers.get(i);
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return d.send(answer);
                }, r -> new Thread(r).start()));
            }
            for (CompletableFuture<SipResponse> r : results) {
                assertThat(r.get().status()).isEqualTo(200);
            }
            await().until(() -> f.events.types(DEVICE).size() >= n + 1);
            assertThat(f.events.count(DEVICE, RegisterEvent.REGISTERED)).isEqualTo(1);
            assertThat(f.events.count(DEVICE, RegisterEvent.REFRESHED)).isEqualTo(n - 1);
            assertThat(f.events.count(DEVICE, StatusEvent.ONLINE)).isEqualTo(1);
            assertThat(f.events.types(DEVICE).get(0)).isEqualTo(RegisterEvent.REGISTERED);
        }
    }

    @Test
    void startAndStopAreIdempotentAndReportTheBinding() {
        Gb28181Platform platform = new Gb28181Platform(PlatformFixture.config());
        assertThat(platform.isSipBound()).isFalse();
        assertThat(platform.sipPort()).isEqualTo(-1);
        platform.start();
        platform.start();
        assertThat(platform.isSipBound()).isTrue();
        assertThat(platform.sipPort()).isPositive();
        platform.stop();
        platform.close();
        assertThat(platform.isSipBound()).isFalse();
        assertThat(platform.sipPort()).isEqualTo(-1);
    }
}
