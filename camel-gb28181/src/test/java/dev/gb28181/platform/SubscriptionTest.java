package dev.gb28181.platform;

import static dev.gb28181.platform.QueryTest.DEVICE;
import static dev.gb28181.platform.QueryTest.WAIT;
import static dev.gb28181.platform.QueryTest.fastConfig;
import static dev.gb28181.platform.QueryTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Subscriptions to devices (GB/T 28181-2016 §9.11, RFC 6665). */
class SubscriptionTest {

    private static String catalogNotify(TestDevice device, String event) {
        return device.manscdp("Notify", "Catalog", "<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">\r\n<Item>\r\n<DeviceID>"
                + device.channelId(0) + "</DeviceID>\r\n<Name>Gate</Name>\r\n<Status>ON</Status>\r\n<Event>" + event
                + "</Event>\r\n</Item>\r\n</DeviceList>\r\n");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void catalogSubscriptionLifecycle(Transport transport) throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, transport);
            CompletableFuture<Subscription> subscribing = f.platform.subscribe(DEVICE, ManscdpQueries.create("Catalog"),
                    Duration.ofSeconds(2));
            SipRequest subscribe = device.nextRequest("SUBSCRIBE", WAIT);
            assertThat(subscribe).isNotNull();
            assertThat(subscribe.header(HeaderNames.EVENT)).isEqualTo("Catalog");
            assertThat(subscribe.expires()).isEqualTo(2);
            assertThat(subscribe.header(HeaderNames.CONTACT)).contains(PlatformFixture.PLATFORM_ID);
            assertThat(subscribe.contentType()).isEqualTo("Application/MANSCDP+xml");
            assertThat(TestDevice.cmdType(subscribe)).isEqualTo("Catalog");
            assertThat(TestDevice.element(subscribe, "DeviceID")).isEqualTo(DEVICE);
            assertThat(subscribe.cseq().seq()).isEqualTo(1);

            // a NOTIFY may overtake the 200 (RFC 6665 §4.1.2.4)
            assertThat(device.notify(subscribe, "active;expires=2", catalogNotify(device, "ADD")).status()).isEqualTo(200);
            device.acceptSubscription(subscribe);
            Subscription sub = subscribing.get(5, TimeUnit.SECONDS);
            assertThat(sub.active()).isTrue();
            assertThat(sub.event()).isEqualTo("Catalog");
            assertThat(sub.expires()).isEqualTo(2);

            await().atMost(WAIT).until(() -> f.events.last(CatalogEvent.class) != null);
            CatalogEvent added = f.events.last(CatalogEvent.class);
            assertThat(added.source()).isEqualTo(CatalogEvent.NOTIFY);
            assertThat(added.items()).extracting(CatalogItem::getEvent).containsExactly("ADD");
            assertThat(added.items()).extracting(CatalogItem::getDeviceId).containsExactly(device.channelId(0));

            assertThat(device.notify(subscribe, "active;expires=2", catalogNotify(device, "OFF")).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> f.events.of(CatalogEvent.class).size() == 2);
            assertThat(f.events.last(CatalogEvent.class).items().get(0).getEvent()).isEqualTo("OFF");

            // renewal in the dialog at 80 % of 2 s
            SipRequest renewal = device.nextRequest("SUBSCRIBE", WAIT);
            assertThat(renewal).isNotNull();
            assertThat(renewal.callId()).isEqualTo(subscribe.callId());
            assertThat(renewal.cseq().seq()).isEqualTo(2);
            assertThat(renewal.from().tag()).isEqualTo(subscribe.from().tag());
            assertThat(renewal.to().tag()).isNotNull();
            assertThat(renewal.requestUri().port()).isEqualTo(device.localAddress().getPort());
            assertThat(renewal.expires()).isEqualTo(2);
            device.acceptSubscription(renewal);
            await().atMost(WAIT).until(() -> f.events.count(DEVICE, SubscriptionEvent.RENEWED) == 1);

            CompletableFuture<Void> cancelled = sub.cancel();
            SipRequest end = device.nextRequest("SUBSCRIBE", WAIT);
            assertThat(end.expires()).isZero();
            assertThat(end.callId()).isEqualTo(subscribe.callId());
            assertThat(end.cseq().seq()).isEqualTo(3);
            device.acceptSubscription(end);
            cancelled.get(5, TimeUnit.SECONDS);
            assertThat(sub.active()).isFalse();
            assertThat(f.events.types(DEVICE)).contains(SubscriptionEvent.SUBSCRIBED, SubscriptionEvent.RENEWED);
            // no renewal after the end
            assertThat(device.nextRequest("SUBSCRIBE", Duration.ofMillis(1500))).isNull(); // the renewal was due after 1 s
        }
    }

    @Test
    void aRefusedSubscriptionFailsAndIsReported() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<Subscription> subscribing = f.platform.subscribe(DEVICE, ManscdpQueries.create("Alarm"),
                    Duration.ofSeconds(60));
            SipRequest subscribe = device.nextRequest("SUBSCRIBE", WAIT);
            assertThat(subscribe.header(HeaderNames.EVENT)).isEqualTo("presence");
            device.respond(subscribe, 489);
            assertThatThrownBy(() -> subscribing.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SipStatusException.class, e -> assertThat(e.status()).isEqualTo(489));
            await().atMost(WAIT).until(() -> f.events.last(SubscriptionEvent.class) != null);
            SubscriptionEvent refused = f.events.last(SubscriptionEvent.class);
            assertThat(refused.eventType()).isEqualTo(SubscriptionEvent.REFUSED);
            assertThat(refused.status()).isEqualTo(489);
            assertThat(refused.event()).isEqualTo("presence");
        }
    }

    @Test
    void aFailedRenewalExpiresTheSubscription() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<Subscription> subscribing = f.platform.subscribe(DEVICE,
                    ManscdpQueries.create("MobilePosition"), Duration.ofSeconds(1));
            SipRequest subscribe = device.nextRequest("SUBSCRIBE", WAIT);
            device.acceptSubscription(subscribe);
            Subscription sub = subscribing.get(5, TimeUnit.SECONDS);
            device.respond(device.nextRequest("SUBSCRIBE", WAIT), 481);
            await().atMost(WAIT).until(() -> f.events.count(DEVICE, SubscriptionEvent.EXPIRED) == 1);
            assertThat(f.events.last(SubscriptionEvent.class).status()).isEqualTo(481);
            assertThat(sub.active()).isFalse();
        }
    }

    @Test
    void aTerminatingNotifyEndsTheSubscription() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<Subscription> subscribing = f.platform.subscribe(DEVICE, ManscdpQueries.create("Catalog"),
                    Duration.ofSeconds(60));
            SipRequest subscribe = device.nextRequest("SUBSCRIBE", WAIT);
            device.acceptSubscription(subscribe);
            Subscription sub = subscribing.get(5, TimeUnit.SECONDS);
            assertThat(device.notify(subscribe, "terminated;reason=noresource", null).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> f.events.count(DEVICE, SubscriptionEvent.TERMINATED) == 1);
            assertThat(f.events.last(SubscriptionEvent.class).reason()).isEqualTo("noresource");
            assertThat(sub.active()).isFalse();
            assertThat(sub.cancel()).isCompleted();
        }
    }

    @Test
    void stoppingThePlatformEndsItsSubscriptions() throws Exception {
        PlatformFixture f = new PlatformFixture(fastConfig());
        try (f) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> null);
            Subscription sub = f.platform.subscribe(DEVICE, ManscdpQueries.create("Catalog"), Duration.ofSeconds(60))
                    .get(5, TimeUnit.SECONDS);
            f.platform.stop();
            assertThat(sub.active()).isFalse();
            assertThat(device.receivedRequests()).filteredOn(r -> r.method().equals("SUBSCRIBE"))
                    .extracting(SipRequest::expires).containsExactly(60L, 0L);
        }
    }
}
