package dev.gb28181.examples.platform;

import dev.gb28181.camel.Gb28181Constants;
import dev.gb28181.manscdp.ManscdpResponse;
import dev.gb28181.platform.Device;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's REST API under {@code /api/devices}: the registered devices (GB/T 28181-2016 §9.1)
 * from the component's registry, and PTZ (§9.3, Annex A.3) and device control (§9.3, Annex A.2.3)
 * commands sent through the {@code gb28181:ptz} and {@code gb28181:control} producers.
 *
 * <p>Answers: 200 with the result (202 for a control the device accepted with 200 alone, without a
 * Response), 400 for bad input (unknown action or command, a value out of range, a malformed raw
 * PTZCmd, a missing parameter), 404 for a device that is not registered, 409 for an offline one,
 * 502 when the device refused (a SIP error status, or a Response with Result ERROR), 504 when it did
 * not answer. Errors are JSON objects {@code {"status", "error", "message"}}.
 */
@RestController
@RequestMapping("/api/devices")
public class DeviceApiController {

    /** Query parameters of {@code POST /control} and the headers of gb28181:control they become. */
    private static final Map<String, String> CONTROL_PARAMETERS = Map.ofEntries(
            Map.entry("alarmMethod", Gb28181Constants.ALARM_METHOD),
            Map.entry("alarmType", Gb28181Constants.ALARM_TYPE),
            Map.entry("length", Gb28181Constants.LENGTH),
            Map.entry("width", Gb28181Constants.WIDTH),
            Map.entry("midPointX", Gb28181Constants.MID_POINT_X),
            Map.entry("midPointY", Gb28181Constants.MID_POINT_Y),
            Map.entry("lengthX", Gb28181Constants.LENGTH_X),
            Map.entry("lengthY", Gb28181Constants.LENGTH_Y),
            Map.entry("enabled", Gb28181Constants.ENABLED),
            Map.entry("resetTime", Gb28181Constants.RESET_TIME),
            Map.entry("presetIndex", Gb28181Constants.PRESET_INDEX),
            Map.entry("name", Gb28181Constants.NAME),
            Map.entry("expiration", Gb28181Constants.EXPIRATION),
            Map.entry("heartBeatInterval", Gb28181Constants.HEART_BEAT_INTERVAL),
            Map.entry("heartBeatCount", Gb28181Constants.HEART_BEAT_COUNT),
            Map.entry("pan", Gb28181Constants.PAN),
            Map.entry("tilt", Gb28181Constants.TILT),
            Map.entry("zoom", Gb28181Constants.ZOOM),
            Map.entry("sdCardIndex", Gb28181Constants.SD_CARD_INDEX),
            Map.entry("targetTrack", Gb28181Constants.TARGET_TRACK),
            Map.entry("deviceId2", Gb28181Constants.DEVICE_ID2),
            Map.entry("firmware", Gb28181Constants.FIRMWARE),
            Map.entry("fileUrl", Gb28181Constants.FILE_URL),
            Map.entry("manufacturer", Gb28181Constants.MANUFACTURER),
            Map.entry("sessionId", Gb28181Constants.SESSION_ID),
            Map.entry("channelId", Gb28181Constants.CHANNEL_ID),
            Map.entry("cmd", Gb28181Constants.CONTROL_CMD));

    /** Query parameters of {@code POST /ptz} and the headers of gb28181:ptz they become. */
    private static final Map<String, String> PTZ_PARAMETERS = Map.of(
            "action", Gb28181Constants.PTZ_ACTION,
            "speed", Gb28181Constants.SPEED,
            "zoomSpeed", Gb28181Constants.ZOOM_SPEED,
            "preset", Gb28181Constants.PRESET,
            "group", Gb28181Constants.GROUP,
            "value", Gb28181Constants.VALUE,
            "aux", Gb28181Constants.AUX,
            "cmd", Gb28181Constants.PTZ_CMD);

    private final Gb28181Commands commands;

    public DeviceApiController(Gb28181Commands commands) {
        this.commands = commands;
    }

    /** A registered device as the API shows it. */
    public record DeviceView(String id, boolean online, String transport, String address, Instant registeredAt,
            Instant lastKeepalive) {

        static DeviceView of(Device device) {
            return new DeviceView(device.deviceId(), device.online(), device.transport().name(),
                    device.remoteAddressText(), device.registeredAt(), device.lastKeepalive());
        }
    }

    @GetMapping
    public List<DeviceView> devices() {
        return commands.platform().registry().devices().stream()
                .map(DeviceView::of)
                .sorted(Comparator.comparing(DeviceView::id))
                .toList();
    }

    @GetMapping("/{deviceId}")
    public ResponseEntity<Object> device(@PathVariable String deviceId) {
        return commands.platform().registry().find(deviceId)
                .<ResponseEntity<Object>>map(device -> ResponseEntity.ok(DeviceView.of(device)))
                .orElseGet(() -> Gb28181Commands.error(HttpStatus.NOT_FOUND,
                        "Device " + deviceId + " is not registered"));
    }

    /** Sends a PTZCmd to a channel: {@code action} with its parameters, or a raw {@code cmd}. */
    @PostMapping("/{deviceId}/channels/{channelId}/ptz")
    public ResponseEntity<Object> ptz(@PathVariable String deviceId, @PathVariable String channelId,
            @RequestParam Map<String, String> parameters) {
        Map<String, Object> headers = Gb28181Commands.headers(parameters, PTZ_PARAMETERS);
        headers.put(Gb28181Constants.CHANNEL_ID, channelId);
        return commands.toDevice(deviceId, "gb28181:ptz", headers, exchange -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deviceId", deviceId);
            result.put("channelId", channelId);
            result.put("action", exchange.getMessage().getHeader(Gb28181Constants.PTZ_ACTION));
            result.put("ptzCmd", exchange.getMessage().getHeader(Gb28181Constants.PTZ_CMD));
            return ResponseEntity.ok(result);
        });
    }

    /** Sends a DeviceControl or DeviceConfig: {@code cmd} with its parameters. */
    @PostMapping("/{deviceId}/control")
    public ResponseEntity<Object> control(@PathVariable String deviceId,
            @RequestParam Map<String, String> parameters) {
        Map<String, Object> headers = Gb28181Commands.headers(parameters, CONTROL_PARAMETERS);
        String cmd = parameters.get("cmd");
        return commands.toDevice(deviceId, "gb28181:control", headers, exchange -> {
            ManscdpResponse response = exchange.getMessage().getBody(ManscdpResponse.class);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deviceId", deviceId);
            result.put("cmd", cmd);
            result.put("sn", exchange.getMessage().getHeader(Gb28181Constants.SN));
            result.put("response", response);
            return ResponseEntity.status(response != null ? HttpStatus.OK : HttpStatus.ACCEPTED).body(result);
        });
    }

}
