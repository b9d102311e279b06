package dev.gb28181.camel;

import dev.gb28181.manscdp.BasicParam;
import dev.gb28181.manscdp.ControlInfo;
import dev.gb28181.manscdp.DeviceConfig;
import dev.gb28181.manscdp.DeviceControl;
import dev.gb28181.manscdp.DeviceUpgrade;
import dev.gb28181.manscdp.DragZoom;
import dev.gb28181.manscdp.HomePosition;
import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.PtzPreciseCtrl;
import dev.gb28181.ptz.PtzAction;
import dev.gb28181.ptz.PtzCommand;
import dev.gb28181.ptz.PtzParams;

import java.util.Locale;

import org.apache.camel.Message;

/**
 * Builds the DeviceControl or DeviceConfig (GB/T 28181-2016 §9.3, Annex A.2.3; GB/T 28181-2022
 * additions) an exchange of {@code gb28181:ptz} or {@code gb28181:control} asks for, from the
 * endpoint's options and the exchange's headers, a header winning over its option. Every value is
 * checked here, so a bad one fails the exchange before anything is sent.
 */
final class Gb28181Controls {

    /** The commands of {@code gb28181:control}, as the {@code cmd} option names them (any case). */
    enum Command {
        TELEBOOT("TeleBoot"), RECORD("Record"), STOPRECORD("StopRecord"), SETGUARD("SetGuard"),
        RESETGUARD("ResetGuard"), RESETALARM("ResetAlarm"), IFRAME("IFrame"), DRAGZOOMIN("DragZoomIn"),
        DRAGZOOMOUT("DragZoomOut"), HOMEPOSITION("HomePosition"), DEVICECONFIG("DeviceConfig"),
        PTZPRECISECTRL("PTZPreciseCtrl"), FORMATSDCARD("FormatSDCard"), TARGETTRACK("TargetTrack"),
        DEVICEUPGRADE("DeviceUpgrade");

        private static final Command[] VALUES = values();

        private final String uriName;

        Command(String uriName) {
            this.uriName = uriName;
        }

        /**
         * The command named {@code name}, ignoring case.
         *
         * @throws IllegalArgumentException listing the commands when none has that name
         */
        static Command of(String name) {
            for (Command command : VALUES) {
                if (command.uriName.equalsIgnoreCase(name)) {
                    return command;
                }
            }
            StringBuilder names = new StringBuilder();
            for (Command command : VALUES) {
                names.append(names.length() > 0 ? ", " : "").append(command.uriName);
            }
            throw new IllegalArgumentException("gb28181:control: unknown command '" + name + "'; expected one of "
                    + names);
        }
    }

    private Gb28181Controls() {
    }

    /**
     * The PTZCmd (Annex A.3) of an exchange: a raw command (CamelGb28181PtzCmd header, else the
     * {@code cmd} option) decoded to check it, or an action with its parameters. A header wins over
     * both options, and a raw command over an action at the same level.
     *
     * @throws IllegalArgumentException for a missing or unknown action, a malformed raw command or a
     *     parameter out of its range
     */
    static PtzCommand ptzCommand(Message in, Gb28181Endpoint endpoint) {
        String raw = in.getHeader(Gb28181Constants.PTZ_CMD, String.class);
        String action = in.getHeader(Gb28181Constants.PTZ_ACTION, String.class);
        if (raw == null && action == null) {
            raw = endpoint.getCmd();
            action = endpoint.getAction();
        }
        if (raw != null) {
            return PtzCommand.decode(raw.trim());
        }
        if (action == null) {
            throw new IllegalArgumentException("gb28181:ptz needs the action option or " + Gb28181Constants.PTZ_ACTION
                    + " header, or a raw PTZCmd (the cmd option or " + Gb28181Constants.PTZ_CMD + " header)");
        }
        PtzAction ptzAction = PtzAction.of(action.trim());
        PtzParams params = new PtzParams();
        Integer value = in.getHeader(Gb28181Constants.SPEED, endpoint.getSpeed(), Integer.class);
        if (value != null) {
            params.speed(value);
        }
        value = in.getHeader(Gb28181Constants.ZOOM_SPEED, endpoint.getZoomSpeed(), Integer.class);
        if (value != null) {
            params.zoomSpeed(value);
        }
        value = in.getHeader(Gb28181Constants.PRESET, endpoint.getPreset(), Integer.class);
        if (value != null) {
            params.preset(value);
        }
        value = in.getHeader(Gb28181Constants.GROUP, endpoint.getGroup(), Integer.class);
        if (value != null) {
            params.group(value);
        }
        value = in.getHeader(Gb28181Constants.VALUE, endpoint.getValue(), Integer.class);
        if (value != null) {
            params.value(value);
        }
        value = in.getHeader(Gb28181Constants.AUX, endpoint.getAux(), Integer.class);
        if (value != null) {
            params.aux(value);
        }
        String address = in.getHeader(Gb28181Constants.ADDRESS, endpoint.getAddress(), String.class);
        if (address != null) {
            params.address(integer("address", address.trim()));
        }
        return PtzCommand.of(ptzAction, params);
    }

    /** A DeviceControl carrying {@code command} (Annex A.2.3 PTZCmd), to {@code channel} when one is named. */
    static DeviceControl ptz(PtzCommand command, String channel) {
        DeviceControl control = new DeviceControl();
        control.setPtzCmd(command.encode());
        control.setDeviceId(channel);
        return control;
    }

    /**
     * The control of an exchange of {@code gb28181:control}: a {@link ManscdpControl} body as it is,
     * else the command of the CamelGb28181ControlCmd header or the {@code cmd} option with its
     * parameters; the channel, when one is named, becomes its DeviceID.
     *
     * @throws IllegalArgumentException for a missing or unknown command or a missing parameter
     */
    static ManscdpControl create(Message in, Gb28181Endpoint endpoint) {
        if (in.getBody() instanceof ManscdpControl typed) {
            return typed;
        }
        String name = in.getHeader(Gb28181Constants.CONTROL_CMD, endpoint.getCmd(), String.class);
        if (name == null) {
            throw new IllegalArgumentException("gb28181:control needs the command to send: the cmd option, the "
                    + Gb28181Constants.CONTROL_CMD + " header or a ManscdpControl body");
        }
        ManscdpControl control = build(Command.of(name.trim()), in, endpoint);
        control.setDeviceId(in.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class));
        return control;
    }

    private static ManscdpControl build(Command command, Message in, Gb28181Endpoint e) {
        if (command == Command.DEVICECONFIG) {
            return deviceConfig(in, e);
        }
        DeviceControl control = new DeviceControl();
        switch (command) { // every command but DEVICECONFIG, built above
            case TELEBOOT -> control.setTeleBoot("Boot");
            case RECORD, STOPRECORD -> control.setRecordCmd(command.uriName);
            case SETGUARD, RESETGUARD -> control.setGuardCmd(command.uriName);
            case RESETALARM -> {
                control.setAlarmCmd(command.uriName);
                String method = in.getHeader(Gb28181Constants.ALARM_METHOD, e.getAlarmMethod(), String.class);
                String type = in.getHeader(Gb28181Constants.ALARM_TYPE, e.getAlarmType(), String.class);
                if (method != null || type != null) {
                    ControlInfo info = new ControlInfo();
                    info.setAlarmMethod(method);
                    info.setAlarmType(type);
                    control.setInfo(info);
                }
            }
            case IFRAME -> control.setIframeCmd("Send");
            case DRAGZOOMIN -> control.setDragZoomIn(dragZoom(command, in, e));
            case DRAGZOOMOUT -> control.setDragZoomOut(dragZoom(command, in, e));
            case HOMEPOSITION -> control.setHomePosition(homePosition(in, e));
            case PTZPRECISECTRL -> control.setPtzPreciseCtrl(precise(in, e));
            case FORMATSDCARD -> control.setFormatSdCard(
                    in.getHeader(Gb28181Constants.SD_CARD_INDEX, e.getSdCardIndex() != null ? e.getSdCardIndex() : 1,
                            Integer.class));
            case TARGETTRACK -> targetTrack(control, in, e);
            case DEVICEUPGRADE -> control.setDeviceUpgrade(upgrade(in, e));
        }
        return control;
    }

    private static DragZoom dragZoom(Command command, Message in, Gb28181Endpoint e) {
        DragZoom zoom = new DragZoom();
        zoom.setLength(required(command, "length",
                in.getHeader(Gb28181Constants.LENGTH, e.getLength(), Integer.class)));
        zoom.setWidth(required(command, "width", in.getHeader(Gb28181Constants.WIDTH, e.getWidth(), Integer.class)));
        zoom.setMidPointX(required(command, "midPointX",
                in.getHeader(Gb28181Constants.MID_POINT_X, e.getMidPointX(), Integer.class)));
        zoom.setMidPointY(required(command, "midPointY",
                in.getHeader(Gb28181Constants.MID_POINT_Y, e.getMidPointY(), Integer.class)));
        zoom.setLengthX(required(command, "lengthX",
                in.getHeader(Gb28181Constants.LENGTH_X, e.getLengthX(), Integer.class)));
        zoom.setLengthY(required(command, "lengthY",
                in.getHeader(Gb28181Constants.LENGTH_Y, e.getLengthY(), Integer.class)));
        return zoom;
    }

    private static HomePosition homePosition(Message in, Gb28181Endpoint e) {
        HomePosition home = new HomePosition();
        home.setEnabled(required(Command.HOMEPOSITION, "enabled",
                in.getHeader(Gb28181Constants.ENABLED, e.getEnabled(), Integer.class)));
        home.setResetTime(in.getHeader(Gb28181Constants.RESET_TIME, e.getResetTime(), Integer.class));
        home.setPresetIndex(in.getHeader(Gb28181Constants.PRESET_INDEX, e.getPresetIndex(), Integer.class));
        return home;
    }

    private static DeviceConfig deviceConfig(Message in, Gb28181Endpoint e) {
        BasicParam basic = new BasicParam();
        basic.setName(in.getHeader(Gb28181Constants.NAME, e.getName(), String.class));
        basic.setExpiration(in.getHeader(Gb28181Constants.EXPIRATION, e.getExpiration(), Integer.class));
        basic.setHeartBeatInterval(in.getHeader(Gb28181Constants.HEART_BEAT_INTERVAL, e.getHeartBeatInterval(),
                Integer.class));
        basic.setHeartBeatCount(in.getHeader(Gb28181Constants.HEART_BEAT_COUNT, e.getHeartBeatCount(), Integer.class));
        if (basic.getName() == null && basic.getExpiration() == null && basic.getHeartBeatInterval() == null
                && basic.getHeartBeatCount() == null) {
            throw new IllegalArgumentException("gb28181:control DeviceConfig needs at least one of name, expiration,"
                    + " heartBeatInterval, heartBeatCount (options or headers), or a DeviceConfig body");
        }
        DeviceConfig config = new DeviceConfig();
        config.setBasicParam(basic);
        return config;
    }

    private static PtzPreciseCtrl precise(Message in, Gb28181Endpoint e) {
        PtzPreciseCtrl precise = new PtzPreciseCtrl();
        precise.setPan(in.getHeader(Gb28181Constants.PAN, e.getPan(), Double.class));
        precise.setTilt(in.getHeader(Gb28181Constants.TILT, e.getTilt(), Double.class));
        precise.setZoom(in.getHeader(Gb28181Constants.ZOOM, e.getZoom(), Double.class));
        if (precise.getPan() == null && precise.getTilt() == null && precise.getZoom() == null) {
            throw new IllegalArgumentException("gb28181:control PTZPreciseCtrl needs at least one of pan, tilt, zoom"
                    + " (options or headers)");
        }
        return precise;
    }

    private static void targetTrack(DeviceControl control, Message in, Gb28181Endpoint e) {
        String mode = required(Command.TARGETTRACK, "targetTrack",
                in.getHeader(Gb28181Constants.TARGET_TRACK, e.getTargetTrack(), String.class));
        String normalized = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> "Auto";
            case "manual" -> "Manual";
            case "stop" -> "Stop";
            default -> throw new IllegalArgumentException("gb28181:control TargetTrack: targetTrack must be Auto,"
                    + " Manual or Stop, was '" + mode + "'");
        };
        control.setTargetTrack(normalized);
        control.setDeviceId2(in.getHeader(Gb28181Constants.DEVICE_ID2, e.getDeviceId2(), String.class));
        if ("Manual".equals(normalized)) {
            control.setTargetArea(dragZoom(Command.TARGETTRACK, in, e));
        }
    }

    private static DeviceUpgrade upgrade(Message in, Gb28181Endpoint e) {
        DeviceUpgrade upgrade = new DeviceUpgrade();
        upgrade.setFirmware(required(Command.DEVICEUPGRADE, "firmware",
                in.getHeader(Gb28181Constants.FIRMWARE, e.getFirmware(), String.class)));
        upgrade.setFileUrl(required(Command.DEVICEUPGRADE, "fileUrl",
                in.getHeader(Gb28181Constants.FILE_URL, e.getFileUrl(), String.class)));
        upgrade.setManufacturer(in.getHeader(Gb28181Constants.MANUFACTURER, e.getManufacturer(), String.class));
        upgrade.setSessionId(in.getHeader(Gb28181Constants.SESSION_ID, e.getSessionId(), String.class));
        return upgrade;
    }

    private static <T> T required(Command command, String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("gb28181:control " + command.uriName + " needs " + name
                    + " (the option or its header)");
        }
        return value;
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + text + "'", e);
        }
    }
}
