package dev.gb28181.camel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.camel.Gb28181Component;
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
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * {@link Gb28181Metrics} on a platform with a device on real sockets, the adoc's meter table against it, and meters
 * bound once to a component that restarts (a new platform each start).
 */
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

    @Test
    void aComponentsMetersCountOnAcrossItsRestarts() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Gb28181Component component = new Gb28181Component();
            component.getConfiguration().setHost("127.0.0.1");
            component.getConfiguration().setPort(0);
            component.getConfiguration().setPassword(PASSWORD);
            context.addComponent("gb28181", component);
            MeterRegistry registry = new SimpleMeterRegistry();
            new Gb28181Metrics(component.getStats()).bindTo(registry); // before the first start, as Spring Boot does
            context.start();
            register(component, DEVICE);
            Gb28181Platform first = component.getPlatform();

            component.stop();
            component.start();
            assertThat(component.getPlatform()).isNotSameAs(first);
            register(component, "34020000001320000003");

            assertThat(registry.get("gb28181.registrations").tag("type", "registered").functionCounter().count())
                    .isEqualTo(2);
            assertThat(registry.get("gb28181.sip.requests").tags("method", "REGISTER", "direction", "in")
                    .functionCounter().count()).isGreaterThanOrEqualTo(4);
            assertThat(registry.get("gb28181.devices.registered").gauge().value()).as("the new platform's registry")
                    .isEqualTo(1);
        }
    }

    private static void register(Gb28181Component component, String deviceId) {
        try (TestDevice device = TestDevice.udp(deviceId, new InetSocketAddress("127.0.0.1",
                component.getPlatform().sipPort())).password(PASSWORD)) {
            assertThat(device.register(3600).status()).isEqualTo(200);
        }
    }
}
