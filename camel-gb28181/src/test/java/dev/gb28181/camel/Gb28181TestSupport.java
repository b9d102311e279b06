package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.platform.MediaSession;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.MediaStreams;
import dev.gb28181.testing.TestDevice;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A Camel context whose {@code gb28181} component runs a platform on 127.0.0.1 on a free port, and
 * simulated devices ({@link TestDevice}, real sockets) that talk to it.
 */
abstract class Gb28181TestSupport extends CamelTestSupport {

    static final String PASSWORD = "12345678";

    private final List<TestDevice> devices = new ArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        Gb28181Component component = new Gb28181Component();
        configure(component.getConfiguration());
        camelContext.addComponent("gb28181", component);
        return camelContext;
    }

    /** Test settings of the platform: loopback, a free port, a password. */
    protected void configure(Gb28181Configuration configuration) {
        configuration.setHost("127.0.0.1");
        configuration.setPort(0);
        configuration.setPassword(PASSWORD);
    }

    protected Gb28181Component component() {
        return context.getComponent("gb28181", Gb28181Component.class);
    }

    protected InetSocketAddress platformAddress() {
        return new InetSocketAddress("127.0.0.1", component().getPlatform().sipPort());
    }

    /** A device that knows the password, closed after the test. */
    protected TestDevice device(Transport transport, String deviceId) {
        TestDevice device = TestDevice.of(transport, deviceId, platformAddress()).password(PASSWORD);
        devices.add(device);
        return device;
    }

    /** The next MESSAGE of the platform to {@code device} (other requests stay queued), answered 200. */
    protected static SipRequest acceptMessage(TestDevice device) throws InterruptedException {
        SipRequest request = device.nextRequest("MESSAGE", Duration.ofSeconds(10));
        assertThat(request).as("a MESSAGE from the platform to " + device.deviceId()).isNotNull();
        device.respond(request, 200);
        return request;
    }

    /** A live PLAY through {@link #play}: the INVITE the camera accepted, the SSRC it offered, the producer's reply. */
    protected record Played(SipRequest invite, String ssrc, Exchange reply) {
        MediaSession session() {
            return reply.getMessage().getBody(MediaSession.class);
        }
    }

    /**
     * Plays {@code channelId} of {@code camera} through the route's {@code direct:invite} (header DeviceId), the
     * camera accepting with UDP media from {@code media} (GB/T 28181-2016 §9.2.2); the reply carries no exception.
     */
    protected Played play(TestDevice camera, String channelId, DatagramSocket media) throws Exception {
        Future<Exchange> reply = template.asyncSend("direct:invite",
                exchange -> exchange.getMessage().setHeader(Gb28181Constants.DEVICE_ID, camera.deviceId()));
        SipRequest invite = camera.nextRequest("INVITE", Duration.ofSeconds(10));
        assertThat(invite).as("an INVITE to the camera").isNotNull();
        String ssrc = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        camera.acceptInvite(invite, MediaStreams.answer(channelId, ssrc, media.getLocalPort(), "RTP/AVP", ""));
        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        return new Played(invite, ssrc, done);
    }

    /**
     * A MANSCDP body in GB2312 (Annex A) whose DeviceID may be a channel's, unlike
     * {@link TestDevice#manscdp(String, String, long, String)}: root, CmdType, SN, DeviceID, then {@code extra}.
     */
    protected static String manscdp(String root, String cmdType, long sn, String deviceId, String extra) {
        return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<" + root + ">\r\n<CmdType>" + cmdType
                + "</CmdType>\r\n<SN>" + sn + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n" + extra + "</"
                + root + ">\r\n";
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(TestDevice::close);
    }
}
