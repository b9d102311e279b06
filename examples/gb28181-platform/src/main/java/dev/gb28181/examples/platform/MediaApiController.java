package dev.gb28181.examples.platform;

import dev.gb28181.camel.Gb28181Constants;
import dev.gb28181.mansrtsp.MansrtspResponse;
import dev.gb28181.platform.MediaSession;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's media REST API under {@code /api}: opens live (GB/T 28181-2016 §9.2), playback (§9.8)
 * and download (§9.9) sessions with a device's channel through the {@code gb28181:invite} producer (SDP
 * of Annex F), lists the sessions, ends one through {@code gb28181:bye} and controls a playback with
 * MANSRTSP (Annex B) through {@code gb28181:playcontrol}. A session is named by its Call-ID or its
 * stream ID ({@code <deviceId>_<channelId>} for live video). Live sessions are recorded by
 * {@link RecordingRoutes}.
 *
 * <p>Answers as {@link DeviceApiController}'s ({@link Gb28181Commands}): 200 with the session (or the
 * device's MANSRTSP answer), 400 for bad input with nothing sent (an unknown transport or action, a
 * time that does not parse, a history session without its time range), 404 for an unknown device or
 * session, 409 for an offline device, 502 when the device refused (its SIP status), 504 when it did
 * not answer.
 */
@RestController
@RequestMapping("/api")
public class MediaApiController {

    /** Query parameters of the invite requests and the headers of gb28181:invite they become. */
    private static final Map<String, String> INVITE_PARAMETERS = Map.of(
            "transport", Gb28181Constants.MEDIA_TRANSPORT,
            "start", Gb28181Constants.START_TIME,
            "end", Gb28181Constants.END_TIME,
            "speed", Gb28181Constants.DOWNLOAD_SPEED);

    /** Query parameters of {@code POST /control} and the headers of gb28181:playcontrol they become. */
    private static final Map<String, String> CONTROL_PARAMETERS = Map.of(
            "action", Gb28181Constants.PLAY_ACTION,
            "scale", Gb28181Constants.SCALE,
            "position", Gb28181Constants.POSITION);

    private final Gb28181Commands commands;

    public MediaApiController(Gb28181Commands commands) {
        this.commands = commands;
    }

    /** Live video of a channel ({@code transport} udp, tcp-passive or tcp-active; default udp). */
    @PostMapping("/devices/{deviceId}/channels/{channelId}/play")
    public ResponseEntity<Object> play(@PathVariable String deviceId, @PathVariable String channelId,
            @RequestParam Map<String, String> parameters) {
        return invite(deviceId, channelId, "play", parameters);
    }

    /** A recording from {@code start} to {@code end} (ISO-8601, or GB {@code 2024-01-31T08:00:00} local time). */
    @PostMapping("/devices/{deviceId}/channels/{channelId}/playback")
    public ResponseEntity<Object> playback(@PathVariable String deviceId, @PathVariable String channelId,
            @RequestParam Map<String, String> parameters) {
        return invite(deviceId, channelId, "playback", parameters);
    }

    /** A recording from {@code start} to {@code end} sent at {@code speed} times real time. */
    @PostMapping("/devices/{deviceId}/channels/{channelId}/download")
    public ResponseEntity<Object> download(@PathVariable String deviceId, @PathVariable String channelId,
            @RequestParam Map<String, String> parameters) {
        return invite(deviceId, channelId, "download", parameters);
    }

    private ResponseEntity<Object> invite(String deviceId, String channelId, String mode,
            Map<String, String> parameters) {
        Map<String, Object> headers = Gb28181Commands.headers(parameters, INVITE_PARAMETERS);
        headers.put(Gb28181Constants.CHANNEL_ID, channelId);
        headers.put(Gb28181Constants.MODE, mode);
        return commands.toDevice(deviceId, "gb28181:invite", headers,
                done -> ResponseEntity.ok(done.getMessage().getBody(MediaSession.class)));
    }

    @GetMapping("/sessions")
    public List<MediaSession> sessions() {
        return commands.platform().mediaSessions().stream()
                .sorted(Comparator.comparing(MediaSession::startTime))
                .toList();
    }

    @GetMapping("/sessions/{id}")
    public ResponseEntity<Object> session(@PathVariable String id) {
        return commands.platform().mediaSession(id)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> unknown(id));
    }

    /**
     * Gives back one hold of a session ({@link MediaSession#holders()}: each successful play of a channel is one)
     * and with the last ends it with BYE; the answer is the session, no longer active once ended, else with the
     * holders left.
     */
    @DeleteMapping("/sessions/{id}")
    public ResponseEntity<Object> stop(@PathVariable String id) {
        MediaSession session = commands.platform().mediaSession(id).orElse(null);
        if (session == null) {
            return unknown(id);
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(Gb28181Constants.CALL_ID, session.callId());
        return commands.send("gb28181:bye", headers, done -> ResponseEntity.ok(session));
    }

    /**
     * Sends a MANSRTSP request in the session's dialog: {@code action} pause, resume, seek (with
     * {@code position} in seconds), scale (with {@code scale}) or teardown (followed by BYE).
     */
    @PostMapping("/sessions/{id}/control")
    public ResponseEntity<Object> control(@PathVariable String id, @RequestParam Map<String, String> parameters) {
        MediaSession session = commands.platform().mediaSession(id).orElse(null);
        if (session == null) {
            return unknown(id);
        }
        Map<String, Object> headers = Gb28181Commands.headers(parameters, CONTROL_PARAMETERS);
        headers.put(Gb28181Constants.CALL_ID, session.callId());
        return commands.send("gb28181:playcontrol", headers, done -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("callId", session.callId());
            result.put("streamId", session.streamId());
            result.put("action", done.getMessage().getHeader(Gb28181Constants.PLAY_ACTION));
            result.put("response", done.getMessage().getBody(MansrtspResponse.class));
            return ResponseEntity.ok(result);
        });
    }

    private static ResponseEntity<Object> unknown(String id) {
        return Gb28181Commands.error(HttpStatus.NOT_FOUND, "No media session " + id);
    }
}
