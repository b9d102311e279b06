package dev.gb28181.peers;

import dev.gb28181.platform.Device;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.KeepaliveEvent;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.platform.PlatformEvent;
import dev.gb28181.platform.RegisterEvent;
import dev.gb28181.sip.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GB/T 28181-2016 §9.1 registration with digest authentication (RFC 3261 §22) and §9.6 keepalive,
 * played by sipp, a SIP implementation the project did not write, against a real platform on
 * loopback over UDP and TCP.
 */
class SippRegistrationTest {

    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String DOMAIN = "3402000000";
    private static final String PASSWORD = "gb28181-sipp";
    private static final String HOST = "127.0.0.1";
    private static final String DEVICE_ID = "34020000001320000001";
    private static final int KEEPALIVES = 3;
    private static final Duration SETTLE = Duration.ofSeconds(5);

    @TempDir
    Path work;

    private final Queue<PlatformEvent> events = new ConcurrentLinkedQueue<>();
    private Gb28181Platform platform;

    @BeforeEach
    void startPlatform() {
        platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID)
                .host(HOST)
                .port(0)
                .password(PASSWORD)
                .keepaliveInterval(Duration.ofSeconds(2))
                .keepaliveTimeoutCount(3));
        platform.addListener(events::add);
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void deviceRegistersWithDigestAndSendsKeepalives(Transport transport) {
        Sipp.Result result = Sipp.scenario("device-register-keepalive.xml", work)
                .platform(PLATFORM_ID, DOMAIN)
                .key("keepalives", Integer.toString(KEEPALIVES))
                .device(DEVICE_ID, PASSWORD)
                .transport(transport)
                .run(HOST, platform.sipPort());

        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(platform.registry().find(DEVICE_ID)).get().extracting(Device::online).isEqualTo(true);
            assertThat(registerEvents(DEVICE_ID)).singleElement().satisfies(event -> {
                assertThat(event.eventType()).isEqualTo(RegisterEvent.REGISTERED);
                assertThat(event.transport()).isEqualTo(transport.name());
                assertThat(event.remoteAddress()).startsWith(HOST + ":");
            });
            assertThat(keepaliveEvents(DEVICE_ID)).hasSize(KEEPALIVES)
                    .allSatisfy(event -> assertThat(event.status()).isEqualTo("OK"));
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void deviceWithWrongPasswordIsRefusedWith403(Transport transport) {
        Sipp.Result result = Sipp.scenario("device-wrong-password.xml", work)
                .platform(PLATFORM_ID, DOMAIN)
                .device(DEVICE_ID, "not-" + PASSWORD)
                .transport(transport)
                .run(HOST, platform.sipPort());

        // The scenario succeeds only when the digest answer got 403; the platform decided before answering.
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        assertThat(platform.registry().find(DEVICE_ID)).isEmpty();
        assertThat(registerEvents(DEVICE_ID)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void keepaliveFromUnregisteredDeviceIsRefused(Transport transport) {
        Sipp.Result result = Sipp.scenario("device-keepalive-unregistered.xml", work)
                .platform(PLATFORM_ID, DOMAIN)
                .device(DEVICE_ID, PASSWORD)
                .transport(transport)
                .run(HOST, platform.sipPort());

        // The scenario succeeds only on 404, which makes a real device register again.
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        assertThat(platform.registry().find(DEVICE_ID)).isEmpty();
        assertThat(keepaliveEvents(DEVICE_ID)).isEmpty();
    }

    @Test
    void fiftyDevicesRegisterConcurrentlyOverUdp() {
        List<String> deviceIds = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> "340200000013200" + String.format("%05d", 100 + i))
                .toList();
        Sipp sipp = Sipp.scenario("device-register-keepalive.xml", work)
                .platform(PLATFORM_ID, DOMAIN)
                .key("keepalives", "1")
                .transport(Transport.UDP)
                .rate(100);
        deviceIds.forEach(id -> sipp.device(id, PASSWORD));

        Sipp.Result result = sipp.run(HOST, platform.sipPort());

        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(platform.registry().size()).isEqualTo(deviceIds.size());
            assertThat(platform.registry().onlineCount()).isEqualTo(deviceIds.size());
            assertThat(events).filteredOn(RegisterEvent.class::isInstance)
                    .extracting(PlatformEvent::deviceId)
                    .containsExactlyInAnyOrderElementsOf(deviceIds);
            assertThat(events).filteredOn(KeepaliveEvent.class::isInstance)
                    .extracting(PlatformEvent::deviceId)
                    .containsExactlyInAnyOrderElementsOf(deviceIds);
        });
    }

    private List<RegisterEvent> registerEvents(String deviceId) {
        return events.stream()
                .filter(RegisterEvent.class::isInstance)
                .map(RegisterEvent.class::cast)
                .filter(event -> event.deviceId().equals(deviceId))
                .toList();
    }

    private List<KeepaliveEvent> keepaliveEvents(String deviceId) {
        return events.stream()
                .filter(KeepaliveEvent.class::isInstance)
                .map(KeepaliveEvent.class::cast)
                .filter(event -> event.deviceId().equals(deviceId))
                .toList();
    }
}
