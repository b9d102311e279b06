package dev.gb28181.manscdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every DeviceControl and DeviceConfig command as a typed object and as the XML the standard lays
 * out for it ({@code src/test/resources/manscdp/standard/}, see its README): GB/T 28181-2016 Annex J
 * examples, Annex A.2.3 schema bodies and the 2022 additions. Shared by the codec and platform tests.
 */
public final class StandardControls {

    /** The DeviceID of the standard's J.6 example, used by every A.2.3 and 2022 body. */
    public static final String CHANNEL = "64010000041310000345";

    /**
     * One command: the resource holding the standard's body, a fresh typed control equal to it, and
     * whether GB/T 28181-2016/2022 §9.3.1 has the device answer it with a Response.
     */
    public record Case(String resource, Supplier<ManscdpControl> control, boolean expectsResponse) {

        /** The standard's body as text. */
        public String xml() {
            return StandardControls.xml(resource);
        }

        @Override
        public String toString() {
            return resource;
        }
    }

    private StandardControls() {
    }

    public static List<Case> all() {
        return List.of(
                new Case("J.6.1-ptz.xml", () -> {
                    DeviceControl c = control(11, CHANNEL);
                    c.setPtzCmd("A50F4D1000001021");
                    ControlInfo info = new ControlInfo();
                    info.setControlPriority(5);
                    c.setInfo(info);
                    return c;
                }, false),
                new Case("J.7.3-record.xml", () -> {
                    DeviceControl c = control(17, "64010000002020000001");
                    c.setRecordCmd("Record");
                    return c;
                }, true),
                deviceControl("A.2.3-teleboot.xml", false, c -> c.setTeleBoot("Boot")),
                deviceControl("A.2.3-stoprecord.xml", true, c -> c.setRecordCmd("StopRecord")),
                deviceControl("A.2.3-setguard.xml", true, c -> c.setGuardCmd("SetGuard")),
                deviceControl("A.2.3-resetguard.xml", true, c -> c.setGuardCmd("ResetGuard")),
                deviceControl("A.2.3-resetalarm.xml", true, c -> {
                    c.setAlarmCmd("ResetAlarm");
                    ControlInfo info = new ControlInfo();
                    info.setAlarmMethod("2");
                    info.setAlarmType("1");
                    c.setInfo(info);
                }),
                deviceControl("A.2.3-iframe.xml", false, c -> c.setIframeCmd("Send")),
                deviceControl("A.2.3-dragzoomin.xml", false, c -> c.setDragZoomIn(rectangle())),
                deviceControl("A.2.3-dragzoomout.xml", false, c -> c.setDragZoomOut(rectangle())),
                deviceControl("A.2.3-homeposition.xml", true, c -> {
                    HomePosition home = new HomePosition();
                    home.setEnabled(1);
                    home.setResetTime(30);
                    home.setPresetIndex(1);
                    c.setHomePosition(home);
                }),
                new Case("A.2.3-deviceconfig-basicparam.xml", () -> {
                    DeviceConfig c = config();
                    BasicParam basic = new BasicParam();
                    basic.setName("大门");
                    basic.setExpiration(3600);
                    basic.setHeartBeatInterval(60);
                    basic.setHeartBeatCount(3);
                    c.setBasicParam(basic);
                    return c;
                }, true),
                new Case("A.2.3-deviceconfig-svac.xml", StandardControls::svacConfig, true),
                deviceControl("2022-ptzprecisectrl.xml", false, c -> {
                    PtzPreciseCtrl precise = new PtzPreciseCtrl();
                    precise.setPan(120.5);
                    precise.setTilt(30.25);
                    precise.setZoom(2.5);
                    c.setPtzPreciseCtrl(precise);
                }),
                deviceControl("2022-formatsdcard.xml", false, c -> c.setFormatSdCard(1)),
                deviceControl("2022-targettrack.xml", false, c -> {
                    c.setTargetTrack("Manual");
                    c.setDeviceId2("64010000041310000346");
                    c.setTargetArea(rectangle());
                }),
                deviceControl("2022-deviceupgrade.xml", true, c -> {
                    DeviceUpgrade upgrade = new DeviceUpgrade();
                    upgrade.setFirmware("V2.1.0");
                    upgrade.setFileUrl("http://192.168.1.10/fw/ipc-v2.1.0.bin");
                    upgrade.setManufacturer("Test");
                    upgrade.setSessionId("64010000041310000345-upgrade-1");
                    c.setDeviceUpgrade(upgrade);
                }));
    }

    /** A resource of {@code manscdp/standard/} as text (UTF-8, as the files are written). */
    public static String xml(String resource) {
        try (InputStream in = StandardControls.class.getResourceAsStream("/manscdp/standard/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource manscdp/standard/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The XML without its prolog and without the whitespace between elements, so that bodies laid out
     * differently compare equal when their elements, order and text are the same.
     */
    public static String canonical(String xml) {
        String body = xml.strip();
        if (body.startsWith("<?")) {
            body = body.substring(body.indexOf("?>") + 2);
        }
        return body.replaceAll(">\\s+<", "><").strip();
    }

    /** {@link #canonical} with the SN replaced (the platform chooses its own). */
    public static String canonical(String xml, long sn) {
        return canonical(xml).replaceFirst("<SN>\\d+</SN>", "<SN>" + sn + "</SN>");
    }

    private static Case deviceControl(String resource, boolean expectsResponse,
            Consumer<DeviceControl> command) {
        return new Case(resource, () -> {
            DeviceControl c = control(11, CHANNEL);
            command.accept(c);
            return c;
        }, expectsResponse);
    }

    private static DeviceControl control(long sn, String deviceId) {
        DeviceControl c = new DeviceControl();
        c.setSn(sn);
        c.setDeviceId(deviceId);
        return c;
    }

    private static DeviceConfig config() {
        DeviceConfig c = new DeviceConfig();
        c.setSn(11L);
        c.setDeviceId(CHANNEL);
        return c;
    }

    private static DragZoom rectangle() {
        DragZoom zoom = new DragZoom();
        zoom.setLength(1920);
        zoom.setWidth(1080);
        zoom.setMidPointX(960);
        zoom.setMidPointY(540);
        zoom.setLengthX(320);
        zoom.setLengthY(180);
        return zoom;
    }

    private static DeviceConfig svacConfig() {
        RoiItem item = new RoiItem();
        item.setRoiSeq(1);
        item.setTopLeft(0);
        item.setBottomRight(19683);
        item.setRoiQp(3);
        RoiParam roi = new RoiParam();
        roi.setRoiFlag(1);
        roi.setRoiNumber(1);
        roi.setItems(List.of(item));
        roi.setBackGroundQp(0);
        roi.setBackGroundSkipFlag(0);
        AudioParam audio = new AudioParam();
        audio.setAudioRecognitionFlag(1);
        SvacEncodeConfig encode = new SvacEncodeConfig();
        encode.setRoiParam(roi);
        encode.setAudioParam(audio);
        SvcParam svc = new SvcParam();
        svc.setSvcStmMode(0);
        SurveillanceParam surveillance = new SurveillanceParam();
        surveillance.setTimeShowFlag(1);
        surveillance.setEventShowFlag(0);
        surveillance.setAlertShowFlag(1);
        SvacDecodeConfig decode = new SvacDecodeConfig();
        decode.setSvcParam(svc);
        decode.setSurveillanceParam(surveillance);
        DeviceConfig c = config();
        c.setSvacEncodeConfig(encode);
        c.setSvacDecodeConfig(decode);
        return c;
    }
}
