package dev.gb28181.peers;

import dev.gb28181.manscdp.ControlInfo;
import dev.gb28181.manscdp.DeviceControl;
import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.StandardControls;
import dev.gb28181.ptz.PtzAction;
import dev.gb28181.ptz.PtzCommand;
import dev.gb28181.ptz.PtzParams;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands issue 4 has a real peer receive, with the bodies GB/T 28181-2016 shows for them
 * ({@code manscdp/standard/}, shared with the codec tests through {@link StandardControls}): PTZ as
 * J.6.1 (zoom in at address 0x4D with ControlPriority 5), FI focus far and preset call laid out as
 * J.6.1 with the codes of Annex A.3 tables A.7 and A.8, TeleBoot, SetGuard and DeviceConfig
 * BasicParam per Annex A.2.3, and RecordCmd as J.7.3 (to the channel J.7 names). The PTZCmd values
 * are built with {@link PtzCommand}, the rest are the shared typed controls.
 */
final class PeerControls {

    /** The device of J.6.1: every command goes to it (J.7.3's names one of its channels). */
    static final String DEVICE_ID = StandardControls.CHANNEL;

    private PeerControls() {
    }

    /** The commands, in the order a test sends them. */
    static List<StandardControls.Case> cases() {
        Map<String, StandardControls.Case> shared = StandardControls.all().stream()
                .collect(Collectors.toMap(StandardControls.Case::resource, Function.identity()));
        return List.of(
                ptz("J.6.1-ptz.xml", PtzAction.ZOOMIN, new PtzParams().address(0x4D).zoomSpeed(1), 5),
                ptz("A.3-fi-focusfar.xml", PtzAction.FOCUSFAR, new PtzParams().speed(100), null),
                ptz("A.3-presetcall.xml", PtzAction.PRESETCALL, new PtzParams().preset(3), null),
                shared.get("A.2.3-teleboot.xml"),
                shared.get("A.2.3-setguard.xml"),
                shared.get("A.2.3-deviceconfig-basicparam.xml"),
                shared.get("J.7.3-record.xml"));
    }

    /**
     * Asserts that a device received {@code control} (sent, so carrying the SN the platform chose) as
     * the standard's body of {@code c}: elements, order and values equal, prolog and whitespace
     * between elements aside.
     */
    static void assertReceivedAsStandard(String received, StandardControls.Case c, ManscdpControl control) {
        assertThat(StandardControls.canonical(received)).as("%s received as%n%s", c, received)
                .isEqualTo(StandardControls.canonical(c.xml(), control.getSn()));
    }

    private static StandardControls.Case ptz(String resource, PtzAction action, PtzParams params, Integer priority) {
        return new StandardControls.Case(resource, () -> {
            DeviceControl control = new DeviceControl();
            control.setDeviceId(DEVICE_ID);
            control.setPtzCmd(PtzCommand.of(action, params).encode());
            if (priority != null) {
                ControlInfo info = new ControlInfo();
                info.setControlPriority(priority);
                control.setInfo(info);
            }
            return control;
        }, false);
    }
}
