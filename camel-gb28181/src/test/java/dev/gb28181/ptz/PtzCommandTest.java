package dev.gb28181.ptz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vectors for every command group of GB/T 28181-2016 Annex A.3, both ways. The expected strings were worked
 * out by hand from the byte layout (A.3.1) and checked against the standard's own example and the capture.
 */
class PtzCommandTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                // A.3.2 PTZ
                vector("A50F000800640020", PtzAction.UP, () -> new PtzParams().speed(100)),
                vector("A50F0000000000B4", PtzAction.STOP, PtzParams::new),
                vector("A50F4D1000001021", PtzAction.ZOOMIN, () -> new PtzParams().zoomSpeed(1).address(0x4D)),
                vector("A50F000400C80080", PtzAction.DOWN, () -> new PtzParams().speed(200)),
                vector("A50F00021E0000D4", PtzAction.LEFT, () -> new PtzParams().speed(30)),
                vector("A50F0001FF0000B4", PtzAction.RIGHT, () -> new PtzParams().speed(255)),
                vector("A50F000A32320022", PtzAction.UPLEFT, () -> new PtzParams().speed(50)),
                vector("A50F00093C3C0035", PtzAction.UPRIGHT, () -> new PtzParams().speed(60)),
                vector("A50F000646460046", PtzAction.DOWNLEFT, () -> new PtzParams().speed(70)),
                vector("A50F000550500059", PtzAction.DOWNRIGHT, () -> new PtzParams().speed(80)),
                vector("A50F00200000F0C4", PtzAction.ZOOMOUT, () -> new PtzParams().zoomSpeed(15)),
                vector("A50F00290A0A3021", PtzAction.UPRIGHT, () -> new PtzParams().speed(10).zoomOut().zoomSpeed(3)),
                vector("A50F00122800200E", PtzAction.LEFT, () -> new PtzParams().speed(40).zoomIn().zoomSpeed(2)),
                // A.3.3 FI
                vector("A50F00426400005A", PtzAction.FOCUSNEAR, () -> new PtzParams().speed(100)),
                vector("A50F004164000059", PtzAction.FOCUSFAR, () -> new PtzParams().speed(100)),
                vector("A50F0044005A0052", PtzAction.IRISOPEN, () -> new PtzParams().speed(90)),
                vector("A50F0048005A0056", PtzAction.IRISCLOSE, () -> new PtzParams().speed(90)),
                vector("A50F0040000000F4", PtzAction.FISTOP, PtzParams::new),
                vector("A50F004914140025", PtzAction.FOCUSFAR, () -> new PtzParams().speed(20).irisClose()),
                // A.3.4 presets
                vector("A50F008100010036", PtzAction.PRESETSET, () -> new PtzParams().preset(1)),
                vector("A50F008200FF0035", PtzAction.PRESETCALL, () -> new PtzParams().preset(255)),
                vector("A50F00830007003E", PtzAction.PRESETDELETE, () -> new PtzParams().preset(7)),
                // A.3.5 cruise
                vector("A50F00840205003F", PtzAction.CRUISEADD, () -> new PtzParams().group(2).preset(5)),
                vector("A50F00850200003B", PtzAction.CRUISEDELETE, () -> new PtzParams().group(2).preset(0)),
                vector("A50F008601FFF02A", PtzAction.CRUISESPEED, () -> new PtzParams().group(1).value(4095)),
                vector("A50F0087012C1078", PtzAction.CRUISEDWELL, () -> new PtzParams().group(1).value(300)),
                vector("A50F00880300003F", PtzAction.CRUISESTART, () -> new PtzParams().group(3)),
                // A.3.6 scan
                vector("A50F00890100003E", PtzAction.SCANSTART, () -> new PtzParams().group(1)),
                vector("A50F00890101003F", PtzAction.SCANLEFT, () -> new PtzParams().group(1)),
                vector("A50F008901020040", PtzAction.SCANRIGHT, () -> new PtzParams().group(1)),
                vector("A50F008A0000104E", PtzAction.SCANSPEED, () -> new PtzParams().value(256)),
                // A.3.7 auxiliary switches
                vector("A50F008C01000041", PtzAction.AUXON, PtzParams::new),
                vector("A50F008D02000043", PtzAction.AUXOFF, () -> new PtzParams().aux(2)),
                // addresses: upstream platforms send 1; the high 4 bits go to byte 7's low nibble
                vector("A50F010800640021", PtzAction.UP, () -> new PtzParams().speed(100).address(1)),
                vector("A50F230800640144", PtzAction.UP, () -> new PtzParams().speed(100).address(0x123)),
                vector("A50FFF0800640F2E", PtzAction.UP, () -> new PtzParams().speed(100).address(4095)));
    }

    private static Arguments vector(String hex, PtzAction action, Supplier<PtzParams> params) {
        return Arguments.of(hex, action, params);
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("vectors")
    void encodesAndDecodesTheVector(String hex, PtzAction action, Supplier<PtzParams> params) {
        PtzCommand built = PtzCommand.of(action, params.get());
        assertThat(built.encode()).isEqualTo(hex);

        PtzCommand decoded = PtzCommand.decode(hex);
        assertThat(decoded).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(decoded.action()).isEqualTo(action);
        assertThat(decoded.encode()).isEqualTo(hex);
        assertThat(PtzCommand.decode(hex.toLowerCase(Locale.ROOT))).isEqualTo(built);
    }

    @Test
    void upAtSpeed100SetsOnlyTheTiltSpeed() {
        PtzCommand up = PtzCommand.decode("A50F000800640020");
        assertThat(up.action()).isEqualTo(PtzAction.UP);
        assertThat(up.tiltSpeed()).isEqualTo(100);
        assertThat(up.panSpeed()).isZero();
        assertThat(up.zoomSpeed()).isZero();
        assertThat(up.address()).isZero();
        assertThat(up).hasToString("PtzCommand[UP tiltSpeed=100 address=0 A50F000800640020]");
    }

    @Test
    void theStandardsExampleIsZoomInAtSpeed1ToAddress4D() {
        PtzCommand zoom = PtzCommand.decode("A50F4D1000001021");
        assertThat(zoom.action()).isEqualTo(PtzAction.ZOOMIN);
        assertThat(zoom.zoomSpeed()).isEqualTo(1);
        assertThat(zoom.address()).isEqualTo(0x4D);
        assertThat(zoom.zoomingIn()).isTrue();
        assertThat(zoom.zoomingOut()).isFalse();
    }

    /**
     * The capture's FI command: 41H is focus far, but its speed sits in byte 6, the iris speed byte of A.3.3,
     * while the focus speed byte 5 is 0. Decoded as the standard says: focus far at focus speed 0.
     */
    @Test
    void theCapturesFiCommandIsFocusFarWithItsSpeedInTheIrisByte() {
        PtzCommand fi = PtzCommand.decode("A50F004100640059");
        assertThat(fi.action()).isEqualTo(PtzAction.FOCUSFAR);
        assertThat(fi.focusSpeed()).isZero();
        assertThat(fi.irisSpeed()).isEqualTo(100);
        assertThat(fi.irisOpening()).isFalse();
        assertThat(fi.irisClosing()).isFalse();
        assertThat(fi.encode()).isEqualTo("A50F004100640059");
        assertThat(PtzCommand.of(PtzAction.FOCUSFAR, new PtzParams().speed(100)).encode())
                .isEqualTo("A50F004164000059");
    }

    @Test
    void diagonalsAndCombinationsSetEverySpeedTheyUse() {
        PtzCommand combined = PtzCommand.decode("A50F00290A0A3021");
        assertThat(combined.action()).isEqualTo(PtzAction.UPRIGHT);
        assertThat(combined.panSpeed()).isEqualTo(10);
        assertThat(combined.tiltSpeed()).isEqualTo(10);
        assertThat(combined.zoomingOut()).isTrue();
        assertThat(combined.zoomSpeed()).isEqualTo(3);
        assertThat(combined).hasToString(
                "PtzCommand[UPRIGHT panSpeed=10 tiltSpeed=10 zoomOut zoomSpeed=3 address=0 A50F00290A0A3021]");

        PtzCommand fi = PtzCommand.decode("A50F004914140025");
        assertThat(fi.action()).isEqualTo(PtzAction.FOCUSFAR);
        assertThat(fi.focusSpeed()).isEqualTo(20);
        assertThat(fi.irisClosing()).isTrue();
        assertThat(fi.irisSpeed()).isEqualTo(20);
    }

    @Test
    void twelveBitValuesSplitIntoByte6AndTheHighNibbleOfByte7() {
        PtzCommand speed = PtzCommand.of(PtzAction.CRUISESPEED, new PtzParams().group(1).value(4095));
        assertThat(speed.data2()).isEqualTo(0xFF);
        assertThat(speed.data3()).isEqualTo(0xF);
        assertThat(PtzCommand.decode(speed.encode()).value()).isEqualTo(4095);

        PtzCommand dwell = PtzCommand.decode("A50F0087012C1078");
        assertThat(dwell.group()).isEqualTo(1);
        assertThat(dwell.value()).isEqualTo(300);
        assertThat(PtzCommand.decode("A50F008A0000104E").value()).isEqualTo(256);
    }

    @Test
    void addressesAbove255UseTheLowNibbleOfByte7() {
        PtzCommand command = PtzCommand.decode("A50F230800640144");
        assertThat(command.address()).isEqualTo(0x123);
        assertThat(command.data3()).isZero();
        PtzCommand max = PtzCommand.of(PtzAction.ZOOMIN, new PtzParams().address(4095).zoomSpeed(15));
        assertThat(PtzCommand.decode(max.encode()).address()).isEqualTo(4095);
        assertThat(PtzCommand.decode(max.encode()).zoomSpeed()).isEqualTo(15);
    }

    @Test
    void typedAccessorsOfOtherGroupsAreRefused() {
        PtzCommand preset = PtzCommand.decode("A50F008200FF0035");
        assertThat(preset.preset()).isEqualTo(255);
        assertThatThrownBy(preset::panSpeed)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("panSpeed is not part of a PRESETCALL command");
        assertThatThrownBy(PtzCommand.decode("A50F000800640020")::preset).isInstanceOf(IllegalStateException.class);
        assertThat(PtzCommand.decode("A50F00890101003F").scanMode()).isEqualTo(1);
        assertThat(PtzCommand.decode("A50F008C01000041").aux()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(PtzAction.class)
    void everyActionSurvivesEncodeAndDecode(PtzAction action) {
        PtzParams params = new PtzParams().speed(77).zoomSpeed(5).preset(9).group(4).value(2049).aux(3)
                .address(0x2AB);
        PtzCommand built = PtzCommand.of(action, params);
        PtzCommand decoded = PtzCommand.decode(built.encode());
        assertThat(decoded).isEqualTo(built);
        assertThat(decoded.action()).isEqualTo(action);
        assertThat(decoded.address()).isEqualTo(0x2AB);
        switch (action) {
            case UP, DOWN -> assertThat(decoded.tiltSpeed()).isEqualTo(77);
            case LEFT, RIGHT -> assertThat(decoded.panSpeed()).isEqualTo(77);
            case UPLEFT, UPRIGHT, DOWNLEFT, DOWNRIGHT -> {
                assertThat(decoded.panSpeed()).isEqualTo(77);
                assertThat(decoded.tiltSpeed()).isEqualTo(77);
            }
            case ZOOMIN, ZOOMOUT -> assertThat(decoded.zoomSpeed()).isEqualTo(5);
            case FOCUSNEAR, FOCUSFAR -> assertThat(decoded.focusSpeed()).isEqualTo(77);
            case IRISOPEN, IRISCLOSE -> assertThat(decoded.irisSpeed()).isEqualTo(77);
            case PRESETSET, PRESETCALL, PRESETDELETE -> assertThat(decoded.preset()).isEqualTo(9);
            case CRUISEADD, CRUISEDELETE -> {
                assertThat(decoded.group()).isEqualTo(4);
                assertThat(decoded.preset()).isEqualTo(9);
            }
            case CRUISESPEED, CRUISEDWELL, SCANSPEED -> {
                assertThat(decoded.group()).isEqualTo(4);
                assertThat(decoded.value()).isEqualTo(2049);
            }
            case CRUISESTART -> assertThat(decoded.group()).isEqualTo(4);
            case SCANSTART, SCANLEFT, SCANRIGHT -> {
                assertThat(decoded.group()).isEqualTo(4);
                assertThat(decoded.scanMode()).isEqualTo(action.ordinal() - PtzAction.SCANSTART.ordinal());
            }
            case AUXON, AUXOFF -> assertThat(decoded.aux()).isEqualTo(3);
            case STOP, FISTOP -> assertThat(decoded.data1() + decoded.data2() + decoded.data3()).isZero();
        }
    }

    @Test
    void actionNamesAreLowerCaseAndLookedUpIgnoringCase() {
        assertThat(PtzAction.PRESETCALL.uriName()).isEqualTo("presetcall");
        assertThat(PtzAction.of("UpLeft")).isEqualTo(PtzAction.UPLEFT);
        for (PtzAction action : PtzAction.values()) {
            assertThat(PtzAction.of(action.uriName())).isEqualTo(action);
        }
        assertThatThrownBy(() -> PtzAction.of("sideways"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown PTZ action 'sideways', expected one of: stop, up, down,")
                .hasMessageEndingWith("auxon, auxoff");
        assertThatThrownBy(() -> PtzAction.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
