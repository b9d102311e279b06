package dev.gb28181.peers;

import dev.gb28181.manscdp.DeviceConfigResponse;
import dev.gb28181.manscdp.DeviceControl;
import dev.gb28181.manscdp.DeviceControlResponse;
import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.ManscdpResponse;
import dev.gb28181.manscdp.StandardControls;
import dev.gb28181.platform.ControlRefusedException;
import dev.gb28181.platform.Device;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.platform.SipStatusException;
import dev.gb28181.ptz.PtzAction;
import dev.gb28181.ptz.PtzCommand;
import dev.gb28181.ptz.PtzParams;
import dev.gb28181.sip.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Device control (GB/T 28181-2016 §9.3, Annex A.2.3, A.3) played against sipp 3.6, a SIP
 * implementation the project did not write, as a device: it answers every DeviceControl and
 * DeviceConfig with 200 and, where the standard asks for one (§9.3.1, A.2.6, J.7), with a Response
 * carrying the command's SN, Result ERROR for the command a test has it refuse. The bodies it
 * received are read back from its message trace and compared with the standard's.
 */
class SippControlTest {

    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String DOMAIN = "3402000000";
    private static final String PASSWORD = "gb28181-sipp";
    private static final String HOST = "127.0.0.1";
    private static final String DEVICE_ID = PeerControls.DEVICE_ID;
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final Duration CONTROL_RESPONSE = Duration.ofSeconds(3);

    @TempDir
    Path work;

    private Gb28181Platform platform;

    @BeforeEach
    void startPlatform() {
        platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID).host(HOST).port(0).password(PASSWORD)
                .requestTimeout(Duration.ofSeconds(3))
                .controlResponseTimeout(CONTROL_RESPONSE));
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void deviceReceivesTheStandardsBodiesAndItsResponsesCompleteTheControls(Transport transport) throws Exception {
        List<StandardControls.Case> cases = PeerControls.cases();
        Sipp.Running sipp = sipp(cases.size(), SippScenario.STANDARD_RESPONSES, SippScenario.NONE, transport);
        awaitRegistered();

        List<ManscdpControl> sent = new ArrayList<>();
        List<ManscdpResponse> answers = new ArrayList<>();
        for (StandardControls.Case c : cases) {
            ManscdpControl control = c.control().get();
            sent.add(control);
            answers.add(platform.control(DEVICE_ID, control).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS));
        }

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        List<String> bodies = result.receivedBodies();
        assertThat(bodies).as("%s", result).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            StandardControls.Case c = cases.get(i);
            ManscdpControl control = sent.get(i);
            PeerControls.assertReceivedAsStandard(bodies.get(i), c, control);
            if (c.expectsResponse()) {
                // J.7.5: the Response names the command's CmdType, SN and DeviceID
                assertThat(answers.get(i)).as("answer to %s", c).isNotNull().satisfies(answer -> {
                    assertThat(answer.getCmdType()).isEqualTo(control.getCmdType());
                    assertThat(answer.getSn()).isEqualTo(control.getSn());
                    assertThat(answer.getDeviceId()).isEqualTo(control.getDeviceId());
                    assertThat(answer instanceof DeviceConfigResponse config ? config.getResult()
                            : ((DeviceControlResponse) answer).getResult()).isEqualTo("OK");
                });
            } else {
                assertThat(answers.get(i)).as("answer to %s (200 only, §9.3.2.1)", c).isNull();
            }
        }
    }

    @Test
    void controlsInFlightTogetherAreEachAnsweredByTheirSn() throws Exception {
        List<StandardControls.Case> cases = PeerControls.cases();
        Sipp.Running sipp = sipp(cases.size(), SippScenario.STANDARD_RESPONSES, SippScenario.NONE, Transport.UDP);
        awaitRegistered();

        List<ManscdpControl> sent = cases.stream().map(c -> c.control().get()).toList();
        List<CompletableFuture<ManscdpResponse>> answers = sent.stream()
                .map(control -> platform.control(DEVICE_ID, control)).toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        Map<Long, String> bodiesBySn = result.receivedBodies().stream().collect(Collectors.toMap(
                body -> Long.valueOf(body.substring(body.indexOf("<SN>") + 4, body.indexOf("</SN>"))), body -> body));
        assertThat(bodiesBySn).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            ManscdpControl control = sent.get(i);
            PeerControls.assertReceivedAsStandard(bodiesBySn.get(control.getSn()), cases.get(i), control);
            ManscdpResponse answer = answers.get(i).join();
            if (cases.get(i).expectsResponse()) {
                assertThat(answer).as("answer to %s", cases.get(i)).isNotNull();
                assertThat(answer.getSn()).isEqualTo(control.getSn());
                assertThat(answer.getCmdType()).isEqualTo(control.getCmdType());
            } else {
                assertThat(answer).as("answer to %s", cases.get(i)).isNull();
            }
        }
    }

    @Test
    void refusedControlFailsWithTheDevicesResponse() throws Exception {
        StandardControls.Case resetGuard = StandardControls.all().stream()
                .filter(c -> c.resource().equals("A.2.3-resetguard.xml")).findFirst().orElseThrow();
        Sipp.Running sipp = sipp(1, SippScenario.STANDARD_RESPONSES, "GuardCmd>ResetGuard", Transport.UDP);
        awaitRegistered();
        ManscdpControl control = resetGuard.control().get();

        assertThatThrownBy(() -> platform.control(DEVICE_ID, control).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(ControlRefusedException.class, refused -> {
                    assertThat(refused.response()).isInstanceOf(DeviceControlResponse.class);
                    assertThat(((DeviceControlResponse) refused.response()).getResult()).isEqualTo("ERROR");
                    assertThat(refused.response().getSn()).isEqualTo(control.getSn());
                });

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        assertThat(result.receivedBodies()).singleElement()
                .satisfies(body -> PeerControls.assertReceivedAsStandard(body, resetGuard, control));
    }

    @Test
    void outOfRangePtzIsRefusedBeforeAnythingIsSent() throws Exception {
        Sipp.Running sipp = sipp(1, SippScenario.STANDARD_RESPONSES, SippScenario.NONE, Transport.UDP);
        awaitRegistered();

        assertThatThrownBy(() -> new PtzParams().speed(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed").hasMessageContaining("255");
        assertThatThrownBy(() -> new PtzParams().zoomSpeed(16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zoomSpeed").hasMessageContaining("15");
        assertThatThrownBy(() -> new PtzParams().preset(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preset").hasMessageContaining("255");
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.PRESETCALL, new PtzParams().preset(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preset");
        // then one valid command: the only one the device may have received
        DeviceControl stop = new DeviceControl();
        stop.setPtzCmd(PtzCommand.of(PtzAction.STOP, new PtzParams()).encode());
        assertThat(platform.control(DEVICE_ID, stop).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isNull();

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        assertThat(result.receivedBodies()).singleElement().asString()
                .contains("<PTZCmd>A50F0000000000B4</PTZCmd>", "<DeviceID>" + DEVICE_ID + "</DeviceID>");
    }

    @Test
    void responseToAControlTheStandardAnswersWith200OnlyIsAcknowledged() throws Exception {
        // Many devices send a Response for PTZCmd and TeleBoot too: the control completed at the 200,
        // the late Response still gets its 200 (sipp's scenario fails otherwise).
        Sipp.Running sipp = sipp(2, "CmdType>DeviceControl", SippScenario.NONE, Transport.UDP);
        awaitRegistered();
        DeviceControl up = new DeviceControl();
        up.setPtzCmd(PtzCommand.of(PtzAction.UP, new PtzParams().speed(100)).encode());
        DeviceControl boot = new DeviceControl();
        boot.setTeleBoot("Boot");

        assertThat(platform.control(DEVICE_ID, up).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isNull();
        assertThat(platform.control(DEVICE_ID, boot).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isNull();

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        assertThat(result.receivedBodies()).hasSize(2).first().asString()
                .contains("<PTZCmd>A50F000800640020</PTZCmd>");
    }

    @Test
    void controlRejectedWithSipErrorFails() throws Exception {
        Sipp.Running sipp = sipp(1, SippScenario.STANDARD_RESPONSES, SippScenario.NONE, "PTZCmd>", Transport.UDP);
        awaitRegistered();
        DeviceControl left = new DeviceControl();
        left.setPtzCmd(PtzCommand.of(PtzAction.LEFT, new PtzParams().speed(50)).encode());

        assertThatThrownBy(() -> platform.control(DEVICE_ID, left).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(SipStatusException.class, e -> assertThat(e.status()).isEqualTo(488));

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
    }

    @Test
    void responseBeforeThe200CompletesTheControl() throws Exception {
        Sipp.Running sipp = Sipp.generated("device.xml", SippScenario.device(PLATFORM_ID, DOMAIN).awaitHandled(1).xml(),
                        work)
                .outOfCall(SippScenario.outOfCall(PLATFORM_ID, DOMAIN).acceptControlAnsweringFirst(DEVICE_ID).xml())
                .platform(PLATFORM_ID, DOMAIN)
                .device(DEVICE_ID, PASSWORD)
                .timeout(Duration.ofSeconds(15))
                .start(HOST, platform.sipPort());
        awaitRegistered();
        DeviceControl record = new DeviceControl();
        record.setRecordCmd("StopRecord");

        long start = System.nanoTime();
        ManscdpResponse answer = platform.control(DEVICE_ID, record).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CONTROL_RESPONSE);
        assertThat(answer).isInstanceOfSatisfying(DeviceControlResponse.class, response -> {
            assertThat(response.getResult()).isEqualTo("OK");
            assertThat(response.getSn()).isEqualTo(record.getSn());
        });
        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
    }

    private Sipp.Running sipp(int commands, String answered, String refused, Transport transport) {
        return sipp(commands, answered, refused, SippScenario.NONE, transport);
    }

    /**
     * sipp registering {@link #DEVICE_ID}, then accepting {@code commands} controls as
     * {@link SippScenario#acceptControl} says.
     */
    private Sipp.Running sipp(int commands, String answered, String refused, String rejected, Transport transport) {
        return Sipp.generated("device.xml", SippScenario.device(PLATFORM_ID, DOMAIN).awaitHandled(commands).xml(), work)
                .transport(transport)
                .outOfCall(SippScenario.outOfCall(PLATFORM_ID, DOMAIN)
                        .acceptControl(DEVICE_ID, answered, refused, rejected).xml())
                .platform(PLATFORM_ID, DOMAIN)
                .device(DEVICE_ID, PASSWORD)
                .timeout(Duration.ofSeconds(15))
                .start(HOST, platform.sipPort());
    }

    private void awaitRegistered() {
        await().atMost(ANSWER).until(() -> platform.registry().find(DEVICE_ID).map(Device::online).orElse(false));
    }
}
