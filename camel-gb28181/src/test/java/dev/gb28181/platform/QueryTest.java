package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gb28181.manscdp.DeviceInfoResponse;
import dev.gb28181.manscdp.GenericManscdpMessage;
import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.manscdp.ManscdpRoot;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Queries answered in one message, their failures and their correlation (GB/T 28181-2016 §9.5, Annex A.2.4). */
class QueryTest {

    static final String DEVICE = "34020000001320000001";
    static final Duration WAIT = Duration.ofSeconds(5);

    /** Config with short deadlines so failures show quickly. */
    static PlatformConfig fastConfig() {
        return PlatformFixture.config().requestTimeout(Duration.ofMillis(1500)).firstPartTimeout(Duration.ofSeconds(2))
                .partIdleTimeout(Duration.ofMillis(400));
    }

    static TestDevice registered(PlatformFixture f, Transport transport) {
        TestDevice device = f.device(transport, DEVICE);
        assertThat(device.register(3600).status()).isEqualTo(200);
        return device;
    }

    static ManscdpMessage answer(CompletableFuture<ManscdpMessage> answer) throws Exception {
        return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** CmdType of the query, the extra elements of its answer. */
    static List<Object[]> singleAnswers() {
        return List.of(
                new Object[] {"DeviceInfo", "<DeviceName>大门</DeviceName>\r\n<Result>OK</Result>\r\n"
                        + "<Manufacturer>Test</Manufacturer>\r\n<Model>IPC</Model>\r\n<Firmware>V1</Firmware>\r\n<Channel>1</Channel>\r\n"},
                new Object[] {"DeviceStatus", "<Result>OK</Result>\r\n<Online>ONLINE</Online>\r\n<Status>OK</Status>\r\n"
                        + "<Encode>ON</Encode>\r\n<Record>OFF</Record>\r\n<DeviceTime>2024-01-02T03:04:05</DeviceTime>\r\n"},
                new Object[] {"Alarm", "<SumNum>0</SumNum>\r\n"},
                new Object[] {"ConfigDownload", "<Result>OK</Result>\r\n<BasicParam>\r\n<Name>Cam</Name>\r\n<Expiration>3600</Expiration>\r\n"
                        + "<HeartBeatInterval>60</HeartBeatInterval>\r\n<HeartBeatCount>3</HeartBeatCount>\r\n</BasicParam>\r\n"},
                new Object[] {"PresetQuery", "<PresetList Num=\"1\">\r\n<Item>\r\n<PresetID>1</PresetID>\r\n<PresetName>Gate</PresetName>\r\n</Item>\r\n</PresetList>\r\n"},
                new Object[] {"HomePositionQuery", "<HomePosition>\r\n<Enabled>1</Enabled>\r\n<ResetTime>30</ResetTime>\r\n<PresetIndex>1</PresetIndex>\r\n</HomePosition>\r\n"},
                new Object[] {"CruiseTrackListQuery", "<SumNum>0</SumNum>\r\n"},
                new Object[] {"CruiseTrackQuery", "<Number>1</Number>\r\n<SumNum>0</SumNum>\r\n"},
                new Object[] {"PTZPosition", "<Pan>10.5</Pan>\r\n<Tilt>2.0</Tilt>\r\n<Zoom>1.0</Zoom>\r\n"},
                new Object[] {"SDCardStatus", "<SumNum>0</SumNum>\r\n"});
    }

    @ParameterizedTest
    @MethodSource("singleAnswers")
    void eachQueryIsAnsweredWithItsTypedResponse(String cmdType, String answerBody) throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> List.of(device.manscdp("Response", TestDevice.cmdType(request),
                    TestDevice.sn(request), answerBody)));
            ManscdpQuery query = ManscdpQueries.create(cmdType);
            ManscdpMessage answer = answer(f.platform.query(DEVICE, query));

            assertThat(answer.root()).isEqualTo(ManscdpRoot.RESPONSE);
            assertThat(answer).isNotInstanceOf(GenericManscdpMessage.class);
            assertThat(answer.getCmdType()).isEqualToIgnoringCase(query.getCmdType());
            assertThat(answer.getSn()).isEqualTo(query.getSn());
            SipRequest sent = device.receivedRequests().get(0);
            assertThat(sent.method()).isEqualTo("MESSAGE");
            assertThat(sent.contentType()).isEqualTo("Application/MANSCDP+xml");
            assertThat(TestDevice.element(sent, "DeviceID")).isEqualTo(DEVICE);
            assertThat(TestDevice.sn(sent)).isEqualTo(query.getSn());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theMessageIsAddressedToTheDeviceWhereItIs(Transport transport) throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, transport);
            CompletableFuture<ManscdpMessage> answer = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            SipRequest request = device.nextRequest("MESSAGE", WAIT);
            assertThat(request).isNotNull();
            assertThat(request.requestUri().user()).isEqualTo(DEVICE);
            assertThat(request.requestUri().port()).isEqualTo(device.localAddress().getPort());
            assertThat(request.from().uri().user()).isEqualTo(PlatformFixture.PLATFORM_ID);
            assertThat(request.from().tag()).isNotBlank();
            assertThat(request.to().uri().user()).isEqualTo(DEVICE);
            assertThat(request.topVia().transport()).isEqualTo(transport.name());
            String body = new String(request.body(), Charset.forName("GB18030"));
            assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>")
                    .contains("<Query>").contains("<CmdType>DeviceInfo</CmdType>");
            device.respond(request, 200);
            device.message(device.manscdp("Response", "DeviceInfo", TestDevice.sn(request),
                    "<DeviceName>大门</DeviceName>\r\n<Result>OK</Result>\r\n"));
            DeviceInfoResponse info = (DeviceInfoResponse) answer(answer);
            assertThat(info.getDeviceName()).isEqualTo("大门");
        }
    }

    @Test
    void bodiesAreWrittenInTheCharsetTheDeviceUses() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            String utf8 = device.manscdp("Notify", "Keepalive", "<Status>OK</Status>\r\n").replace("GB2312", "UTF-8");
            assertThat(device.message(utf8, StandardCharsets.UTF_8).status()).isEqualTo(200);
            assertThat(f.registered(DEVICE).charset()).isEqualTo(StandardCharsets.UTF_8);
            ManscdpQuery query = ManscdpQueries.create("DeviceInfo");
            query.setDeviceId(DEVICE.substring(0, 10) + "1310000001");
            CompletableFuture<ManscdpMessage> answer = f.platform.query(DEVICE, query);
            SipRequest request = device.nextRequest("MESSAGE", WAIT);
            String body = new String(request.body(), StandardCharsets.UTF_8);
            assertThat(body).containsIgnoringCase("encoding=\"UTF-8\"").contains(query.getDeviceId());
            device.respond(request, 200);
            device.message(device.manscdp("Response", "DeviceInfo", TestDevice.sn(request), "<Result>OK</Result>\r\n"));
            assertThat(answer(answer).getSn()).isEqualTo(TestDevice.sn(request));
        }
    }

    @Test
    void anAnswerBeforeThe200CompletesTheQuery() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<ManscdpMessage> answer = f.platform.query(DEVICE, ManscdpQueries.create("DeviceStatus"));
            SipRequest request = device.nextRequest("MESSAGE", WAIT);
            device.message(device.manscdp("Response", "DeviceStatus", TestDevice.sn(request), "<Result>OK</Result>\r\n"));
            assertThat(answer(answer).getCmdType()).isEqualTo("DeviceStatus");
            device.respond(request, 200);
        }
    }

    @Test
    void aDeviceThatNeverAnswersTimesOut() {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<ManscdpMessage> silent = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            assertThatThrownBy(() -> answer(silent)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ManscdpTimeoutException.class)
                    .hasMessageContaining(DEVICE).hasMessageContaining("DeviceInfo").hasMessageContaining("SN ")
                    .hasMessageContaining("no SIP answer");

            device.autoAnswer(request -> null); // 200, never an answer
            CompletableFuture<ManscdpMessage> accepted = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            assertThatThrownBy(() -> answer(accepted)).cause().isInstanceOf(ManscdpTimeoutException.class)
                    .hasMessageContaining("accepted").hasMessageContaining("no answer");
        }
    }

    @Test
    void aRefusalFailsWithItsStatus() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<ManscdpMessage> answer = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            device.respond(device.nextRequest("MESSAGE", WAIT), 403);
            assertThatThrownBy(() -> answer(answer)).cause().isInstanceOfSatisfying(SipStatusException.class, e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.reason()).isEqualTo("Forbidden");
                assertThat(e.getMessage()).contains(DEVICE).contains("DeviceInfo");
            });
        }
    }

    @Test
    void unknownAndOfflineDevicesFailAtOnce() {
        PlatformConfig config = fastConfig().keepaliveInterval(Duration.ofMillis(200)).keepaliveTimeoutCount(1);
        try (PlatformFixture f = new PlatformFixture(config)) {
            CompletableFuture<ManscdpMessage> unknown = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            assertThat(unknown).isCompletedExceptionally();
            assertThatThrownBy(unknown::join).cause().isInstanceOf(DeviceUnavailableException.class)
                    .hasMessageContaining("not registered");
            registered(f, Transport.UDP);
            await().atMost(WAIT).until(() -> !f.registered(DEVICE).online());
            CompletableFuture<SipResponse> offline = f.platform.send(DEVICE, ManscdpQueries.create("DeviceInfo"));
            assertThat(offline).isCompletedExceptionally();
            assertThatThrownBy(offline::join).cause().isInstanceOf(DeviceUnavailableException.class)
                    .hasMessageContaining("offline");
        }
    }

    @Test
    void manyConcurrentQueriesToOneDeviceAreCorrelated() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.TCP);
            int n = 50;
            List<CompletableFuture<ManscdpMessage>> answers = new ArrayList<>();
            List<ManscdpQuery> queries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ManscdpQuery q = ManscdpQueries.create("DeviceInfo");
                q.setDeviceId(device.channelId(i));
                queries.add(q);
                answers.add(f.platform.query(DEVICE, q));
            }
            assertThat(queries.stream().map(ManscdpQuery::getSn).distinct()).hasSize(n);
            List<SipRequest> requests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SipRequest r = device.nextRequest("MESSAGE", WAIT);
                device.respond(r, 200);
                requests.add(r);
            }
            // answer in reverse order, each naming its channel, so a mix-up shows
            for (int i = n - 1; i >= 0; i--) {
                SipRequest r = requests.get(i);
                device.message(device.manscdp("Response", "DeviceInfo", TestDevice.sn(r), "<DeviceName>"
                        + TestDevice.element(r, "DeviceID") + "</DeviceName>\r\n<Result>OK</Result>\r\n"));
            }
            for (int i = 0; i < n; i++) {
                DeviceInfoResponse info = (DeviceInfoResponse) answer(answers.get(i));
                assertThat(info.getSn()).isEqualTo(queries.get(i).getSn());
                assertThat(info.getDeviceName()).isEqualTo(device.channelId(i));
            }
        }
    }

    @Test
    void anAnswerWithAnotherCmdTypeIsNotTakenForTheQuery() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<ManscdpMessage> answer = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            SipRequest request = device.nextRequest("MESSAGE", WAIT);
            device.respond(request, 200);
            long sn = TestDevice.sn(request);
            device.message(device.manscdp("Response", "DeviceStatus", sn, "<Result>OK</Result>\r\n"));
            await().atMost(WAIT).until(() -> !f.events.of(ManscdpEvent.class).isEmpty());
            assertThat(answer).isNotDone();
            device.message(device.manscdp("Response", "DeviceInfo", sn, "<Result>OK</Result>\r\n"));
            assertThat(answer(answer)).isInstanceOf(DeviceInfoResponse.class);
        }
    }

    @Test
    void sendCompletesOnThe2xx() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> null);
            SipResponse ok = f.platform.send(DEVICE, ManscdpQueries.create("Catalog")).get(5, TimeUnit.SECONDS);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(device.receivedRequests()).singleElement()
                    .satisfies(r -> {
                        assertThat(r.header(HeaderNames.CONTENT_TYPE)).isEqualTo("Application/MANSCDP+xml");
                        assertThat(TestDevice.sn(r)).isPositive();
                        assertThat(TestDevice.element(r, "DeviceID")).isEqualTo(DEVICE);
                    });
        }
    }
}
