package dev.gb28181.peers;

import dev.gb28181.manscdp.BasicParam;
import dev.gb28181.manscdp.ControlInfo;
import dev.gb28181.manscdp.DeviceConfig;
import dev.gb28181.manscdp.DeviceControl;
import dev.gb28181.manscdp.ManscdpControl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DeviceControl and DeviceConfig bodies of GB/T 28181-2016 (Annex J.6 and J.7 verbatim; FI,
 * preset, TeleBoot, SetGuard and BasicParam in J.6's layout from Annex A.2.3 and A.3), kept under
 * {@code manscdp/standard/} (see its README), each with the same command built by the platform's
 * typed model, so that a peer test can send the one and compare what the device got with the other.
 */
final class StandardControls {

    /** The camera of J.6, the target of every command but the J.7 recorder's. */
    static final String CAMERA = "64010000041310000345";
    /** The DeviceID of J.7's RecordCmd (a channel of the device the command is sent to). */
    static final String RECORDER = "64010000002020000001";

    /**
     * One command of the standard.
     *
     * @param file     its body under {@code manscdp/standard/}
     * @param control  the same command built with the typed model (SN and DeviceID as in the file)
     * @param answered whether the standard has the device answer it with a Response (A.2.6)
     */
    record Case(String file, ManscdpControl control, boolean answered) {

        @Override
        public String toString() {
            return file;
        }
    }

    private StandardControls() {
    }

    /** PTZ (J.6), FI, preset call, TeleBoot, SetGuard, DeviceConfig BasicParam and RecordCmd (J.7), SN 11-17. */
    static List<Case> all() {
        return List.of(
                new Case("j6-ptz-zoom-in.xml", control(11, CAMERA, c -> {
                    c.setPtzCmd("A50F4D1000001021");
                    ControlInfo info = new ControlInfo();
                    info.setControlPriority(5);
                    c.setInfo(info);
                }), false),
                new Case("a3-fi-focus-far.xml", control(12, CAMERA, c -> c.setPtzCmd("A50F004100640059")), false),
                new Case("a3-preset-call.xml", control(13, CAMERA, c -> c.setPtzCmd("A50F008200030039")), false),
                new Case("a23-teleboot.xml", control(14, CAMERA, c -> c.setTeleBoot("Boot")), false),
                new Case("a23-set-guard.xml", control(15, CAMERA, c -> c.setGuardCmd("SetGuard")), true),
                new Case("a23-config-basic.xml", config(16, CAMERA, "Camera 345"), true),
                new Case("j7-record.xml", control(17, RECORDER, c -> c.setRecordCmd("Record")), true));
    }

    /** A DeviceConfig with BasicParam {@code name}, Expiration 3600, HeartBeatInterval 60, HeartBeatCount 3. */
    static DeviceConfig config(long sn, String deviceId, String name) {
        BasicParam basic = new BasicParam();
        basic.setName(name);
        basic.setExpiration(3600);
        basic.setHeartBeatInterval(60);
        basic.setHeartBeatCount(3);
        DeviceConfig config = new DeviceConfig();
        config.setSn(sn);
        config.setDeviceId(deviceId);
        config.setBasicParam(basic);
        return config;
    }

    private static DeviceControl control(long sn, String deviceId, Consumer<DeviceControl> command) {
        DeviceControl control = new DeviceControl();
        control.setSn(sn);
        control.setDeviceId(deviceId);
        command.accept(control);
        return control;
    }

    /** A body of {@code manscdp/standard/}. */
    static String body(String file) {
        try (InputStream in = StandardControls.class.getResourceAsStream("/manscdp/standard/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no standard body manscdp/standard/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code received} is the standard's body {@code file}, element for element and
     * value for value: the XML prolog (the standard writes none of an encoding, devices and
     * platforms name theirs) and whitespace between elements are not compared.
     */
    static void assertSameBody(String received, String file) {
        assertThat(normalized(received)).as("body received for %s:%n%s", file, received)
                .isEqualTo(normalized(body(file)));
    }

    /** Without the prolog and without whitespace next to a tag. */
    static String normalized(String xml) {
        String body = xml.strip();
        if (body.startsWith("<?xml")) {
            body = body.substring(body.indexOf("?>") + 2);
        }
        return body.replaceAll(">\\s+", ">").replaceAll("\\s+<", "<").strip();
    }
}
