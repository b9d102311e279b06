package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Keepalive MESSAGEs (GB/T 28181-2016 §9.6, Annex A.2.5). */
class KeepaliveTest {

    private static final String DEVICE = "34020000001320000001";

    @ParameterizedTest
    @EnumSource(Transport.class)
    void keepaliveOfARegisteredDevice(Transport transport) {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.device(transport, DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(device.keepalive().status()).isEqualTo(200);
            await().until(() -> f.events.count(DEVICE, KeepaliveEvent.KEEPALIVE) == 1);
            KeepaliveEvent event = f.events.last(KeepaliveEvent.class);
            assertThat(event.status()).isEqualTo("OK");
            assertThat(event.sn()).isEqualTo("1");
            assertThat(event.transport()).isEqualTo(transport.name());
            assertThat(event.remoteAddress()).isEqualTo("127.0.0.1:" + device.localAddress().getPort());
            assertThat(f.registered(DEVICE).lastKeepalive()).isNotNull();
        }
    }

    @Test
    void keepaliveOfAnUnknownDeviceIsRefusedWithoutEvent() {
        try (PlatformFixture f = new PlatformFixture()) {
            assertThat(f.udp(DEVICE).keepalive().status()).isEqualTo(404);
            assertThat(f.events.all()).isEmpty();
            assertThat(f.platform.registry().size()).isZero();
        }
    }

    @Test
    void addressFollowsTheDeviceToANewPort() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            int before = device.localAddress().getPort();
            device.rebind();
            assertThat(device.localAddress().getPort()).isNotEqualTo(before);
            assertThat(device.keepalive().status()).isEqualTo(200);
            assertThat(f.registered(DEVICE).remoteAddress()).isEqualTo(device.localAddress());
        }
    }

    @Test
    void gb2312AndMislabelledUtf8BodiesAreRead() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            String gb = device.manscdp("Notify", "Keepalive", "<Status>OK</Status>\r\n<Info>大门摄像机在线</Info>\r\n");
            assertThat(device.message(gb, Charset.forName("GB2312")).status()).isEqualTo(200);
            String utf8 = device.manscdp("Notify", "Keepalive", "<Status>ERROR</Status>\r\n<Info>故障</Info>\r\n");
            assertThat(device.message(utf8, StandardCharsets.UTF_8).status()).isEqualTo(200);
            await().until(() -> f.events.count(DEVICE, KeepaliveEvent.KEEPALIVE) == 2);
            assertThat(f.events.of(KeepaliveEvent.class)).extracting(KeepaliveEvent::status).containsExactly("OK", "ERROR");
        }
    }

    @Test
    void otherMessagesAreAcceptedWithoutKeepaliveEvent() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            String alarm = device.manscdp("Notify", "Alarm", "<AlarmPriority>1</AlarmPriority>\r\n");
            assertThat(device.message(alarm, Charset.forName("GB2312")).status()).isEqualTo(200);
            assertThat(device.message("text/plain", "hello".getBytes(StandardCharsets.US_ASCII)).status())
                    .isEqualTo(415);
            assertThat(device.message("<Notify><SN>1</SN>", StandardCharsets.UTF_8).status()).isEqualTo(400);
            assertThat(f.events.count(DEVICE, KeepaliveEvent.KEEPALIVE)).isZero();
        }
    }

    @Test
    void aThrowingListenerDoesNotBreakTheAnswer() {
        try (PlatformFixture f = new PlatformFixture()) {
            AtomicInteger calls = new AtomicInteger();
            f.platform.addListener(event -> {
                calls.incrementAndGet();
                throw new IllegalStateException("listener bug");
            });
            TestDevice device = f.udp(DEVICE);
            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(device.keepalive().status()).isEqualTo(200);
            await().until(() -> calls.get() == 3);
            assertThat(f.events.types(DEVICE)).containsExactly(RegisterEvent.REGISTERED, StatusEvent.ONLINE,
                    KeepaliveEvent.KEEPALIVE);
        }
    }
}
