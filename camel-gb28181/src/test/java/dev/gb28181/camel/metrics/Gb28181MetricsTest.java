package dev.gb28181.camel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.testing.TestDevice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** {@link Gb28181Metrics} on a platform with a device on real sockets, and the adoc's meter table against it. */
class Gb28181MetricsTest {

    private static final String DEVICE = "34020000001320000001";
    private static final String PASSWORD = "12345678";

    @Test
    void metersFollowTheDeviceAndTheDocsListEveryMeter() throws IOException {
        try (Gb28181Platform platform = new Gb28181Platform(new PlatformConfig()
                .sipId(TestDevice.DEFAULT_PLATFORM_ID).host("127.0.0.1").port(0).password(PASSWORD))) {
            platform.start();
            MeterRegistry registry = new SimpleMeterRegistry();
            new Gb28181Metrics(platform.stats()).bindTo(registry);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", platform.sipPort());
            try (TestDevice device = TestDevice.udp(DEVICE, address).password(PASSWORD);
                    TestDevice intruder = TestDevice.udp("34020000001320000002", address).password("guess")) {
                assertThat(intruder.register(3600).status()).isEqualTo(403);
                assertThat(device.register(3600).status()).isEqualTo(200);
                assertThat(device.keepalive().status()).isEqualTo(200);

                assertThat(registry.get("gb28181.devices.registered").gauge().value()).isEqualTo(1);
                assertThat(registry.get("gb28181.devices.online").gauge().value()).isEqualTo(1);
                assertThat(registry.get("gb28181.registrations").tag("type", "registered").functionCounter()
                        .count()).isEqualTo(1);
                assertThat(registry.get("gb28181.keepalives").functionCounter().count()).isEqualTo(1);
                assertThat(registry.get("gb28181.auth.failures").tag("reason", "wrong_password").functionCounter()
                        .count()).isEqualTo(1);
                assertThat(registry.get("gb28181.sip.requests").tags("method", "MESSAGE", "direction", "in")
                        .functionCounter().count()).isEqualTo(1);
                await().atMost(Duration.ofSeconds(5)).until(() -> registry.find("gb28181.sip.responses")
                        .tags("method", "REGISTER", "status", "403", "direction", "out").functionCounter() != null);
                assertThat(registry.get("gb28181.sip.responses").tags("method", "REGISTER", "status", "403",
                        "direction", "out").functionCounter().count()).isEqualTo(1);
            }

            Set<String> bound = registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> documented = new TreeSet<>();
            Matcher row = Pattern.compile("(?m)^\\| `(gb28181\\.[a-z.]+)` \\|")
                    .matcher(Files.readString(Path.of("src/main/docs/gb28181-component.adoc")));
            while (row.find()) {
                documented.add(row.group(1));
            }
            assertThat(documented).as("the adoc's Metrics table").isEqualTo(bound);
        }
    }
}
