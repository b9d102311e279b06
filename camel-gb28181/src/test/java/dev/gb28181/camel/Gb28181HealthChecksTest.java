package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

/**
 * The devices check (recently offline devices) and the consumer checks (an event kind and rtp), on a platform whose devices are
 * OFFLINE after 400 ms without a keepalive.
 */
class Gb28181HealthChecksTest extends Gb28181TestSupport {

    private static final String DEVICES_CHECK = "gb28181-devices-34020000002000000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    protected void configure(Gb28181Configuration configuration) {
        super.configure(configuration);
        configuration.setKeepaliveInterval(400);
        configuration.setKeepaliveTimeoutCount(1);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:status").routeId("status").to("mock:status");
                from("gb28181:rtp").routeId("rtp").to("mock:rtp");
            }
        };
    }

    /** The result of one check as Camel's health endpoint reports it (every result: exposure level full). */
    private Optional<HealthCheck.Result> result(String id) {
        HealthCheckHelper.getHealthCheckRegistry(context).setExposureLevel("full");
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals(id)).findFirst();
    }

    @Test
    void aDeviceThatStopsKeepingAliveIsListedUntilItComesBack() {
        TestDevice camera = device(Transport.UDP, "34020000001320000901");
        TestDevice quiet = device(Transport.UDP, "34020000001320000902");
        assertThat(result(DEVICES_CHECK)).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(r.getDetails()).containsEntry("offline.recent.count", 0).containsEntry("offline.window", "PT5M");
            assertThat(r.getCheck().isReadiness()).isFalse();
            assertThat(r.getCheck().isLiveness()).isFalse();
        });
        assertThat(camera.register(3600).status()).isEqualTo(200);
        assertThat(quiet.register(3600).status()).isEqualTo(200);

        // camera keeps alive, quiet sends nothing more and goes OFFLINE (KEEPALIVE_TIMEOUT)
        await().atMost(WAIT).until(() -> {
            assertThat(camera.keepalive().status()).isEqualTo(200);
            HealthCheck.Result r = result(DEVICES_CHECK).orElseThrow();
            return "34020000001320000902".equals(r.getDetails().get("offline.recent.devices"));
        });
        HealthCheck.Result offline = result(DEVICES_CHECK).orElseThrow();
        assertThat(offline.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(offline.getDetails()).containsEntry("offline.recent.count", 1)
                .containsEntry("devices.registered", 2);
        assertThat(offline.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("1 device(s) went offline"));
        // neither probe is affected by a device outage
        assertThat(HealthCheckHelper.invokeReadiness(context)).noneMatch(r -> r.getCheck().getId().equals(DEVICES_CHECK));
        assertThat(HealthCheckHelper.invokeLiveness(context)).noneMatch(r -> r.getCheck().getId().equals(DEVICES_CHECK));

        assertThat(quiet.keepalive().status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> result(DEVICES_CHECK).orElseThrow().getDetails().get("offline.recent.count")
                .equals(0));
    }

    @Test
    void theDevicesCheckForgetsOutagesOlderThanTheWindow() {
        component().getConfiguration().setOfflineDevicesWindow(1);
        TestDevice quiet = device(Transport.UDP, "34020000001320000903");
        assertThat(quiet.register(3600).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !component().getPlatform().registry().find("34020000001320000903")
                .orElseThrow().online());

        await().atMost(WAIT).until(() -> result(DEVICES_CHECK).orElseThrow().getDetails().get("offline.recent.count")
                .equals(0));
        assertThat(result(DEVICES_CHECK).orElseThrow().getDetails()).containsEntry("devices.online", 0L);
    }

    @Test
    void theConsumerCheckOfARouteReportsTheConsumerAndItsPlatform() {
        // what camel-main and the Spring Boot starter do with camel.health.consumers-enabled=true (the default)
        HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(context);
        registry.register(registry.resolveById("consumers"));
        HealthCheck.Result up = result("consumer:status").orElseThrow();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("gb28181.kind", "status").containsEntry("gb28181.dropped", 0L);
        assertThat(result("consumer:rtp")).hasValueSatisfying(rtp -> {
            assertThat(rtp.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(rtp.getDetails()).containsEntry("gb28181.kind", "rtp");
        });

        component().getPlatform().stop();

        HealthCheck.Result down = result("consumer:status").orElseThrow();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).contains("The GB28181 SIP port is not bound");
        assertThat(result("consumer:rtp").orElseThrow().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result(DEVICES_CHECK).orElseThrow().getState()).isEqualTo(HealthCheck.State.UP);
    }
}
