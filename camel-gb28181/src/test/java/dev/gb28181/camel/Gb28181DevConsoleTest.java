package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.InviteRequest;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.Subscription;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The {@code gb28181} dev console and the component's JMX attributes, on a platform with a registered device,
 * its catalog, a query waiting for its answer, a live media session and a catalog subscription.
 */
class Gb28181DevConsoleTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000801";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withJMX(true);
    }

    @Test
    void theConsoleAndJmxShowDevicesChannelsSessionsAndSubscriptions() throws Exception {
        Gb28181Platform platform = component().getPlatform();
        TestDevice camera = device(Transport.UDP, DEVICE);
        assertThat(camera.register(3600).status()).isEqualTo(200);
        assertThat(camera.keepalive().status()).isEqualTo(200);
        for (String part : camera.catalogParts(7, 2, 2)) {
            assertThat(camera.message(part).status()).isEqualTo(200);
        }
        await().atMost(WAIT).until(() -> platform.channelCount() == 2);

        CompletableFuture<Subscription> subscribing = platform.subscribe(DEVICE, ManscdpQueries.create("Catalog"),
                Duration.ofSeconds(600));
        camera.acceptSubscription(camera.nextRequest("SUBSCRIBE", WAIT));
        subscribing.get(10, TimeUnit.SECONDS);

        // a query the device accepts (200) but does not answer yet
        platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
        acceptMessage(camera);

        CompletableFuture<MediaSession> inviting = platform.invite(DEVICE, camera.channelId(0),
                InviteRequest.play(MediaTransport.UDP));
        SipRequest invite = camera.nextRequest("INVITE", WAIT);
        String ssrc = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            camera.acceptInvite(invite, "v=0\r\no=" + camera.channelId(0) + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\n"
                    + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video " + media.getLocalPort() + " RTP/AVP 96\r\n"
                    + "a=sendonly\r\na=rtpmap:96 PS/90000\r\ny=" + ssrc + "\r\n");
            MediaSession session = inviting.get(10, TimeUnit.SECONDS);

            DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("gb28181");
            assertThat(console).as("the console the service file names").isInstanceOf(Gb28181DevConsole.class);

            JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
            JsonArray platforms = (JsonArray) json.get("platforms");
            assertThat(platforms).hasSize(1);
            JsonObject gb = (JsonObject) platforms.get(0);
            assertThat(gb).containsEntry("component", "gb28181").containsEntry("running", true)
                    .containsEntry("sipPort", platform.sipPort()).containsEntry("devicesRegistered", 1)
                    .containsEntry("devicesOnline", 1L).containsEntry("channelCount", 2)
                    .containsEntry("mediaSessionCount", 1).containsEntry("subscriptionCount", 1)
                    .containsEntry("queriesInFlight", 1);
            JsonObject device = (JsonObject) ((JsonArray) gb.get("devices")).get(0);
            assertThat(device).containsEntry("deviceId", DEVICE).containsEntry("transport", "UDP")
                    .containsEntry("address", "127.0.0.1:" + camera.localAddress().getPort())
                    .containsEntry("online", true).containsEntry("channels", 2);
            assertThat((String) device.get("lastKeepalive")).isNotEmpty();
            assertThat(((JsonArray) gb.get("channels")).stream().map(c -> (Object) ((Map<?, ?>) c).get("channelId")))
                    .containsExactlyInAnyOrder(camera.channelId(0), camera.channelId(1));
            JsonObject media0 = (JsonObject) ((JsonArray) gb.get("mediaSessions")).get(0);
            assertThat(media0).containsEntry("streamId", session.streamId()).containsEntry("deviceId", DEVICE)
                    .containsEntry("channelId", camera.channelId(0)).containsEntry("ssrc", ssrc)
                    .containsEntry("localMediaPort", session.localMediaPort()).containsEntry("holders", 1);
            JsonObject subscription = (JsonObject) ((JsonArray) gb.get("subscriptions")).get(0);
            assertThat(subscription).containsEntry("deviceId", DEVICE).containsEntry("event", "Catalog")
                    .containsEntry("active", true);

            String text = (String) console.call(DevConsole.MediaType.TEXT);
            assertThat(text).contains("Component: gb28181", DEVICE + " UDP 127.0.0.1:", "online",
                    camera.channelId(1), session.streamId(), "holders: 1", "Catalog");
            assertThat((JsonArray) ((JsonObject) ((JsonArray) ((JsonObject) console.call(DevConsole.MediaType.JSON,
                    Map.of(Gb28181DevConsole.LIMIT_OPTION, "1"))).get("platforms")).get(0)).get("channels"))
                    .hasSize(1);

            MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
            ObjectName name = ObjectName.getInstance("org.apache.camel:context=" + context.getManagementName()
                    + ",type=components,name=\"gb28181\"");
            assertThat(server.getAttribute(name, "DevicesRegistered")).isEqualTo(1);
            assertThat(server.getAttribute(name, "DevicesOnline")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Channels")).isEqualTo(2);
            assertThat(server.getAttribute(name, "MediaSessions")).isEqualTo(1);
            assertThat(server.getAttribute(name, "Subscriptions")).isEqualTo(1);
            assertThat(server.getAttribute(name, "QueriesInFlight")).isEqualTo(1);
            assertThat(server.getAttribute(name, "SipPort")).isEqualTo(platform.sipPort());
            assertThat(server.getAttribute(name, "SipTraceEnabled")).isEqualTo(false);

            server.invoke(name, "enableSipTrace", new Object[] {DEVICE}, new String[] {String.class.getName()});
            assertThat(platform.sipTrace().deviceIds()).containsExactly(DEVICE);
            assertThat(server.getAttribute(name, "SipTraceDevices")).isEqualTo(DEVICE);
            server.invoke(name, "disableSipTrace", new Object[0], new String[0]);
            assertThat(platform.sipTrace().isEnabled()).isFalse();
            assertThat(server).isSameAs(ManagementFactory.getPlatformMBeanServer());
        }
    }
}
