package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.testing.TestDevice;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Who may register (GB/T 28181-2016 §9.1.2.1): passwords, allow-lists, lockout, no-password mode. */
class AuthPolicyTest {

    private static final String DEVICE = "34020000001320000001";
    private static final String OTHER = "34020000001320000002";

    @Test
    void wrongPasswordIsForbiddenWithoutEvent() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE).password("wrong");
            SipResponse response = device.register(3600);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header(HeaderNames.WWW_AUTHENTICATE)).isNull();
            assertThat(f.platform.registry().size()).isZero();
            assertThat(f.events.all()).isEmpty();
        }
    }

    @Test
    void allowListRefusesUnknownDevicesAndUsesPerDevicePasswords() {
        PlatformConfig config = PlatformFixture.config().password(null)
                .credentialsProvider(CredentialsProvider.of(Map.of(DEVICE, "per-device"), true));
        try (PlatformFixture f = new PlatformFixture(config)) {
            SipResponse unknown = f.udp(OTHER).register(3600);
            assertThat(unknown.status()).isEqualTo(403);
            assertThat(unknown.header(HeaderNames.WWW_AUTHENTICATE)).isNull();
            assertThat(f.udp(DEVICE).register(3600).status()).as("default password is not the device's").isEqualTo(403);
            assertThat(f.udp(DEVICE).password("per-device").register(3600).status()).isEqualTo(200);
        }
    }

    @Test
    void providerWithoutAllowListFallsBackToTheDefaultPassword() {
        PlatformConfig config = PlatformFixture.config()
                .credentialsProvider(CredentialsProvider.of(Map.of(DEVICE, "per-device"), false));
        try (PlatformFixture f = new PlatformFixture(config)) {
            assertThat(f.udp(OTHER).register(3600).status()).isEqualTo(200);
            assertThat(f.udp(DEVICE).password("per-device").register(3600).status()).isEqualTo(200);
        }
    }

    @Test
    void repeatedFailuresLockTheSourceOut() {
        PlatformConfig config = PlatformFixture.config().authFailureLimit(3).authLockout(Duration.ofMinutes(5));
        try (PlatformFixture f = new PlatformFixture(config)) {
            TestDevice guesser = f.udp(DEVICE).password("guess");
            for (int i = 0; i < 3; i++) {
                assertThat(guesser.register(3600).status()).isEqualTo(403);
            }
            TestDevice other = f.udp(OTHER);
            SipResponse locked = other.send(other.registerRequest(3600));
            assertThat(locked.status()).as("same source address, right password or not").isEqualTo(403);
            assertThat(locked.header(HeaderNames.WWW_AUTHENTICATE)).isNull();
            assertThat(f.platform.registry().size()).isZero();
        }
    }

    @Test
    void lockoutEnds() {
        PlatformConfig config = PlatformFixture.config().authFailureLimit(2).authLockout(Duration.ofMillis(300));
        try (PlatformFixture f = new PlatformFixture(config)) {
            TestDevice guesser = f.udp(DEVICE).password("guess");
            guesser.register(3600);
            guesser.register(3600);
            TestDevice good = f.udp(DEVICE);
            assertThat(good.send(good.registerRequest(3600)).status()).isEqualTo(403);
            await().atMost(Duration.ofSeconds(5)).until(() -> good.register(3600).status() == 200);
        }
    }

    @Test
    void withoutAnyPasswordDevicesRegisterUnauthenticated() {
        try (PlatformFixture f = new PlatformFixture(PlatformFixture.config().password(null))) {
            TestDevice device = f.udp(DEVICE).password(null);
            SipResponse ok = device.send(device.registerRequest(3600));
            assertThat(ok.status()).isEqualTo(200);
            await().until(() -> f.events.count(DEVICE, RegisterEvent.REGISTERED) == 1);
        }
    }
}
