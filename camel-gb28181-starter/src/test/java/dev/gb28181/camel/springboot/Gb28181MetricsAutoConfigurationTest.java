package dev.gb28181.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.testing.TestDevice;

import java.net.InetSocketAddress;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Micrometer present the starter binds the component's counters to the application's meter registry
 * ({@link dev.gb28181.camel.metrics.Gb28181Metrics} through Boot's own binding of {@code MeterBinder} beans).
 */
@CamelSpringBootTest
@EnableAutoConfiguration
@SpringBootTest(classes = Gb28181MetricsAutoConfigurationTest.Routes.class, properties = {
        "camel.component.gb28181.port=0",
        "camel.component.gb28181.host=127.0.0.1",
        "camel.component.gb28181.sip-id=" + TestDevice.DEFAULT_PLATFORM_ID,
        "camel.component.gb28181.password=s3cret-pass",
        "camel.component.gb28181.transports=udp" })
class Gb28181MetricsAutoConfigurationTest {

    private static final String DEVICE = "34020000001320000001";

    @Autowired
    CamelContext camelContext;

    @Autowired
    MeterRegistry registry;

    @Test
    void aRegistrationShowsInTheMeters() {
        Gb28181Component component = camelContext.getComponent("gb28181", Gb28181Component.class);
        assertThat(registry.get("gb28181.devices.registered").gauge().value()).isZero();
        assertThat(registry.find("gb28181.sip.requests").meters()).isEmpty();

        try (TestDevice device = TestDevice.udp(DEVICE, new InetSocketAddress("127.0.0.1",
                component.getPlatform().sipPort())).password("s3cret-pass")) {
            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(device.keepalive().status()).isEqualTo(200);

            assertThat(registry.get("gb28181.devices.registered").gauge().value()).isEqualTo(1);
            assertThat(registry.get("gb28181.devices.online").gauge().value()).isEqualTo(1);
            assertThat(registry.get("gb28181.registrations").tag("type", "registered").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("gb28181.keepalives").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("gb28181.sip.requests").tag("method", "REGISTER").tag("direction", "in")
                    .functionCounter().count()).isGreaterThanOrEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> registry.find("gb28181.sip.responses")
                    .tag("method", "MESSAGE").tag("status", "200").tag("direction", "out").functionCounter() != null);
            assertThat(registry.get("gb28181.sip.responses").tag("method", "REGISTER").tag("status", "401")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("gb28181.auth.failures").tag("reason", "wrong_password").functionCounter()
                    .count()).isZero();
            assertThat(registry.get("gb28181.media.sessions").gauge().value()).isZero();
            assertThat(registry.get("gb28181.media.frames").tag("codec", "H264").functionCounter().count()).isZero();
            assertThat(registry.get("gb28181.rtp.packets").functionCounter().count()).isZero();
        }
    }

    @Configuration
    static class Routes {

        @Bean
        RouteBuilder registrations() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181:register").to("log:registrations");
                }
            };
        }
    }
}
