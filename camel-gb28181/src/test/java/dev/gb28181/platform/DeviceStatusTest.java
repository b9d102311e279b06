package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.testing.TestDevice;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** ONLINE/OFFLINE and registration expiry on the platform's timer (GB/T 28181-2016 §9.6, §9.1). */
class DeviceStatusTest {

    private static final String DEVICE = "34020000001320000001";

    private static PlatformConfig fastKeepalive() {
        return PlatformFixture.config().keepaliveInterval(Duration.ofMillis(200)).keepaliveTimeoutCount(2);
    }

    @Test
    void offlineAfterMissedKeepalivesThenOnlineOnTheNext() {
        try (PlatformFixture f = new PlatformFixture(fastKeepalive())) {
            TestDevice device = f.udp(DEVICE);
            long registered = System.nanoTime();
            assertThat(device.register(3600).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> f.events.count(DEVICE, StatusEvent.OFFLINE) == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - registered)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(f.events.last(StatusEvent.class).reason()).isEqualTo("KEEPALIVE_TIMEOUT");
            assertThat(f.registered(DEVICE).online()).isFalse();
            assertThat(f.platform.registry().onlineCount()).isZero();

            assertThat(device.keepalive().status()).isEqualTo(200);
            await().until(() -> f.events.count(DEVICE, KeepaliveEvent.KEEPALIVE) == 1);
            assertThat(f.events.types(DEVICE)).containsExactly(RegisterEvent.REGISTERED, StatusEvent.ONLINE,
                    StatusEvent.OFFLINE, StatusEvent.ONLINE, KeepaliveEvent.KEEPALIVE);
            assertThat(f.events.last(StatusEvent.class).reason()).isEqualTo("KEEPALIVE");
            assertThat(f.registered(DEVICE).online()).isTrue();

            // and the re-armed timer takes it offline again
            await().atMost(Duration.ofSeconds(5)).until(() -> f.events.count(DEVICE, StatusEvent.OFFLINE) == 2);
        }
    }

    @Test
    void keepalivesInTimeKeepTheDeviceOnline() {
        // offline after 600 ms of silence; a keepalive every 100 ms leaves room for a slow CI machine
        PlatformConfig config = PlatformFixture.config().keepaliveInterval(Duration.ofMillis(300)).keepaliveTimeoutCount(2);
        try (PlatformFixture f = new PlatformFixture(config)) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
                    .until(() -> device.keepalive().status() == 200 && f.events.count(DEVICE, StatusEvent.OFFLINE) == 0);
            assertThat(f.registered(DEVICE).online()).isTrue();
        }
    }

    @Test
    void registrationExpiresThenTheDeviceMustRegisterAgain() {
        PlatformConfig config = PlatformFixture.config().registerExpiresMin(Duration.ofSeconds(1))
                .registerExpiresMax(Duration.ofSeconds(1));
        try (PlatformFixture f = new PlatformFixture(config)) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).header("Expires")).isEqualTo("1");
            await().atMost(Duration.ofSeconds(5)).until(() -> f.events.count(DEVICE, RegisterEvent.EXPIRED) == 1);
            assertThat(f.events.types(DEVICE)).containsExactly(RegisterEvent.REGISTERED, StatusEvent.ONLINE,
                    RegisterEvent.EXPIRED, StatusEvent.OFFLINE);
            assertThat(f.events.last(StatusEvent.class).reason()).isEqualTo("REGISTRATION_EXPIRED");
            assertThat(f.platform.registry().find(DEVICE)).isEmpty();
            assertThat(device.keepalive().status()).isEqualTo(404);

            assertThat(device.register(3600).status()).isEqualTo(200);
            await().until(() -> f.events.count(DEVICE, RegisterEvent.REGISTERED) == 2);
        }
    }
}
