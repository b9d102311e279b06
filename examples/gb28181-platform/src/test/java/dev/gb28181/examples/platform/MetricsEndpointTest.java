package dev.gb28181.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.testing.TestDevice;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The platform's meters on {@code /actuator/prometheus}, read over HTTP before and after a simulated device registers
 * and sends a keepalive. Spring Boot tests export no metrics unless asked ({@link AutoConfigureObservability}), so
 * this class has a context of its own; differences rather than absolute values keep it true whatever else registers.
 */
@CamelSpringBootTest
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camel.component.gb28181.host=127.0.0.1", "camel.component.gb28181.port=0",
                "camel.component.gb28181.request-timeout=2s" })
class MetricsEndpointTest {

    private static final String DEVICE = "34020000001320000021";

    @Autowired
    CamelContext camelContext;

    @Autowired
    TestRestTemplate http;

    @Test
    void aRegistrationShowsOnThePrometheusEndpoint() {
        Gb28181Component component = camelContext.getComponent("gb28181", Gb28181Component.class);
        String before = http.getForObject("/actuator/prometheus", String.class);
        assertThat(before).contains("# TYPE gb28181_devices_registered gauge")
                .contains("# TYPE gb28181_keepalives_total counter");

        try (TestDevice device = TestDevice.udp(DEVICE, new InetSocketAddress("127.0.0.1",
                component.getPlatform().sipPort())).password("12345678")) {
            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(device.keepalive().status()).isEqualTo(200);
            String after = http.getForObject("/actuator/prometheus", String.class);

            String registered = "gb28181_devices_registered";
            assertThat(value(after, registered, "")).isEqualTo(value(before, registered, "") + 1);
            String online = "gb28181_devices_online";
            assertThat(value(after, online, "")).isEqualTo(value(before, online, "") + 1);
            String registrations = "gb28181_registrations_total";
            assertThat(value(after, registrations, "type=\"registered\"")).isEqualTo(
                    value(before, registrations, "type=\"registered\"") + 1);
            String keepalives = "gb28181_keepalives_total";
            assertThat(value(after, keepalives, "")).isEqualTo(value(before, keepalives, "") + 1);
            String requests = "gb28181_sip_requests_total";
            String registerIn = "direction=\"in\",method=\"REGISTER\"";
            assertThat(value(after, requests, registerIn)).isGreaterThanOrEqualTo(value(before, requests, registerIn)
                    + 2); // the REGISTER that got the 401 challenge and the one with credentials
            assertThat(value(after, "gb28181_sip_responses_total", "direction=\"out\",method=\"REGISTER\",status=\"200\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(after, requests, "direction=\"in\",method=\"MESSAGE\"")).isGreaterThanOrEqualTo(1);
        }
    }

    /**
     * The value of the series {@code name} whose labels contain {@code labels} (Micrometer writes them sorted by
     * name), 0 when absent (a SIP series appears at its first message).
     */
    private static double value(String exposition, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(exposition);
        while (m.find()) {
            if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
