package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gb28181.manscdp.BasicParam;
import dev.gb28181.manscdp.DeviceConfig;
import dev.gb28181.manscdp.DeviceConfigResponse;
import dev.gb28181.manscdp.DeviceControl;
import dev.gb28181.manscdp.DeviceControlResponse;
import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.ManscdpResponse;
import dev.gb28181.manscdp.StandardControls;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Device control against a device on a real socket (GB/T 28181-2016 §9.3, Annex A.2.3, A.2.6; 2022
 * additions): the bodies the device receives are the standard's, controls answered with a Response
 * complete with it or fail when it says ERROR, the others complete at the 200, and the failures are
 * those of every request.
 */
class ControlTest {

    static final String DEVICE = QueryTest.DEVICE;
    static final Duration WAIT = Duration.ofSeconds(5);
    /** Longer than {@link #WAIT}: a control that completes within WAIT did not wait for a Response. */
    static final Duration LONG_RESPONSE_WAIT = Duration.ofSeconds(30);

    static PlatformConfig config(Duration controlResponseTimeout) {
        return PlatformFixture.config().requestTimeout(Duration.ofMillis(1500))
                .controlResponseTimeout(controlResponseTimeout);
    }

    static List<StandardControls.Case> cases() {
        return StandardControls.all();
    }

    static ManscdpResponse result(CompletableFuture<ManscdpResponse> control) throws Exception {
        return control.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The failure a control's future completed with, as a dependent stage sees it. */
    static Throwable failure(CompletableFuture<ManscdpResponse> control) {
        return control.handle((response, error) -> error).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** A request's body as text, in the charset its prolog names. */
    static String body(SipRequest request) {
        String ascii = new String(request.body(), StandardCharsets.ISO_8859_1);
        int at = ascii.indexOf("encoding=\"") + "encoding=\"".length();
        return new String(request.body(), Charset.forName(ascii.substring(at, ascii.indexOf('"', at))));
    }

    static String result(String value) {
        return "<Result>" + value + "</Result>\r\n";
    }

    static DeviceControl record() {
        DeviceControl c = new DeviceControl();
        c.setRecordCmd("Record");
        return c;
    }

    static DeviceControl ptz() {
        DeviceControl c = new DeviceControl();
        c.setPtzCmd("A50F0000000000B4");
        return c;
    }

    static DeviceConfig basicConfig(String name) {
        BasicParam basic = new BasicParam();
        basic.setName(name);
        DeviceConfig c = new DeviceConfig();
        c.setBasicParam(basic);
        return c;
    }

    @Test
    void controlResponseTimeoutIsFiveSecondsByDefaultAndMustBePositive() {
        assertThat(new PlatformConfig().validate().controlResponseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new PlatformConfig().controlResponseTimeout(Duration.ZERO).validate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controlResponseTimeout");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCommandReachesTheDeviceAsTheStandardWritesIt(StandardControls.Case c) throws Exception {
        try (PlatformFixture f = new PlatformFixture(config(LONG_RESPONSE_WAIT))) {
            TestDevice device = QueryTest.registered(f, Transport.UDP);
            device.autoAnswer(r -> c.expectsResponse() ? List.of(TestDevice.responseTo(r, result("OK"))) : null);
            ManscdpControl control = c.control().get();

            ManscdpResponse response = result(f.platform.control(DEVICE, control));

            SipRequest sent = device.receivedRequests().get(0);
            assertThat(sent.method()).isEqualTo("MESSAGE");
            assertThat(sent.contentType()).isEqualTo("Application/MANSCDP+xml");
            assertThat(sent.requestUri().user()).isEqualTo(DEVICE);
            assertThat(StandardControls.canonical(body(sent))).isEqualTo(StandardControls.canonical(c.xml(),
                    control.getSn()));
            if (c.expectsResponse()) {
                assertThat(response).isInstanceOf(control instanceof DeviceConfig ? DeviceConfigResponse.class
                        : DeviceControlResponse.class);
                assertThat(response.getSn()).isEqualTo(control.getSn());
                assertThat(response.getDeviceId()).isEqualTo(control.getDeviceId());
                assertThat(response.getExtensions()).isEmpty();
            } else {
                assertThat(response).isNull(); // at the 200, long before controlResponseTimeout
            }
        }
    }

    @Test
    void theDeviceIdDefaultsToTheDeviceAndEveryControlGetsANewSn() throws Exception {
        try (PlatformFixture f = new PlatformFixture(config(LONG_RESPONSE_WAIT))) {
            TestDevice device = QueryTest.registered(f, Transport.TCP);
            device.autoAnswer(r -> null);
            DeviceControl control = ptz();
            result(f.platform.control(DEVICE, control));
            long first = control.getSn();
            result(f.platform.control(DEVICE, control));

            assertThat(control.getSn()).isNotEqualTo(first);
            assertThat(device.receivedRequests()).extracting(TestDevice::sn).containsExactly(first, control.getSn());
            assertThat(TestDevice.element(device.receivedRequests().get(0), "DeviceID")).isEqualTo(DEVICE);
        }
    }

    static List<Supplier<ManscdpControl>> answeredControls() {
        return List.of(ControlTest::record, () -> basicConfig("Gate"));
    }

    @ParameterizedTest
    @MethodSource("answeredControls")
    void aResponseWithResultErrorFailsWithControlRefused(Supplier<ManscdpControl> make) {
        try (PlatformFixture f = new PlatformFixture(config(LONG_RESPONSE_WAIT))) {
            TestDevice device = QueryTest.registered(f, Transport.UDP);
            device.autoAnswer(r -> List.of(TestDevice.responseTo(r, result("ERROR") + "<Reason>busy</Reason>\r\n")));
            ManscdpControl control = make.get();

            Throwable error = failure(f.platform.control(DEVICE, control));

            assertThat(error).isInstanceOfSatisfying(ControlRefusedException.class, e -> {
                assertThat(e.response().getCmdType()).isEqualTo(control.getCmdType());
                assertThat(e.response().getSn()).isEqualTo(control.getSn());
                assertThat(e.response().getExtensions()).containsEntry("Reason", "busy");
                assertThat(e.getMessage()).contains(DEVICE).contains(control.getCmdType()).contains("ERROR");
            });
        }
    }

    @Test
    void aControlAcceptedWithOnly200CompletesEmptyAfterControlResponseTimeout() throws Exception {
        Duration responseWait = Duration.ofMillis(400);
        try (PlatformFixture f = new PlatformFixture(config(responseWait))) {
            TestDevice device = QueryTest.registered(f, Transport.UDP);
            DeviceControl control = record();
            long start = System.nanoTime();
            CompletableFuture<ManscdpResponse> done = f.platform.control(DEVICE, control);
            SipRequest request = device.nextRequest("MESSAGE", WAIT);
            device.respond(request, 200);
            // an answer with the SN but another CmdType is not the control's Response
            device.message(TestDevice.responseTo(request, result("OK")).replace("DeviceControl", "DeviceConfig"));

            assertThat(result(done)).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(responseWait);
            await().atMost(WAIT).until(() -> !f.events.of(ManscdpEvent.class).isEmpty());
            assertThat(f.events.of(ManscdpEvent.class)).singleElement()
                    .satisfies(e -> assertThat(e.message()).isInstanceOf(DeviceConfigResponse.class));

            // a Response after the wait is not lost: it reaches the listeners
            device.message(TestDevice.responseTo(request, result("OK")));
            await().atMost(WAIT).until(() -> f.events.of(ManscdpEvent.class).size() == 2);
            assertThat(f.events.last(ManscdpEvent.class).message()).isInstanceOf(DeviceControlResponse.class);
        }
    }

    @Test
    void aResponseBeforeThe200CompletesTheControl() throws Exception {
        try (PlatformFixture f = new PlatformFixture(config(LONG_RESPONSE_WAIT))) {
            TestDevice device = QueryTest.registered(f, Transport.UDP);
            CompletableFuture<ManscdpResponse> done = f.platform.control(DEVICE, basicConfig("Gate"));
            SipRequest request = device.nextRequest("MESSAGE", WAIT);
            device.message(TestDevice.responseTo(request, result("OK")));
            device.respond(request, 200);

            assertThat(result(done)).isInstanceOfSatisfying(DeviceConfigResponse.class,
                    r -> assertThat(r.getResult()).isEqualTo("OK"));
        }
    }

    static List<Supplier<ManscdpControl>> bothKinds() {
        return List.of(ControlTest::record, ControlTest::ptz);
    }

    @ParameterizedTest
    @MethodSource("bothKinds")
    void aRefusalFailsWithItsSipStatus(Supplier<ManscdpControl> make) throws Exception {
        try (PlatformFixture f = new PlatformFixture(config(LONG_RESPONSE_WAIT))) {
            TestDevice device = QueryTest.registered(f, Transport.UDP);
            CompletableFuture<ManscdpResponse> done = f.platform.control(DEVICE, make.get());
            device.respond(device.nextRequest("MESSAGE", WAIT), 488);

            assertThat(failure(done)).isInstanceOfSatisfying(SipStatusException.class, e -> {
                assertThat(e.status()).isEqualTo(488);
                assertThat(e.getMessage()).contains(DEVICE).contains("DeviceControl");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("bothKinds")
    void aDeviceThatSendsNoSipAnswerTimesOut(Supplier<ManscdpControl> make) throws Exception {
        PlatformConfig config = config(LONG_RESPONSE_WAIT).requestTimeout(Duration.ofMillis(500));
        try (PlatformFixture f = new PlatformFixture(config)) {
            TestDevice device = QueryTest.registered(f, Transport.UDP);
            CompletableFuture<ManscdpResponse> done = f.platform.control(DEVICE, make.get());
            assertThat(device.nextRequest("MESSAGE", WAIT)).isNotNull();

            assertThat(failure(done)).isInstanceOf(ManscdpTimeoutException.class)
                    .hasMessageContaining(DEVICE).hasMessageContaining("DeviceControl")
                    .hasMessageContaining("no SIP answer");
        }
    }

    @Test
    void unknownAndOfflineDevicesFailAtOnce() {
        PlatformConfig config = config(LONG_RESPONSE_WAIT).keepaliveInterval(Duration.ofMillis(200))
                .keepaliveTimeoutCount(1);
        try (PlatformFixture f = new PlatformFixture(config)) {
            for (Supplier<ManscdpControl> make : bothKinds()) {
                CompletableFuture<ManscdpResponse> unknown = f.platform.control(DEVICE, make.get());
                assertThat(unknown).isCompletedExceptionally();
                assertThat(failure(unknown)).isInstanceOf(DeviceUnavailableException.class)
                        .hasMessageContaining("not registered");
            }
            QueryTest.registered(f, Transport.UDP);
            await().atMost(WAIT).until(() -> !f.registered(DEVICE).online());
            for (Supplier<ManscdpControl> make : bothKinds()) {
                CompletableFuture<ManscdpResponse> offline = f.platform.control(DEVICE, make.get());
                assertThat(offline).isCompletedExceptionally();
                assertThat(failure(offline)).isInstanceOf(DeviceUnavailableException.class)
                        .hasMessageContaining("offline");
            }
        }
    }

    @Test
    void concurrentControlsToOneDeviceGetTheirOwnResponses() throws Exception {
        try (PlatformFixture f = new PlatformFixture(config(LONG_RESPONSE_WAIT))) {
            TestDevice device = QueryTest.registered(f, Transport.TCP);
            int n = 30;
            List<ManscdpControl> controls = new ArrayList<>();
            List<CompletableFuture<ManscdpResponse>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ManscdpControl c = switch (i % 3) {
                    case 0 -> record();
                    case 1 -> {
                        DeviceControl guard = new DeviceControl();
                        guard.setGuardCmd("SetGuard");
                        yield guard;
                    }
                    default -> basicConfig("Cam" + i);
                };
                c.setDeviceId(device.channelId(i));
                controls.add(c);
                results.add(f.platform.control(DEVICE, c));
            }
            assertThat(controls.stream().map(ManscdpControl::getSn).distinct()).hasSize(n);
            List<SipRequest> requests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SipRequest r = device.nextRequest("MESSAGE", WAIT);
                device.respond(r, 200);
                requests.add(r);
            }
            // answered in reverse order, each naming its channel; every fourth refused
            for (int i = n - 1; i >= 0; i--) {
                SipRequest r = requests.get(i);
                String channel = TestDevice.element(r, "DeviceID");
                int index = Integer.parseInt(channel.substring(channel.length() - 7)) - 1;
                device.message(TestDevice.responseTo(r, result(index % 4 == 0 ? "ERROR" : "OK")));
            }
            for (int i = 0; i < n; i++) {
                ManscdpControl c = controls.get(i);
                if (i % 4 == 0) {
                    assertThat(failure(results.get(i))).isInstanceOfSatisfying(ControlRefusedException.class,
                            e -> assertThat(e.response().getDeviceId()).isEqualTo(c.getDeviceId()));
                } else {
                    ManscdpResponse response = result(results.get(i));
                    assertThat(response.getSn()).isEqualTo(c.getSn());
                    assertThat(response.getCmdType()).isEqualTo(c.getCmdType());
                    assertThat(response.getDeviceId()).isEqualTo(device.channelId(i));
                }
            }
        }
    }
}
