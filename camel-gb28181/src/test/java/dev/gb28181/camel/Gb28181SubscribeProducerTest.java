package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.platform.CatalogEvent;
import dev.gb28181.platform.SipStatusException;
import dev.gb28181.platform.SubscriptionEvent;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * {@code gb28181:subscribe} against a simulated device: each exchange subscribes, a second one for
 * the same device and event replaces the first, and stopping the route ends the subscriptions with
 * Expires 0 (GB/T 28181-2016 §9.11, RFC 6665).
 */
class Gb28181SubscribeProducerTest extends Gb28181TestSupport {

    private static final String CAMERA = "34020000001320000001";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:catalog").routeId("catalog").to("gb28181:subscribe?event=Catalog&expires=600");
                from("direct:position").routeId("position").to("gb28181:subscribe?interval=5");
                from("gb28181:catalog").to("mock:catalog");
                from("gb28181:message").to("mock:message");
            }
        };
    }

    private Future<Exchange> send(String uri, Map<String, Object> headers) {
        return template.asyncSend(uri, exchange -> exchange.getMessage().getHeaders().putAll(headers));
    }

    /** The next SUBSCRIBE to the device, accepted (200 with its Expires). */
    private static SipRequest acceptSubscribe(TestDevice device) throws InterruptedException {
        SipRequest request = device.nextRequest("SUBSCRIBE", Duration.ofSeconds(10));
        assertThat(request).as("a SUBSCRIBE to " + device.deviceId()).isNotNull();
        device.acceptSubscription(request);
        return request;
    }

    @Test
    void subscribesRenewsByReplacingAndEndsWhenTheRouteStops() throws Exception {
        TestDevice camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);

        Future<Exchange> first = send("direct:catalog", Map.of(Gb28181Constants.DEVICE_ID, CAMERA));
        SipRequest subscribe = acceptSubscribe(camera);
        assertThat(subscribe.header(HeaderNames.EVENT)).startsWith("Catalog");
        assertThat(subscribe.expires()).isEqualTo(600);
        assertThat(subscribe.bodyAsString(Charset.forName("GB2312"))).contains("<CmdType>Catalog</CmdType>");
        Exchange done = first.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isEqualTo(new SubscriptionInfo(CAMERA, "Catalog", 600));
        assertThat(done.getMessage().getHeader(Gb28181Constants.EVENT)).isEqualTo("Catalog");

        // the subscription's state reaches the message consumer
        MockEndpoint message = getMockEndpoint("mock:message");
        message.expectedMinimumMessageCount(1);
        message.assertIsSatisfied();
        Message subscribed = message.getExchanges().get(0).getMessage();
        assertThat(subscribed.getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo(SubscriptionEvent.SUBSCRIBED);
        assertThat(subscribed.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
        assertThat(subscribed.getHeader(Gb28181Constants.EVENT)).isEqualTo("Catalog");
        assertThat(subscribed.getHeader(Gb28181Constants.EXPIRES)).isEqualTo(600L);
        assertThat(subscribed.getBody()).isInstanceOf(SubscriptionEvent.class);

        // a change NOTIFY in the subscription's dialog reaches the catalog consumer
        MockEndpoint catalog = getMockEndpoint("mock:catalog");
        catalog.expectedMessageCount(1);
        assertThat(camera.notify(subscribe, "active;expires=600", camera.manscdp("Notify", "Catalog",
                "<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n<Item>\r\n<DeviceID>34020000001310000001</DeviceID>\r\n"
                        + "<Event>OFF</Event>\r\n</Item>\r\n</DeviceList>\r\n")).status()).isEqualTo(200);
        catalog.assertIsSatisfied();
        CatalogEvent change = catalog.getExchanges().get(0).getMessage().getBody(CatalogEvent.class);
        assertThat(change.source()).isEqualTo(CatalogEvent.NOTIFY);
        assertThat(change.items()).singleElement().satisfies(item -> assertThat(item.getEvent()).isEqualTo("OFF"));

        // the same device and event again: the first subscription ends, a new one replaces it
        Future<Exchange> second = send("direct:catalog", Map.of(Gb28181Constants.DEVICE_ID, CAMERA,
                Gb28181Constants.EXPIRES, 1200));
        SipRequest end = acceptSubscribe(camera);
        assertThat(end.expires()).isZero();
        assertThat(end.callId()).isEqualTo(subscribe.callId());
        SipRequest again = acceptSubscribe(camera);
        assertThat(again.expires()).isEqualTo(1200);
        assertThat(second.get(10, TimeUnit.SECONDS).getMessage().getBody())
                .isEqualTo(new SubscriptionInfo(CAMERA, "Catalog", 1200));

        context.getRouteController().stopRoute("catalog");

        SipRequest ended = acceptSubscribe(camera);
        assertThat(ended.expires()).isZero();
        assertThat(ended.callId()).isEqualTo(again.callId());
    }

    @Test
    void mobilePositionFromTheEventHeaderWithItsInterval() throws Exception {
        TestDevice camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);

        Future<Exchange> reply = send("direct:position", Map.of(Gb28181Constants.DEVICE_ID, CAMERA,
                Gb28181Constants.EVENT, "mobileposition"));
        SipRequest subscribe = acceptSubscribe(camera);

        assertThat(subscribe.expires()).isEqualTo(3600);
        assertThat(subscribe.bodyAsString(Charset.forName("GB2312"))).contains("<CmdType>MobilePosition</CmdType>")
                .contains("<Interval>5</Interval>");
        assertThat(reply.get(10, TimeUnit.SECONDS).getMessage().getBody())
                .isEqualTo(new SubscriptionInfo(CAMERA, "MobilePosition", 3600));
    }

    @Test
    void aRefusedOrUnnamedSubscriptionFailsTheExchange() throws Exception {
        TestDevice camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);

        Exchange noEvent = send("direct:position", Map.of(Gb28181Constants.DEVICE_ID, CAMERA)).get(10, TimeUnit.SECONDS);
        assertThat(noEvent.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event option");

        Future<Exchange> refused = send("direct:catalog", Map.of(Gb28181Constants.DEVICE_ID, CAMERA));
        camera.respond(camera.nextRequest("SUBSCRIBE", Duration.ofSeconds(10)), 489);
        Exchange done = refused.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isInstanceOf(SipStatusException.class);
    }
}
