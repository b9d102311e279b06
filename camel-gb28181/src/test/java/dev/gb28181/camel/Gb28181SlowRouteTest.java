package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The SIP side never waits for routes: a route that blocks does not delay the device's 200 OK, and a
 * route that throws is handled by the route's error handler while the device keeps getting 200.
 */
class Gb28181SlowRouteTest extends Gb28181TestSupport {

    private static final String CAMERA = "34020000001320000011";

    private final CountDownLatch routeEntered = new CountDownLatch(1);
    private final CountDownLatch releaseRoute = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // blocks up to 2 s, or until the test has seen the device's answers
                from("gb28181:register").routeId("slow")
                        .process(exchange -> {
                            routeEntered.countDown();
                            releaseRoute.await(2, TimeUnit.SECONDS);
                        })
                        .to("mock:registered");

                from("gb28181:keepalive").routeId("failing")
                        .errorHandler(deadLetterChannel("mock:dead"))
                        .throwException(new IllegalStateException("route failure"));
            }
        };
    }

    @Test
    void blockedRouteDoesNotDelayTheAnswer() throws Exception {
        TestDevice camera = device(Transport.UDP, CAMERA).timeout(Duration.ofSeconds(1));

        SipResponse first = camera.register(3600);
        assertThat(first.status()).isEqualTo(200);
        assertThat(routeEntered.await(5, TimeUnit.SECONDS)).as("route received the event").isTrue();
        // the route is still blocked on its first event: the refresh is answered all the same
        SipResponse refresh = camera.register(3600);
        assertThat(refresh.status()).isEqualTo(200);
        assertThat(releaseRoute.getCount()).as("route still blocked while the device got its answers").isEqualTo(1);

        MockEndpoint registered = getMockEndpoint("mock:registered");
        registered.expectedMessageCount(2);
        releaseRoute.countDown();
        registered.assertIsSatisfied();
    }

    @Test
    void failingRouteIsHandledAndSipStillAnswers() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(2);
        TestDevice camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);

        assertThat(camera.keepalive().status()).isEqualTo(200);
        assertThat(camera.keepalive().status()).isEqualTo(200);

        dead.assertIsSatisfied();
        assertThat(dead.getExchanges().get(0).getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessage("route failure");
        assertThat(context.getRouteController().getRouteStatus("failing").isStarted()).isTrue();
    }
}
