package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.manscdp.CatalogResponse;
import dev.gb28181.manscdp.DeviceInfoResponse;
import dev.gb28181.manscdp.DeviceStatusResponse;
import dev.gb28181.manscdp.RecordInfoQuery;
import dev.gb28181.manscdp.RecordInfoResponse;
import dev.gb28181.platform.DeviceUnavailableException;
import dev.gb28181.platform.ManscdpTimeoutException;
import dev.gb28181.platform.SipStatusException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@code gb28181:query} against simulated devices on real sockets: what is sent comes from options,
 * headers (which win) or a typed body (which wins over both); the reply is the typed answer with
 * its headers, split answers aggregated; failures fail the exchange.
 */
class Gb28181QueryProducerTest extends Gb28181TestSupport {

    private static final String CAMERA = "34020000001320000001";
    private static final String NVR = "34020000001180000002";
    private static final String NVR_CHANNEL = "34020000001310000003";
    private static final Charset GB2312 = Charset.forName("GB2312");

    @Override
    protected void configure(Gb28181Configuration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(1_500);
        configuration.setPartIdleTimeout(500);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:deviceInfo").to("gb28181:query?cmd=DeviceInfo&deviceId=" + CAMERA);
                from("direct:records").to("gb28181:query?cmd=RecordInfo&deviceId=" + NVR + "&channelId=" + NVR_CHANNEL
                        + "&startTime=2024-01-31T08:00:00&endTime=2024-01-31T09:00:00&type=time&secrecy=0");
                from("direct:query").to("gb28181:query");
            }
        };
    }

    private Future<Exchange> send(String uri, Object body, Map<String, Object> headers) {
        return template.asyncSend(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    private TestDevice registered(String deviceId) {
        TestDevice device = device(Transport.UDP, deviceId);
        assertThat(device.register(3600).status()).isEqualTo(200);
        return device;
    }

    @Test
    void optionsNameTheQueryAndTheDeviceAndTheReplyIsTheTypedAnswer() throws Exception {
        TestDevice camera = registered(CAMERA);

        Future<Exchange> reply = send("direct:deviceInfo", null, Map.of());
        SipRequest query = acceptMessage(camera);
        String xml = query.bodyAsString(GB2312);
        assertThat(xml).contains("<Query>").contains("<CmdType>DeviceInfo</CmdType>")
                .contains("<DeviceID>" + CAMERA + "</DeviceID>");
        long sn = TestDevice.sn(query);
        assertThat(camera.message(manscdp("Response", "DeviceInfo", sn, CAMERA,
                "<DeviceName>Gate</DeviceName>\r\n<Result>OK</Result>\r\n<Manufacturer>Hikvision</Manufacturer>\r\n"),
                GB2312).status()).isEqualTo(200);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        Message out = done.getMessage();
        assertThat(out.getBody()).isInstanceOf(DeviceInfoResponse.class);
        assertThat(out.getBody(DeviceInfoResponse.class).getSn()).isEqualTo(sn);
        assertThat(out.getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("DeviceInfo");
        assertThat(out.getHeader(Gb28181Constants.SN)).isEqualTo(sn);
        assertThat(out.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
        assertThat(out.getHeaders()).doesNotContainKeys(Gb28181Constants.COMPLETE, Gb28181Constants.CHANNEL_ID);
    }

    @Test
    void headersWinOverOptions() throws Exception {
        registered(CAMERA);
        TestDevice nvr = registered(NVR);

        Future<Exchange> reply = send("direct:deviceInfo", "ignored text",
                Map.of(Gb28181Constants.CMD_TYPE, "DeviceStatus", Gb28181Constants.DEVICE_ID, NVR));
        SipRequest query = acceptMessage(nvr);
        assertThat(query.bodyAsString(GB2312)).contains("<CmdType>DeviceStatus</CmdType>");
        nvr.message(manscdp("Response", "DeviceStatus", TestDevice.sn(query), NVR,
                "<Result>OK</Result>\r\n<Online>ONLINE</Online>\r\n<Status>OK</Status>\r\n"), GB2312);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isInstanceOf(DeviceStatusResponse.class);
        assertThat(done.getMessage().getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(NVR);
    }

    @Test
    void recordInfoParametersFromOptionsAndHeadersAndTheChannelAsDeviceId() throws Exception {
        TestDevice nvr = registered(NVR);
        Instant end = LocalDateTime.of(2024, 1, 31, 10, 30).atZone(ZoneId.systemDefault()).toInstant();

        Future<Exchange> reply = send("direct:records", null, Map.of(Gb28181Constants.END_TIME, end,
                Gb28181Constants.TYPE, "alarm", Gb28181Constants.RECORDER_ID, "34020000001180000009"));
        SipRequest query = acceptMessage(nvr);
        String xml = query.bodyAsString(GB2312);
        assertThat(xml).contains("<CmdType>RecordInfo</CmdType>")
                .contains("<DeviceID>" + NVR_CHANNEL + "</DeviceID>")
                .contains("<StartTime>2024-01-31T08:00:00</StartTime>")
                .contains("<EndTime>2024-01-31T10:30:00</EndTime>")
                .contains("<Type>alarm</Type>")
                .contains("<Secrecy>0</Secrecy>")
                .contains("<RecorderID>34020000001180000009</RecorderID>");
        nvr.message(manscdp("Response", "RecordInfo", TestDevice.sn(query), NVR_CHANNEL,
                "<Name>Channel 3</Name>\r\n<SumNum>0</SumNum>\r\n"), GB2312);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        Message out = done.getMessage();
        assertThat(out.getBody()).isInstanceOf(RecordInfoResponse.class);
        assertThat(out.getBody(RecordInfoResponse.class).items()).isEmpty();
        assertThat(out.getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(NVR_CHANNEL);
        assertThat(out.getHeader(Gb28181Constants.SUM_NUM)).isEqualTo(0);
        assertThat(out.getHeader(Gb28181Constants.COMPLETE)).isEqualTo(true);
    }

    @Test
    void alarmAndConfigDownloadParametersFromHeaders() throws Exception {
        TestDevice nvr = registered(NVR);

        Future<Exchange> alarm = send("direct:query", null, Map.of(Gb28181Constants.DEVICE_ID, NVR,
                Gb28181Constants.CMD_TYPE, "Alarm", Gb28181Constants.START_ALARM_PRIORITY, 1,
                Gb28181Constants.END_ALARM_PRIORITY, "4", Gb28181Constants.ALARM_METHOD, "2",
                Gb28181Constants.START_TIME, LocalDateTime.of(2024, 3, 1, 6, 5, 4),
                Gb28181Constants.END_TIME, "2024-03-01T07:00:00"));
        SipRequest alarmQuery = acceptMessage(nvr);
        assertThat(alarmQuery.bodyAsString(GB2312)).contains("<CmdType>Alarm</CmdType>")
                .contains("<StartAlarmPriority>1</StartAlarmPriority>").contains("<EndAlarmPriority>4</EndAlarmPriority>")
                .contains("<AlarmMethod>2</AlarmMethod>").contains("<StartAlarmTime>2024-03-01T06:05:04</StartAlarmTime>")
                .contains("<EndAlarmTime>2024-03-01T07:00:00</EndAlarmTime>");
        nvr.message(manscdp("Response", "Alarm", TestDevice.sn(alarmQuery), NVR, "<Result>OK</Result>\r\n"), GB2312);
        assertThat(alarm.get(10, TimeUnit.SECONDS).getMessage().getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("Alarm");

        Future<Exchange> config = send("direct:query", null, Map.of(Gb28181Constants.DEVICE_ID, NVR,
                Gb28181Constants.CMD_TYPE, "ConfigDownload", Gb28181Constants.CONFIG_TYPE, "BasicParam/VideoParamOpt"));
        SipRequest configQuery = acceptMessage(nvr);
        assertThat(configQuery.bodyAsString(GB2312)).contains("<ConfigType>BasicParam/VideoParamOpt</ConfigType>");
        nvr.message(manscdp("Response", "ConfigDownload", TestDevice.sn(configQuery), NVR, "<Result>OK</Result>\r\n"), GB2312);
        assertThat(config.get(10, TimeUnit.SECONDS).getException()).isNull();
    }

    @Test
    void aTypedQueryBodyWinsOverHeadersAndOptions() throws Exception {
        TestDevice nvr = registered(NVR);
        RecordInfoQuery typed = new RecordInfoQuery();
        typed.setDeviceId(NVR_CHANNEL);
        typed.setStartTime(LocalDateTime.of(2024, 2, 1, 0, 0));
        typed.setEndTime(LocalDateTime.of(2024, 2, 2, 0, 0));
        typed.setType("manual");

        Future<Exchange> reply = send("direct:records", typed, Map.of(Gb28181Constants.CMD_TYPE, "Catalog",
                Gb28181Constants.TYPE, "alarm"));
        SipRequest query = acceptMessage(nvr);
        String xml = query.bodyAsString(GB2312);
        assertThat(xml).contains("<CmdType>RecordInfo</CmdType>").contains("<Type>manual</Type>")
                .contains("<StartTime>2024-02-01T00:00:00</StartTime>");
        nvr.message(manscdp("Response", "RecordInfo", TestDevice.sn(query), NVR_CHANNEL, "<SumNum>0</SumNum>\r\n"), GB2312);

        assertThat(reply.get(10, TimeUnit.SECONDS).getMessage().getBody()).isInstanceOf(RecordInfoResponse.class);
    }

    @Test
    void aSplitCatalogIsAggregatedWithItsCounts() throws Exception {
        TestDevice nvr = registered(NVR);

        Future<Exchange> reply = send("direct:query", null,
                Map.of(Gb28181Constants.CMD_TYPE, "Catalog", Gb28181Constants.DEVICE_ID, NVR));
        long sn = TestDevice.sn(acceptMessage(nvr));
        nvr.message(manscdp("Response", "Catalog", sn, NVR, "<SumNum>2</SumNum>\r\n<DeviceList Num=\"1\">\r\n"
                + item(NVR_CHANNEL, "Gate") + "</DeviceList>\r\n"), GB2312);
        nvr.message(manscdp("Response", "Catalog", sn, NVR, "<SumNum>2</SumNum>\r\n<DeviceList Num=\"1\">\r\n"
                + item("34020000001310000004", "Yard") + "</DeviceList>\r\n"), GB2312);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        Message out = done.getMessage();
        assertThat(out.getBody(CatalogResponse.class).items()).hasSize(2);
        assertThat(out.getHeader(Gb28181Constants.SUM_NUM)).isEqualTo(2);
        assertThat(out.getHeader(Gb28181Constants.RECEIVED)).isEqualTo(2);
        assertThat(out.getHeader(Gb28181Constants.COMPLETE)).isEqualTo(true);
        assertThat(out.getHeader(Gb28181Constants.SN)).isEqualTo(sn);
    }

    @Test
    void partsThatStopComingGiveAnIncompleteAnswer() throws Exception {
        TestDevice nvr = registered(NVR);

        Future<Exchange> reply = send("direct:query", null,
                Map.of(Gb28181Constants.CMD_TYPE, "catalog", Gb28181Constants.DEVICE_ID, NVR));
        long sn = TestDevice.sn(acceptMessage(nvr));
        nvr.message(manscdp("Response", "Catalog", sn, NVR, "<SumNum>3</SumNum>\r\n<DeviceList Num=\"2\">\r\n"
                + item(NVR_CHANNEL, "Gate") + item("34020000001310000004", "Yard") + "</DeviceList>\r\n"), GB2312);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(Gb28181Constants.COMPLETE)).isEqualTo(false);
        assertThat(done.getMessage().getHeader(Gb28181Constants.RECEIVED)).isEqualTo(2);
        assertThat(done.getMessage().getHeader(Gb28181Constants.SUM_NUM)).isEqualTo(3);
    }

    @Test
    void anUnknownDeviceFailsAtOnce() throws Exception {
        Exchange done = send("direct:deviceInfo", null, Map.of(Gb28181Constants.DEVICE_ID, "34020000001320000099"))
                .get(10, TimeUnit.SECONDS);

        assertThat(done.getException()).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("34020000001320000099");
    }

    @Test
    void aRefusalFailsWithTheSipStatus() throws Exception {
        TestDevice camera = registered(CAMERA);

        Future<Exchange> reply = send("direct:deviceInfo", null, Map.of());
        camera.respond(camera.nextRequest("MESSAGE", Duration.ofSeconds(10)), 403);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isInstanceOf(SipStatusException.class);
        assertThat(((SipStatusException) done.getException()).status()).isEqualTo(403);
    }

    @Test
    void aDeviceThatNeverAnswersTimesOut() throws Exception {
        TestDevice camera = registered(CAMERA);

        Future<Exchange> reply = send("direct:deviceInfo", null, Map.of());
        acceptMessage(camera);

        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).isInstanceOf(ManscdpTimeoutException.class);
    }

    @Test
    void withoutQueryOrDeviceTheExchangeFailsClearly() throws Exception {
        Exchange noCmd = send("direct:query", null, Map.of(Gb28181Constants.DEVICE_ID, CAMERA)).get(10, TimeUnit.SECONDS);
        Exchange noDevice = send("direct:query", null, Map.of(Gb28181Constants.CMD_TYPE, "Catalog"))
                .get(10, TimeUnit.SECONDS);
        Exchange badTime = send("direct:records", null, Map.of(Gb28181Constants.START_TIME, "yesterday"))
                .get(10, TimeUnit.SECONDS);

        assertThat(noCmd.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cmd option").hasMessageContaining(Gb28181Constants.CMD_TYPE);
        assertThat(noDevice.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deviceId option");
        assertThat(badTime.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startTime").hasMessageContaining("yesterday");
    }

    @Test
    void manyQueriesInFlightToOneDevice() throws Exception {
        TestDevice camera = registered(CAMERA);

        Future<Exchange> first = send("direct:deviceInfo", null, Map.of());
        Future<Exchange> second = send("direct:deviceInfo", null, Map.of(Gb28181Constants.CMD_TYPE, "DeviceStatus"));
        SipRequest a = acceptMessage(camera);
        SipRequest b = acceptMessage(camera);
        assertThat(TestDevice.sn(a)).isNotEqualTo(TestDevice.sn(b));
        // answered in the reverse order
        for (SipRequest query : new SipRequest[] { b, a }) {
            String cmd = query.bodyAsString(GB2312).contains("DeviceStatus") ? "DeviceStatus" : "DeviceInfo";
            camera.message(manscdp("Response", cmd, TestDevice.sn(query), CAMERA, "<Result>OK</Result>\r\n"), GB2312);
        }

        assertThat(first.get(10, TimeUnit.SECONDS).getMessage().getBody()).isInstanceOf(DeviceInfoResponse.class);
        assertThat(second.get(10, TimeUnit.SECONDS).getMessage().getBody()).isInstanceOf(DeviceStatusResponse.class);
    }

    private static String item(String deviceId, String name) {
        return "<Item>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n<Name>" + name + "</Name>\r\n<Status>ON</Status>\r\n"
                + "</Item>\r\n";
    }
}
