package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.platform.KeepaliveEvent;
import dev.gb28181.platform.RegisterEvent;
import dev.gb28181.platform.StatusEvent;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Each consumer kind receives the platform's events of simulated devices, with body and headers. */
class Gb28181ConsumerTest extends Gb28181TestSupport {

    private static final String CAMERA = "34020000001320000001";
    private static final String NVR = "34020000001180000002";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:register").to("mock:register");
                from("gb28181:keepalive").to("mock:keepalive");
                from("gb28181:status").to("mock:status");
                from("gb28181:status").to("mock:status2");
                // one worker: an event that slipped through the filter would arrive before the NVR's
                from("gb28181:register?concurrentConsumers=1&deviceId=" + NVR).to("mock:nvr");
            }
        };
    }

    @Test
    void registerEventOverUdp() throws Exception {
        MockEndpoint register = getMockEndpoint("mock:register");
        register.expectedMessageCount(1);
        Instant before = Instant.now();

        TestDevice camera = device(Transport.UDP, CAMERA).userAgent("IP Camera");
        assertThat(camera.register(3600).status()).isEqualTo(200);

        register.assertIsSatisfied();
        Message in = register.getExchanges().get(0).getMessage();
        assertThat(in.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
        assertThat(in.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo(RegisterEvent.REGISTERED);
        assertThat(in.getHeader(Gb28181Constants.TRANSPORT)).isEqualTo("UDP");
        assertThat(in.getHeader(Gb28181Constants.REMOTE_ADDRESS))
                .isEqualTo("127.0.0.1:" + camera.localAddress().getPort());
        RegisterEvent event = in.getBody(RegisterEvent.class);
        assertThat(event.deviceId()).isEqualTo(CAMERA);
        assertThat(event.eventType()).isEqualTo(RegisterEvent.REGISTERED);
        assertThat(event.userAgent()).isEqualTo("IP Camera");
        assertThat(event.expires()).isEqualTo(3600);
        assertThat(event.timestamp()).isBetween(before, Instant.now());
    }

    @Test
    void registerEventOverTcpNamesTheTransport() throws Exception {
        MockEndpoint register = getMockEndpoint("mock:register");
        register.expectedMessageCount(1);
        register.expectedHeaderReceived(Gb28181Constants.TRANSPORT, "TCP");

        assertThat(device(Transport.TCP, CAMERA).register(3600).status()).isEqualTo(200);

        register.assertIsSatisfied();
    }

    @Test
    void keepaliveEvent() throws Exception {
        TestDevice camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);
        MockEndpoint keepalive = getMockEndpoint("mock:keepalive");
        keepalive.expectedMessageCount(1);

        assertThat(camera.keepalive().status()).isEqualTo(200);

        keepalive.assertIsSatisfied();
        Message in = keepalive.getExchanges().get(0).getMessage();
        assertThat(in.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
        assertThat(in.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo(KeepaliveEvent.KEEPALIVE);
        assertThat(in.getHeader(Gb28181Constants.TRANSPORT)).isEqualTo("UDP");
        assertThat(in.getHeader(Gb28181Constants.REMOTE_ADDRESS))
                .isEqualTo("127.0.0.1:" + camera.localAddress().getPort());
        KeepaliveEvent event = in.getBody(KeepaliveEvent.class);
        assertThat(event.status()).isEqualTo("OK");
        assertThat(event.sn()).isNotBlank();
    }

    @Test
    void statusEventsOnlineThenOfflineOnUnregister() throws Exception {
        MockEndpoint status = getMockEndpoint("mock:status");
        status.expectedMessageCount(2);
        MockEndpoint secondRoute = getMockEndpoint("mock:status2");
        secondRoute.expectedMessageCount(2);

        TestDevice camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);
        assertThat(camera.unregister().status()).isEqualTo(200);

        status.assertIsSatisfied();
        secondRoute.assertIsSatisfied();
        assertThat(status.getExchanges()).extracting(e -> e.getMessage().getHeader(Gb28181Constants.EVENT_TYPE))
                .containsExactly(StatusEvent.ONLINE, StatusEvent.OFFLINE);
        Exchange offline = status.getExchanges().get(1);
        assertThat(offline.getMessage().getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
        assertThat(offline.getMessage().getBody(StatusEvent.class).reason()).isEqualTo("UNREGISTERED");
        assertThat(offline.getMessage().getHeaders()).doesNotContainKey(Gb28181Constants.TRANSPORT);
    }

    @Test
    void deviceIdOptionFiltersEvents() throws Exception {
        MockEndpoint all = getMockEndpoint("mock:register");
        all.expectedMessageCount(2);
        MockEndpoint nvr = getMockEndpoint("mock:nvr");
        nvr.expectedMessageCount(1);
        nvr.expectedHeaderReceived(Gb28181Constants.DEVICE_ID, NVR);

        assertThat(device(Transport.UDP, CAMERA).register(3600).status()).isEqualTo(200);
        assertThat(device(Transport.UDP, NVR).register(3600).status()).isEqualTo(200);

        all.assertIsSatisfied();
        nvr.assertIsSatisfied();
        assertThat(nvr.getReceivedCounter()).isEqualTo(1);
    }
}
