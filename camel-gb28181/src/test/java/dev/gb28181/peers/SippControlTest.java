package dev.gb28181.peers;

import dev.gb28181.platform.Device;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Device control (GB/T 28181-2016 §9.3, Annex A.2.3, A.3) played against sipp 3.6, a SIP
 * implementation the project did not write, as a device: it answers every DeviceControl and
 * DeviceConfig with 200 and, where the standard asks for one (A.2.6, J.7), with a Response carrying
 * the command's SN; the bodies it received are read back from its message trace and compared with
 * the standard's.
 */
class SippControlTest {

    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String DOMAIN = "3402000000";
    private static final String PASSWORD = "gb28181-sipp";
    private static final String HOST = "127.0.0.1";
    private static final String DEVICE_ID = StandardControls.CAMERA;
    private static final Duration ANSWER = Duration.ofSeconds(10);

    @TempDir
    Path work;

    private Gb28181Platform platform;

    @BeforeEach
    void startPlatform() {
        platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID).host(HOST).port(0).password(PASSWORD)
                .requestTimeout(Duration.ofSeconds(3)));
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @Test
    void deviceReceivesTheStandardsBodies() throws Exception {
        List<StandardControls.Case> cases = StandardControls.all();
        Sipp.Running sipp = sipp(cases.size(), "GuardCmd>ResetGuard");
        awaitRegistered();

        for (StandardControls.Case c : cases) {
            platform.send(DEVICE_ID, c.control()).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        }

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        List<String> bodies = result.receivedBodies();
        assertThat(bodies).as("%s", result).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            StandardControls.assertSameBody(bodies.get(i), cases.get(i).file());
        }
    }

    /** sipp registering {@link #DEVICE_ID}, then accepting {@code commands} controls, refusing those matching {@code refused}. */
    private Sipp.Running sipp(int commands, String refused) {
        return Sipp.generated("device.xml", SippScenario.device(PLATFORM_ID, DOMAIN).awaitHandled(commands).xml(), work)
                .outOfCall(SippScenario.outOfCall(PLATFORM_ID, DOMAIN).acceptControl(DEVICE_ID, refused).xml())
                .platform(PLATFORM_ID, DOMAIN)
                .device(DEVICE_ID, PASSWORD)
                .timeout(Duration.ofSeconds(15))
                .start(HOST, platform.sipPort());
    }

    private void awaitRegistered() {
        await().atMost(ANSWER).until(() -> platform.registry().find(DEVICE_ID).map(Device::online).orElse(false));
    }
}
