package dev.gb28181.peers;

import dev.gb28181.manscdp.DeviceConfigResponse;
import dev.gb28181.manscdp.DeviceControl;
import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.ManscdpResponse;
import dev.gb28181.manscdp.StandardControls;
import dev.gb28181.platform.Device;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.ptz.PtzAction;
import dev.gb28181.ptz.PtzCommand;
import dev.gb28181.ptz.PtzParams;
import io.github.lunasaw.gb28181.common.entity.control.DeviceConfigControl;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlGuard;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlPtz;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlRecordCmd;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlTeleBoot;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Device control (GB/T 28181-2016 §9.3, Annex A.2.3, A.3) against
 * {@code io.github.lunasaw:gb28181-client:1.2.5}, a JAIN-SIP device the project did not write: it
 * receives PTZ, FI, preset call, TeleBoot, SetGuard, DeviceConfig BasicParam and RecordCmd as the
 * standard writes them, and its own parser understands each. It answers DeviceControl with 200
 * only (no Response even where A.2.6 asks for one), so those controls complete with {@code null}
 * after {@link PlatformConfig#controlResponseTimeout()}; its DeviceConfig Response is
 * {@link LunaDevice}'s. It reads UTF-8 only: the platform writes to it in the charset of its
 * keepalive, so a Chinese BasicParam name arrives intact. Out-of-range PTZ parameters are refused
 * before anything reaches it.
 */
@ResourceLock(LunaDevice.LOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LunaDeviceControlTest {

    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String PASSWORD = "gb28181-luna";
    private static final String DEVICE_ID = PeerControls.DEVICE_ID;
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final Duration CONTROL_RESPONSE = Duration.ofMillis(800);

    private Gb28181Platform platform;
    private LunaDevice device;

    @BeforeAll
    void start() {
        platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID).host("127.0.0.1").port(0).password(PASSWORD)
                .requestTimeout(Duration.ofSeconds(5))
                .controlResponseTimeout(CONTROL_RESPONSE));
        platform.start();
        device = LunaDevice.start(DEVICE_ID, PLATFORM_ID, new InetSocketAddress("127.0.0.1", platform.sipPort()),
                PASSWORD);
        device.register();
        device.keepalive();
        await().atMost(ANSWER).until(() -> platform.registry().find(DEVICE_ID).map(Device::charset)
                .orElse(null) == StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        if (device != null) {
            device.close();
        }
        platform.stop();
    }

    @Test
    void deviceReceivesAndParsesTheStandardsCommands() throws Exception {
        List<StandardControls.Case> cases = PeerControls.cases();
        int before = device.controls().size();
        List<ManscdpControl> sent = new ArrayList<>();
        List<ManscdpResponse> answers = new ArrayList<>();
        List<Duration> took = new ArrayList<>();
        for (StandardControls.Case c : cases) {
            ManscdpControl control = c.control().get();
            sent.add(control);
            long start = System.nanoTime();
            answers.add(platform.control(DEVICE_ID, control).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS));
            took.add(Duration.ofNanos(System.nanoTime() - start));
        }

        await().atMost(ANSWER).until(() -> device.controls().size() >= before + cases.size());
        // the library parses on its own threads and the 200 goes out first: arrival order is not send order
        List<String> bodies = inSentOrder(since(device.controlBodies(), before), LunaDeviceControlTest::bodySn, sent);
        assertThat(bodies).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            PeerControls.assertReceivedAsStandard(bodies.get(i), cases.get(i), sent.get(i));
        }

        List<Object> parsed = inSentOrder(since(device.controls(), before),
                o -> String.valueOf(PropertyOrFieldSupport.EXTRACTION.getValueOf("sn", o)), sent);
        assertThat(parsed).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            ManscdpControl control = sent.get(i);
            assertThat(parsed.get(i)).as("%s as the device parsed it", cases.get(i))
                    .hasFieldOrPropertyWithValue("sn", control.getSn().toString())
                    .hasFieldOrPropertyWithValue("deviceId", control.getDeviceId());
        }
        assertThat(parsed.get(0)).isInstanceOfSatisfying(DeviceControlPtz.class, ptz -> {
            assertThat(ptz.getPtzCmd()).isEqualTo("A50F4D1000001021");
            assertThat(ptz.getPtzInfo().getControlPriority()).isEqualTo(5);
            PtzCommand zoom = PtzCommand.decode(ptz.getPtzCmd());
            assertThat(zoom.action()).isEqualTo(PtzAction.ZOOMIN);
            assertThat(zoom.zoomSpeed()).isEqualTo(1);
            assertThat(zoom.address()).isEqualTo(0x4D);
        });
        assertThat(parsed.get(1)).isInstanceOfSatisfying(DeviceControlPtz.class, fi -> {
            assertThat(fi.getPtzCmd()).isEqualTo("A50F004164000059");
            assertThat(PtzCommand.decode(fi.getPtzCmd()).action()).isEqualTo(PtzAction.FOCUSFAR);
            assertThat(PtzCommand.decode(fi.getPtzCmd()).focusSpeed()).isEqualTo(100);
        });
        assertThat(parsed.get(2)).isInstanceOfSatisfying(DeviceControlPtz.class, preset -> {
            assertThat(preset.getPtzCmd()).isEqualTo("A50F008200030039");
            assertThat(PtzCommand.decode(preset.getPtzCmd()).preset()).isEqualTo(3);
        });
        assertThat(parsed.get(3)).isInstanceOfSatisfying(DeviceControlTeleBoot.class,
                boot -> assertThat(boot.getTeleBoot()).isEqualTo("Boot"));
        assertThat(parsed.get(4)).isInstanceOfSatisfying(DeviceControlGuard.class,
                guard -> assertThat(guard.getGuardCmd()).isEqualTo("SetGuard"));
        assertThat(parsed.get(5)).isInstanceOfSatisfying(DeviceConfigControl.class, config -> {
            assertThat(config.getBasicParam().getName()).isEqualTo("大门");
            assertThat(config.getBasicParam().getExpiration()).isEqualTo("3600");
            assertThat(config.getBasicParam().getHeartBeatInterval()).isEqualTo("60");
            assertThat(config.getBasicParam().getHeartBeatCount()).isEqualTo("3");
        });
        assertThat(parsed.get(6)).isInstanceOfSatisfying(DeviceControlRecordCmd.class, record -> {
            assertThat(record.getRecordCmd()).isEqualTo("Record");
            assertThat(record.getDeviceId()).isEqualTo("64010000002020000001");
        });

        // GuardCmd and RecordCmd: 200 only, no Response in controlResponseTimeout; DeviceConfig: Response OK
        assertThat(answers).hasSize(cases.size());
        assertThat(answers.subList(0, 5)).containsOnlyNulls();
        assertThat(answers.get(5)).isInstanceOfSatisfying(DeviceConfigResponse.class, answer -> {
            assertThat(answer.getResult()).isEqualTo("OK");
            assertThat(answer.getSn()).isEqualTo(sent.get(5).getSn());
        });
        assertThat(answers.get(6)).isNull();
        assertThat(took.get(4)).as("SetGuard waited for a Response").isGreaterThanOrEqualTo(CONTROL_RESPONSE);
        assertThat(took.get(6)).as("RecordCmd waited for a Response").isGreaterThanOrEqualTo(CONTROL_RESPONSE);
    }

    @Test
    void outOfRangePtzIsRefusedBeforeAnythingIsSent() throws Exception {
        int before = device.controls().size();

        assertThatThrownBy(() -> new PtzParams().speed(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtzParams().zoomSpeed(16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtzParams().preset(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PtzCommand.of(PtzAction.PRESETCALL, new PtzParams().preset(0)))
                .isInstanceOf(IllegalArgumentException.class);
        // then one valid command: the only one the device may have received
        DeviceControl stop = new DeviceControl();
        stop.setPtzCmd(PtzCommand.of(PtzAction.STOP, new PtzParams()).encode());
        assertThat(platform.control(DEVICE_ID, stop).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isNull();

        await().atMost(ANSWER).until(() -> device.controls().size() > before);
        assertThat(since(device.controls(), before)).singleElement().isInstanceOfSatisfying(DeviceControlPtz.class,
                ptz -> assertThat(ptz.getPtzCmd()).isEqualTo("A50F0000000000B4"));
    }

    /** What the device received since it had {@code count} items. */
    /** The items sorted as the controls with their SN were sent; items no control sent are kept last. */
    private static <T> List<T> inSentOrder(List<T> items, Function<T, String> sn, List<ManscdpControl> sent) {
        List<String> order = sent.stream().map(c -> c.getSn().toString()).toList();
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> {
            int at = order.indexOf(sn.apply(item));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return sorted;
    }

    private static String bodySn(String body) {
        int from = body.indexOf("<SN>");
        int to = body.indexOf("</SN>", from);
        return from < 0 || to < 0 ? "" : body.substring(from + 4, to).trim();
    }

    private static <T> List<T> since(List<T> received, int count) {
        return received.subList(count, received.size());
    }
}
