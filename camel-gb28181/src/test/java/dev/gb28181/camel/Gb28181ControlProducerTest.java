package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gb28181.manscdp.BasicParam;
import dev.gb28181.manscdp.DeviceConfig;
import dev.gb28181.manscdp.DeviceConfigResponse;
import dev.gb28181.manscdp.DeviceControlResponse;
import dev.gb28181.platform.ControlRefusedException;
import dev.gb28181.platform.DeviceUnavailableException;
import dev.gb28181.platform.SipStatusException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@code gb28181:ptz} and {@code gb28181:control} against a simulated device on real sockets: the
 * PTZCmd and control elements the device receives come from options, headers (which win) or a typed
 * body (which wins over both), addressed to the channel; bad values fail before anything is sent; a
 * Response OK is the reply, ERROR and SIP errors fail, a 200 alone completes.
 */
class Gb28181ControlProducerTest extends Gb28181TestSupport {

    private static final String NVR = "34020000001180000002";
    private static final String CHANNEL = "34020000001310000003";
    private static final Charset GB2312 = Charset.forName("GB2312");

    @Override
    protected void configure(Gb28181Configuration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(1_500);
        configuration.setControlResponseTimeout(1_000);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:up").to("gb28181:ptz?action=up&speed=100&deviceId=" + NVR + "&channelId=" + CHANNEL);
                from("direct:ptz").to("gb28181:ptz?deviceId=" + NVR);
                from("direct:control").to("gb28181:control?deviceId=" + NVR);
                from("direct:record").to("gb28181:control?cmd=Record&deviceId=" + NVR + "&channelId=" + CHANNEL);
            }
        };
    }

    private Future<Exchange> send(String uri, Object body, Map<String, Object> headers) {
        return template.asyncSend(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    private TestDevice registered() {
        TestDevice device = device(Transport.UDP, NVR);
        assertThat(device.register(3600).status()).isEqualTo(200);
        return device;
    }

    /** The MESSAGE the device received, answered 200, as text. */
    private static String received(TestDevice device) throws InterruptedException {
        return acceptMessage(device).bodyAsString(GB2312);
    }

    @Test
    void ptzUpFromOptionsReachesTheChannelWithTheCapturesCommand() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> reply = send("direct:up", null, Map.of());
        String xml = received(nvr);
        assertThat(xml).contains("<Control>").contains("<CmdType>DeviceControl</CmdType>")
                .contains("<DeviceID>" + CHANNEL + "</DeviceID>").contains("<PTZCmd>A50F000800640020</PTZCmd>");

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        Message out = done.getMessage();
        assertThat(out.getBody()).isNull();
        assertThat(out.getHeader(Gb28181Constants.PTZ_CMD)).isEqualTo("A50F000800640020");
        assertThat(out.getHeader(Gb28181Constants.PTZ_ACTION)).isEqualTo("up");
        assertThat(out.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(NVR);
        assertThat(out.getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(CHANNEL);
        assertThat(out.getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("DeviceControl");
    }

    @Test
    void headersWinOverOptions() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> stop = send("direct:up", null, Map.of(Gb28181Constants.PTZ_ACTION, "STOP"));
        assertThat(received(nvr)).contains("<PTZCmd>A50F0000000000B4</PTZCmd>");
        assertThat(stop.get(10, TimeUnit.SECONDS).getException()).isNull();

        Future<Exchange> slower = send("direct:up", null, Map.of(Gb28181Constants.SPEED, 50,
                Gb28181Constants.CHANNEL_ID, "34020000001310000004"));
        String xml = received(nvr);
        assertThat(xml).contains("<DeviceID>34020000001310000004</DeviceID>")
                .contains("<PTZCmd>" + upAt(50) + "</PTZCmd>");
        assertThat(slower.get(10, TimeUnit.SECONDS).getException()).isNull();

        Future<Exchange> preset = send("direct:ptz", null, Map.of(Gb28181Constants.PTZ_ACTION, "presetcall",
                Gb28181Constants.PRESET, "3"));
        assertThat(received(nvr)).contains("<DeviceID>" + NVR + "</DeviceID>").contains("<PTZCmd>A50F008200030039</PTZCmd>");
        assertThat(preset.get(10, TimeUnit.SECONDS).getMessage().getHeader(Gb28181Constants.PTZ_CMD))
                .isEqualTo("A50F008200030039");
    }

    @Test
    void aRawCommandIsDecodedAndSentUpperCase() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> reply = send("direct:up", null, Map.of(Gb28181Constants.PTZ_CMD, "a50f4d1000001021"));
        assertThat(received(nvr)).contains("<PTZCmd>A50F4D1000001021</PTZCmd>");
        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getMessage().getHeader(Gb28181Constants.PTZ_ACTION)).isEqualTo("zoomin");
    }

    @Test
    void outOfRangeOrMalformedInputFailsBeforeAnythingIsSent() throws Exception {
        TestDevice nvr = registered();

        Exchange speed = send("direct:up", null, Map.of(Gb28181Constants.SPEED, 256)).get(10, TimeUnit.SECONDS);
        Exchange zoom = send("direct:ptz", null, Map.of(Gb28181Constants.PTZ_ACTION, "zoomin",
                Gb28181Constants.ZOOM_SPEED, 16)).get(10, TimeUnit.SECONDS);
        Exchange action = send("direct:ptz", null, Map.of(Gb28181Constants.PTZ_ACTION, "sideways"))
                .get(10, TimeUnit.SECONDS);
        Exchange checksum = send("direct:ptz", null, Map.of(Gb28181Constants.PTZ_CMD, "A50F000800640021"))
                .get(10, TimeUnit.SECONDS);
        Exchange noPreset = send("direct:ptz", null, Map.of(Gb28181Constants.PTZ_ACTION, "presetcall"))
                .get(10, TimeUnit.SECONDS);
        Exchange dragZoom = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "DragZoomIn",
                Gb28181Constants.LENGTH, 1920)).get(10, TimeUnit.SECONDS);
        Exchange unknownCmd = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "Explode"))
                .get(10, TimeUnit.SECONDS);

        assertThat(speed.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed")
                .hasMessageContaining("0-255");
        assertThat(zoom.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zoomSpeed");
        assertThat(action.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sideways");
        assertThat(checksum.getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(noPreset.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preset");
        assertThat(dragZoom.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        assertThat(unknownCmd.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Explode").hasMessageContaining("TeleBoot");
        assertThat(nvr.nextRequest("MESSAGE", Duration.ofMillis(300))).as("nothing sent").isNull();
    }

    @Test
    void teleBootAndOtherControlsWithoutResponseCompleteAtThe200() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> boot = send("direct:control", "ignored", Map.of(Gb28181Constants.CONTROL_CMD, "TeleBoot"));
        assertThat(received(nvr)).contains("<CmdType>DeviceControl</CmdType>").contains("<TeleBoot>Boot</TeleBoot>")
                .contains("<DeviceID>" + NVR + "</DeviceID>");
        Exchange done = boot.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isNull();
        assertThat(done.getMessage().getHeader(Gb28181Constants.SN)).isNotNull();

        Future<Exchange> iframe = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "iframe",
                Gb28181Constants.CHANNEL_ID, CHANNEL));
        assertThat(received(nvr)).contains("<IFameCmd>Send</IFameCmd>").contains("<DeviceID>" + CHANNEL + "</DeviceID>");
        assertThat(iframe.get(10, TimeUnit.SECONDS).getException()).isNull();

        Future<Exchange> drag = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "DragZoomOut",
                Gb28181Constants.LENGTH, 1920, Gb28181Constants.WIDTH, 1080, Gb28181Constants.MID_POINT_X, 960,
                Gb28181Constants.MID_POINT_Y, 540, Gb28181Constants.LENGTH_X, 100, Gb28181Constants.LENGTH_Y, 50));
        assertThat(received(nvr).replaceAll("\\s", "")).contains("<DragZoomOut><Length>1920</Length><Width>1080</Width>"
                + "<MidPointX>960</MidPointX><MidPointY>540</MidPointY><LengthX>100</LengthX><LengthY>50</LengthY>"
                + "</DragZoomOut>");
        assertThat(drag.get(10, TimeUnit.SECONDS).getException()).isNull();

        Future<Exchange> precise = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "PTZPreciseCtrl",
                Gb28181Constants.PAN, 120.5, Gb28181Constants.TILT, "30.25"));
        assertThat(received(nvr).replaceAll("\\s", "")).contains("<PTZPreciseCtrl><Pan>120.5</Pan><Tilt>30.25</Tilt>");
        assertThat(precise.get(10, TimeUnit.SECONDS).getException()).isNull();

        Future<Exchange> format = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "FormatSDCard"));
        assertThat(received(nvr)).contains("<FormatSDCard>1</FormatSDCard>");
        assertThat(format.get(10, TimeUnit.SECONDS).getException()).isNull();
    }

    @Test
    void aResponseOkIsTheReply() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> reply = send("direct:record", null, Map.of());
        SipRequest request = acceptMessage(nvr);
        assertThat(request.bodyAsString(GB2312)).contains("<RecordCmd>Record</RecordCmd>")
                .contains("<DeviceID>" + CHANNEL + "</DeviceID>");
        nvr.message(TestDevice.responseTo(request, "<Result>OK</Result>\r\n"), GB2312);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isInstanceOf(DeviceControlResponse.class);
        assertThat(done.getMessage().getBody(DeviceControlResponse.class).getResult()).isEqualTo("OK");
        assertThat(done.getMessage().getHeader(Gb28181Constants.SN)).isEqualTo(TestDevice.sn(request));
        assertThat(done.getMessage().getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(CHANNEL);
    }

    @Test
    void guardAlarmAndHomePositionCarryTheirElements() throws Exception {
        TestDevice nvr = registered();
        nvr.autoAnswer(r -> List.of(TestDevice.responseTo(r, "<Result>OK</Result>\r\n")));

        Exchange guard = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "SetGuard"))
                .get(10, TimeUnit.SECONDS);
        Exchange alarm = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "ResetAlarm",
                Gb28181Constants.ALARM_METHOD, "2", Gb28181Constants.ALARM_TYPE, "1")).get(10, TimeUnit.SECONDS);
        Exchange home = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "HomePosition",
                Gb28181Constants.ENABLED, 1, Gb28181Constants.RESET_TIME, 30, Gb28181Constants.PRESET_INDEX, 1))
                .get(10, TimeUnit.SECONDS);

        assertThat(guard.getException()).isNull();
        assertThat(alarm.getException()).isNull();
        assertThat(home.getException()).isNull();
        String bodies = String.join("\n", nvr.receivedRequests().stream()
                .filter(r -> "MESSAGE".equals(r.method())).map(r -> r.bodyAsString(GB2312).replaceAll("\\s", ""))
                .toList());
        assertThat(bodies).contains("<GuardCmd>SetGuard</GuardCmd>")
                .contains("<AlarmCmd>ResetAlarm</AlarmCmd><Info><AlarmMethod>2</AlarmMethod><AlarmType>1</AlarmType>"
                        + "</Info>")
                .contains("<HomePosition><Enabled>1</Enabled><ResetTime>30</ResetTime><PresetIndex>1</PresetIndex>"
                        + "</HomePosition>");
        assertThat(home.getMessage().getBody()).isInstanceOf(DeviceControlResponse.class);
    }

    @Test
    void targetTrackAndDeviceUpgradeCarryTheir2022Elements() throws Exception {
        TestDevice nvr = registered();
        nvr.autoAnswer(r -> r.bodyAsString(GB2312).contains("<DeviceUpgrade>")
                ? List.of(TestDevice.responseTo(r, "<Result>OK</Result>\r\n")) : null);

        Exchange track = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "TargetTrack",
                Gb28181Constants.TARGET_TRACK, "manual", Gb28181Constants.DEVICE_ID2, "34020000001310000009",
                Gb28181Constants.LENGTH, 1920, Gb28181Constants.WIDTH, 1080, Gb28181Constants.MID_POINT_X, 100,
                Gb28181Constants.MID_POINT_Y, 200, Gb28181Constants.LENGTH_X, 30, Gb28181Constants.LENGTH_Y, 40))
                .get(10, TimeUnit.SECONDS);
        Exchange upgrade = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "DeviceUpgrade",
                Gb28181Constants.FIRMWARE, "V5.7.3", Gb28181Constants.FILE_URL, "http://192.0.2.1/fw.bin",
                Gb28181Constants.SESSION_ID, "s-1")).get(10, TimeUnit.SECONDS);
        Exchange noUrl = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "DeviceUpgrade",
                Gb28181Constants.FIRMWARE, "V5.7.3")).get(10, TimeUnit.SECONDS);

        assertThat(track.getException()).isNull();
        assertThat(track.getMessage().getBody()).isNull();
        assertThat(upgrade.getMessage().getBody()).isInstanceOf(DeviceControlResponse.class);
        assertThat(noUrl.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fileUrl");
        List<String> bodies = nvr.receivedRequests().stream().filter(r -> "MESSAGE".equals(r.method()))
                .map(r -> r.bodyAsString(GB2312).replaceAll("\\s", "")).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).contains("<TargetTrack>Manual</TargetTrack>")
                .contains("<DeviceID2>34020000001310000009</DeviceID2>")
                .contains("<TargetArea><Length>1920</Length><Width>1080</Width><MidPointX>100</MidPointX>");
        assertThat(bodies.get(1)).contains("<DeviceUpgrade><Firmware>V5.7.3</Firmware><FileURL>http://192.0.2.1/fw.bin"
                + "</FileURL><SessionID>s-1</SessionID></DeviceUpgrade>");
    }

    @Test
    void deviceConfigFromOptionsOrATypedBodyWhichWins() throws Exception {
        TestDevice nvr = registered();
        nvr.autoAnswer(r -> List.of(TestDevice.responseTo(r, "<Result>OK</Result>\r\n")));

        Exchange fromHeaders = send("direct:control", null, Map.of(Gb28181Constants.CONTROL_CMD, "DeviceConfig",
                Gb28181Constants.NAME, "Gate", Gb28181Constants.HEART_BEAT_INTERVAL, 30)).get(10, TimeUnit.SECONDS);
        DeviceConfig typed = new DeviceConfig();
        BasicParam basic = new BasicParam();
        basic.setExpiration(3600);
        typed.setBasicParam(basic);
        Exchange fromBody = send("direct:control", typed, Map.of(Gb28181Constants.CONTROL_CMD, "TeleBoot"))
                .get(10, TimeUnit.SECONDS);

        assertThat(fromHeaders.getException()).isNull();
        assertThat(fromHeaders.getMessage().getBody()).isInstanceOf(DeviceConfigResponse.class);
        assertThat(fromBody.getMessage().getBody()).isInstanceOf(DeviceConfigResponse.class);
        List<String> bodies = nvr.receivedRequests().stream().filter(r -> "MESSAGE".equals(r.method()))
                .map(r -> r.bodyAsString(GB2312).replaceAll("\\s", "")).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).contains("<CmdType>DeviceConfig</CmdType>")
                .contains("<BasicParam><Name>Gate</Name><HeartBeatInterval>30</HeartBeatInterval></BasicParam>");
        assertThat(bodies.get(1)).contains("<BasicParam><Expiration>3600</Expiration></BasicParam>")
                .doesNotContain("TeleBoot");
    }

    @Test
    void aResultErrorFailsTheExchangeWithTheResponse() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> reply = send("direct:record", null, Map.of());
        SipRequest request = acceptMessage(nvr);
        nvr.message(TestDevice.responseTo(request, "<Result>ERROR</Result>\r\n"), GB2312);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isInstanceOf(ControlRefusedException.class);
        assertThat(((ControlRefusedException) done.getException()).response()).isInstanceOf(DeviceControlResponse.class);
    }

    @Test
    void onlyA200CompletesAControlThatExpectsAResponse() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> reply = send("direct:record", null, Map.of());
        acceptMessage(nvr);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isNull();
    }

    @Test
    void aSipErrorOrAnUnknownDeviceFailsThePtzCommand() throws Exception {
        TestDevice nvr = registered();

        Future<Exchange> refused = send("direct:up", null, Map.of());
        nvr.respond(nvr.nextRequest("MESSAGE", Duration.ofSeconds(10)), 488);
        Exchange unknown = send("direct:up", null, Map.of(Gb28181Constants.DEVICE_ID, "34020000001320000099"))
                .get(10, TimeUnit.SECONDS);

        assertThat(refused.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(SipStatusException.class);
        assertThat(unknown.getException()).isInstanceOf(DeviceUnavailableException.class);
    }

    @Test
    void aBadOptionFailsTheRouteStart() {
        for (String uri : new String[] { "gb28181:control?cmd=Explode", "gb28181:ptz?action=sideways",
                "gb28181:ptz?action=up&speed=300", "gb28181:ptz?cmd=A50F" }) {
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bad" + uri.hashCode()).to(uri);
                }
            })).as(uri).isInstanceOf(FailedToStartRouteException.class)
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Up at {@code speed}: byte 6 the tilt speed, checksum (A5+0F+00+08+00+speed+00) mod 256. */
    private static String upAt(int speed) {
        return String.format("A50F000800%02X00%02X", speed, (0xA5 + 0x0F + 0x08 + speed) & 0xFF);
    }
}
