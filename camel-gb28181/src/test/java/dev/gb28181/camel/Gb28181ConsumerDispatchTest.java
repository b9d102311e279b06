package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.platform.KeepaliveEvent;
import dev.gb28181.platform.StatusEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * How the consumer hands events from the platform's threads to the route: in order per device, other
 * kinds ignored, and a full worker queue drops and counts instead of blocking the caller. The events
 * are given to the consumer as the platform gives them ({@code onEvent}), to control their timing.
 */
class Gb28181ConsumerDispatchTest extends Gb28181TestSupport {

    private final CountDownLatch blockedEntered = new CountDownLatch(1);
    private final CountDownLatch releaseBlocked = new CountDownLatch(1);
    private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    private final List<Object> others = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:keepalive?concurrentConsumers=3").routeId("ordered")
                        .process(exchange -> {
                            Object body = exchange.getMessage().getBody();
                            if (body instanceof KeepaliveEvent event) {
                                seen.computeIfAbsent(event.deviceId(), d -> new CopyOnWriteArrayList<>()).add(event.sn());
                            } else {
                                others.add(body);
                            }
                        })
                        .to("mock:ordered");

                from("gb28181:keepalive?concurrentConsumers=1&eventQueueSize=1").routeId("blocked")
                        .process(exchange -> {
                            blockedEntered.countDown();
                            releaseBlocked.await(5, TimeUnit.SECONDS);
                        })
                        .to("mock:blocked");
            }
        };
    }

    private Gb28181Consumer consumer(String routeId) {
        return (Gb28181Consumer) context.getRoute(routeId).getConsumer();
    }

    private static KeepaliveEvent keepalive(String deviceId, int sn) {
        return new KeepaliveEvent(deviceId, KeepaliveEvent.KEEPALIVE, Instant.now(), Integer.toString(sn), "OK", "UDP",
                "127.0.0.1:5060");
    }

    @Test
    void eventsOfOneDeviceKeepTheirOrder() throws Exception {
        releaseBlocked.countDown();
        Gb28181Consumer consumer = consumer("ordered");
        List<String> devices = List.of("34020000001320000101", "34020000001320000102", "34020000001320000103",
                "34020000001320000104", "34020000001320000105");
        int perDevice = 200;
        MockEndpoint ordered = getMockEndpoint("mock:ordered");
        ordered.expectedMessageCount(devices.size() * perDevice);

        // another kind's event is not this consumer's: it is ignored, not routed
        consumer.onEvent(new StatusEvent(devices.get(0), StatusEvent.ONLINE, Instant.now(), "KEEPALIVE"));
        for (int sn = 0; sn < perDevice; sn++) {
            for (String device : devices) {
                consumer.onEvent(keepalive(device, sn));
            }
        }

        ordered.assertIsSatisfied();
        List<String> expected = new ArrayList<>();
        for (int sn = 0; sn < perDevice; sn++) {
            expected.add(Integer.toString(sn));
        }
        devices.forEach(device -> assertThat(seen.get(device)).as(device).containsExactlyElementsOf(expected));
        assertThat(others).isEmpty();
        assertThat(consumer.getDroppedEvents()).isZero();
    }

    @Test
    void fullQueueDropsAndCountsWithoutBlocking() throws Exception {
        Gb28181Consumer consumer = consumer("blocked");
        String device = "34020000001320000201";
        consumer.onEvent(keepalive(device, 1));
        assertThat(blockedEntered.await(5, TimeUnit.SECONDS)).isTrue();

        consumer.onEvent(keepalive(device, 2)); // waits in the queue of one
        consumer.onEvent(keepalive(device, 3)); // dropped
        consumer.onEvent(keepalive(device, 4)); // dropped
        consumer.onEvent(keepalive(device, 5)); // dropped

        assertThat(consumer.getDroppedEvents()).isEqualTo(3);
        MockEndpoint blocked = getMockEndpoint("mock:blocked");
        blocked.expectedMessageCount(2);
        releaseBlocked.countDown();
        blocked.assertIsSatisfied();
        assertThat(blocked.getExchanges()).extracting(e -> e.getMessage().getBody(KeepaliveEvent.class).sn())
                .containsExactly("1", "2");
    }
}
