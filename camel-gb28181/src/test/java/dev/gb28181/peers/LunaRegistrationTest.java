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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GB/T 28181-2016 §9.1 registration with digest and §9.6 keepalive played by
 * {@code io.github.lunasaw:gb28181-client} (JAIN-SIP), a device the project did not write, against a
 * real platform on loopback. Its digest {@code username} is the platform ID, not its own ID.
 */
@ResourceLock(LunaDevice.LOCK)
class LunaRegistrationTest {

    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String PASSWORD = "gb28181-luna";
    private static final String DEVICE_ID = "34020000001320000077";

    private final Queue<PlatformEvent> events = new ConcurrentLinkedQueue<>();
    private Gb28181Platform platform;
    private LunaDevice device;

    @BeforeEach
    void start() {
        platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID).host("127.0.0.1").port(0).password(PASSWORD));
        platform.addListener(events::add);
        platform.start();
    }

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
        platform.stop();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void registersWithDigestAndKeepsAlive(Transport transport) {
        device = LunaDevice.start(DEVICE_ID, PLATFORM_ID, new InetSocketAddress("127.0.0.1", platform.sipPort()),
                PASSWORD, transport);
        device.register();
        device.keepalive();
        device.keepalive();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(events).filteredOn(RegisterEvent.class::isInstance).map(RegisterEvent.class::cast)
                    .singleElement().satisfies(e -> {
                        assertThat(e.deviceId()).isEqualTo(DEVICE_ID);
                        assertThat(e.eventType()).isEqualTo(RegisterEvent.REGISTERED);
                        assertThat(e.transport()).isEqualTo(transport.name());
                        // over TCP the device connects from an ephemeral port
                        assertThat(e.remoteAddress()).startsWith("127.0.0.1:");
                        if (transport == Transport.UDP) {
                            assertThat(e.remoteAddress()).isEqualTo("127.0.0.1:" + device.address().getPort());
                        }
                    });
            assertThat(events).filteredOn(KeepaliveEvent.class::isInstance).map(KeepaliveEvent.class::cast)
                    .hasSize(2).allSatisfy(e -> {
                        assertThat(e.deviceId()).isEqualTo(DEVICE_ID);
                        assertThat(e.status()).isEqualTo("OK");
                    });
        });
        assertThat(platform.registry().find(DEVICE_ID)).get().extracting(Device::online).isEqualTo(true);
    }
}
