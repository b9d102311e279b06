package dev.gb28181.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.testing.TestDevice;

import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The REST API of the example platform over real HTTP on a random port, with a simulated device
 * registered over UDP: PTZ and control commands reach the device with the right bodies, bad input
 * is a 400 with nothing sent, an unknown device a 404, a refusal a 502, and the device list shows the
 * registered device.
 */
@SuppressWarnings({ "unchecked", "rawtypes" }) // JSON objects read as raw Maps
@CamelSpringBootTest
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camel.component.gb28181.host=127.0.0.1", "camel.component.gb28181.port=0",
                // the same as PlatformApplicationTest's: one context (and one embedded Kafka) for both
                "camel.component.gb28181.request-timeout=2s",
                "app.recordings.dir=target/recordings-${random.uuid}" })
class DeviceApiTest {

    private static final String DEVICE = "34020000001320000011";
    private static final String CHANNEL = "34020000001310000011";
    private static final Charset GB2312 = Charset.forName("GB2312");

    @Autowired
    CamelContext camelContext;

    @Autowired
    TestRestTemplate http;

    private TestDevice device;

    @BeforeEach
    void register() {
        Gb28181Component component = camelContext.getComponent("gb28181", Gb28181Component.class);
        device = TestDevice.udp(DEVICE, new InetSocketAddress("127.0.0.1", component.getPlatform().sipPort()))
                .password("12345678");
        // queries at registration answered 200 alone; controls too, unless a test answers them itself
        device.autoAnswer(request -> null);
        assertThat(device.register(3600).status()).isEqualTo(200);
    }

    @AfterEach
    void close() {
        device.close();
    }

    private ResponseEntity<Map> post(String path) {
        return http.postForEntity(path, null, Map.class);
    }

    /** The DeviceControl bodies the device received, as text. */
    private List<String> controls() {
        return device.receivedRequests().stream().filter(r -> "MESSAGE".equals(r.method()))
                .map(r -> r.bodyAsString(GB2312)).filter(xml -> xml.contains("<Control>")).toList();
    }

    @Test
    void ptzUpReachesTheChannelWithTheRightCommand() {
        ResponseEntity<Map> answer = post("/api/devices/" + DEVICE + "/channels/" + CHANNEL + "/ptz?action=up&speed=100");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("ptzCmd", "A50F000800640020").containsEntry("action", "up")
                .containsEntry("channelId", CHANNEL);
        assertThat(controls()).singleElement().satisfies(xml -> assertThat(xml)
                .contains("<PTZCmd>A50F000800640020</PTZCmd>").contains("<DeviceID>" + CHANNEL + "</DeviceID>"));
    }

    @Test
    void badInputIsA400AndNothingIsSent() {
        ResponseEntity<Map> speed = post("/api/devices/" + DEVICE + "/channels/" + CHANNEL + "/ptz?action=up&speed=300");
        ResponseEntity<Map> action = post("/api/devices/" + DEVICE + "/channels/" + CHANNEL + "/ptz?action=sideways");
        ResponseEntity<Map> raw = post("/api/devices/" + DEVICE + "/channels/" + CHANNEL + "/ptz?cmd=A50F0008006400FF");
        ResponseEntity<Map> notANumber = post("/api/devices/" + DEVICE + "/channels/" + CHANNEL + "/ptz?action=up&speed=x");
        ResponseEntity<Map> cmd = post("/api/devices/" + DEVICE + "/control?cmd=Explode");

        for (ResponseEntity<Map> answer : List.of(speed, action, raw, notANumber, cmd)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).containsEntry("status", 400).containsKey("message");
        }
        assertThat((String) speed.getBody().get("message")).contains("speed").contains("0-255");
        assertThat((String) action.getBody().get("message")).contains("sideways");
        assertThat((String) cmd.getBody().get("message")).contains("Explode").contains("TeleBoot");
        assertThat(controls()).isEmpty();
    }

    @Test
    void anUnknownDeviceIsA404() {
        ResponseEntity<Map> ptz = post("/api/devices/34020000001320000099/channels/" + CHANNEL + "/ptz?action=stop");
        ResponseEntity<Map> info = http.getForEntity("/api/devices/34020000001320000099", Map.class);

        assertThat(ptz.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) ptz.getBody().get("message")).contains("34020000001320000099");
        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void teleBootReachesTheDeviceAndIsAccepted() {
        ResponseEntity<Map> answer = post("/api/devices/" + DEVICE + "/control?cmd=TeleBoot");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody()).containsEntry("cmd", "TeleBoot").containsEntry("response", null);
        assertThat(controls()).singleElement().satisfies(xml -> assertThat(xml).contains("<TeleBoot>Boot</TeleBoot>")
                .contains("<DeviceID>" + DEVICE + "</DeviceID>"));
    }

    @Test
    void aResponseIsTheResultAndAnErrorIsA502() {
        device.autoAnswer(request -> request.bodyAsString(GB2312).contains("<GuardCmd>")
                ? List.of(TestDevice.responseTo(request, "<Result>OK</Result>\r\n"))
                : request.bodyAsString(GB2312).contains("<RecordCmd>")
                        ? List.of(TestDevice.responseTo(request, "<Result>ERROR</Result>\r\n")) : null);

        ResponseEntity<Map> guard = post("/api/devices/" + DEVICE + "/control?cmd=SetGuard");
        ResponseEntity<Map> record = post("/api/devices/" + DEVICE + "/control?cmd=Record&channelId=" + CHANNEL);

        assertThat(guard.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) guard.getBody().get("response")).containsEntry("result", "OK");
        assertThat(record.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat((String) record.getBody().get("message")).contains("ERROR");
    }

    @Test
    void theDeviceListShowsTheRegisteredDevice() {
        ResponseEntity<List> all = http.getForEntity("/api/devices", List.class);
        ResponseEntity<Map> one = http.getForEntity("/api/devices/" + DEVICE, Map.class);

        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).anySatisfy(d -> assertThat((Map<String, Object>) d).containsEntry("id", DEVICE));
        assertThat(one.getBody()).containsEntry("id", DEVICE).containsEntry("online", true)
                .containsEntry("transport", "UDP").containsKeys("address", "registeredAt", "lastKeepalive");
        assertThat((String) one.getBody().get("address")).startsWith("127.0.0.1:");
    }

    @Test
    void aDeviceThatDoesNotAnswerIsA504() {
        device.autoAnswer(null);
        ResponseEntity<Map> answer = post("/api/devices/" + DEVICE + "/channels/" + CHANNEL + "/ptz?action=stop");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(controls()).isNotEmpty().allSatisfy(xml -> assertThat(xml).contains("<PTZCmd>A50F0000000000B4</PTZCmd>"));
    }
}
