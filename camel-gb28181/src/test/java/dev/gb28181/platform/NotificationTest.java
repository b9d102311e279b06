package dev.gb28181.platform;

import static dev.gb28181.platform.QueryTest.DEVICE;
import static dev.gb28181.platform.QueryTest.WAIT;
import static dev.gb28181.platform.QueryTest.fastConfig;
import static dev.gb28181.platform.QueryTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.manscdp.GenericManscdpMessage;
import dev.gb28181.manscdp.MediaStatusNotify;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipUri;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Messages a device sends by itself: alarms (§9.4), mobile positions (§9.13), anything else (Annex A). */
class NotificationTest {

    private static final String ALARM = "<AlarmPriority>1</AlarmPriority>\r\n<AlarmMethod>2</AlarmMethod>\r\n"
            + "<AlarmTime>2024-05-06T07:08:09</AlarmTime>\r\n<AlarmDescription>移动侦测</AlarmDescription>\r\n"
            + "<Longitude>116.3</Longitude>\r\n<Latitude>39.9</Latitude>\r\n<Info>\r\n<AlarmType>2</AlarmType>\r\n</Info>\r\n";

    @Test
    void anAlarmIsAnsweredEmittedAndAcknowledgedWithAResponse() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            String alarm = device.manscdp("Notify", "Alarm", 4242, ALARM);
            assertThat(device.message(alarm, Charset.forName("GB2312")).status()).isEqualTo(200);

            await().atMost(WAIT).until(() -> f.events.last(AlarmEvent.class) != null);
            AlarmEvent event = f.events.last(AlarmEvent.class);
            assertThat(event.deviceId()).isEqualTo(DEVICE);
            assertThat(event.eventType()).isEqualTo("ALARM");
            assertThat(event.method()).isEqualTo("MESSAGE");
            assertThat(event.alarm().getSn()).isEqualTo(4242L);
            assertThat(event.alarm().getAlarmDescription()).isEqualTo("移动侦测");

            SipRequest ack = device.nextRequest("MESSAGE", WAIT);
            assertThat(ack).isNotNull();
            assertThat(ack.requestUri().user()).isEqualTo(DEVICE);
            assertThat(TestDevice.element(ack, "CmdType")).isEqualTo("Alarm");
            assertThat(TestDevice.sn(ack)).isEqualTo(4242);
            assertThat(TestDevice.element(ack, "DeviceID")).isEqualTo(DEVICE);
            assertThat(TestDevice.element(ack, "Result")).isEqualTo("OK");
            assertThat(new String(ack.body(), Charset.forName("GB18030"))).contains("<Response>");
            device.respond(ack, 200);
        }
    }

    @Test
    void anAlarmByNotifyIsEmittedWithItsMethod() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.TCP);
            SipRequest notify = device.request("NOTIFY", SipUri.sip(PlatformFixture.PLATFORM_ID, "127.0.0.1",
                    f.platform.sipPort()));
            notify.addHeader("Event", "presence");
            notify.addHeader("Subscription-State", "active");
            notify.body("Application/MANSCDP+xml", device.manscdp("Notify", "Alarm", 7, ALARM)
                    .getBytes(Charset.forName("GB18030")));
            assertThat(device.send(notify).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> f.events.last(AlarmEvent.class) != null);
            assertThat(f.events.last(AlarmEvent.class).method()).isEqualTo("NOTIFY");
            SipRequest ack = device.nextRequest("MESSAGE", WAIT);
            assertThat(TestDevice.element(ack, "Result")).isEqualTo("OK");
        }
    }

    @Test
    void aMobilePositionIsEmitted() {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            String position = device.manscdp("Notify", "MobilePosition", "<Time>2024-05-06T07:08:09</Time>\r\n"
                    + "<Longitude>116.397</Longitude>\r\n<Latitude>39.908</Latitude>\r\n<Speed>12.5</Speed>\r\n"
                    + "<Direction>90</Direction>\r\n<Altitude>50</Altitude>\r\n");
            assertThat(device.message(position).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> f.events.last(MobilePositionEvent.class) != null);
            MobilePositionEvent event = f.events.last(MobilePositionEvent.class);
            assertThat(event.eventType()).isEqualTo("MOBILE_POSITION");
            assertThat(event.position().getLongitude()).isEqualTo(116.397);
            assertThat(event.position().getLatitude()).isEqualTo(39.908);
        }
    }

    @Test
    void otherMessagesBecomeManscdpEvents() {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            assertThat(device.message(device.manscdp("Notify", "FooBar", "<Baz>1</Baz>\r\n")).status()).isEqualTo(200);
            assertThat(device.message(device.manscdp("Notify", "MediaStatus", "<NotifyType>121</NotifyType>\r\n"))
                    .status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> f.events.of(ManscdpEvent.class).size() == 2);
            ManscdpEvent unknown = f.events.of(ManscdpEvent.class).get(0);
            assertThat(unknown.eventType()).isEqualTo("FOO_BAR");
            assertThat(unknown.message()).isInstanceOf(GenericManscdpMessage.class);
            assertThat(unknown.message().getExtensions()).containsKey("Baz");
            ManscdpEvent media = f.events.of(ManscdpEvent.class).get(1);
            assertThat(media.eventType()).isEqualTo("MEDIA_STATUS");
            assertThat(media.message()).isInstanceOf(MediaStatusNotify.class);
        }
    }

    @Test
    void aThrowingListenerDoesNotChangeTheAnswer() {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            AtomicInteger calls = new AtomicInteger();
            f.platform.addListener(event -> {
                if (event instanceof AlarmEvent) {
                    calls.incrementAndGet();
                    throw new IllegalStateException("listener bug");
                }
            });
            TestDevice device = registered(f, Transport.UDP);
            assertThat(device.message(device.manscdp("Notify", "Alarm", ALARM)).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> calls.get() == 1);
            assertThat(f.events.of(AlarmEvent.class)).hasSize(1);
        }
    }

    @Test
    void unregisteredDevicesGet404AndBadBodies415Or400() {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice stranger = f.udp("34020000001320000099");
            assertThat(stranger.message(stranger.manscdp("Notify", "Alarm", ALARM)).status()).isEqualTo(404);
            TestDevice device = registered(f, Transport.UDP);
            assertThat(device.message("text/plain", new byte[] {'x'}).status()).isEqualTo(415);
            assertThat(device.message("<Notify><CmdType>Alarm", Charset.forName("GB18030")).status()).isEqualTo(400);
            assertThat(f.events.of(AlarmEvent.class)).isEmpty();
        }
    }
}
