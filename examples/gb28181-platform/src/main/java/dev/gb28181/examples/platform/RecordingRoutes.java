package dev.gb28181.examples.platform;

import dev.gb28181.camel.Gb28181Constants;
import dev.gb28181.sdp.SessionType;

import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Records every live session (GB/T 28181-2016 §9.2) with the {@link StreamRecorder}: the access units
 * of {@code gb28181:rtp} (the PS of Annex C demultiplexed into H.264 / H.265 Annex-B access units)
 * whose session is a PLAY are appended to {@code <app.recordings.dir>/<deviceId>_<channelId>.h264} or
 * {@code .h265}; playback and download sessions are not recorded. With {@code endOfStream=true} the
 * consumer follows the last frame of each session with one end-of-stream exchange on the same ordered
 * thread, never dropped: it closes the session's file, which then holds every frame the route got,
 * however the session ended (the SESSION_ENDED event of {@code gb28181:message} is routed on another
 * thread and may overtake frames still queued here).
 */
@Component
public class RecordingRoutes extends RouteBuilder {

    private final StreamRecorder recorder;

    public RecordingRoutes(StreamRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void configure() {
        from("gb28181:rtp?endOfStream=true")
                .routeId("record-live")
                .filter(header(Gb28181Constants.MODE).isEqualTo(SessionType.PLAY.name()))
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    String callId = message.getHeader(Gb28181Constants.CALL_ID, String.class);
                    if (message.getHeader(Gb28181Constants.END_OF_STREAM, false, Boolean.class)) {
                        recorder.end(callId);
                    } else {
                        recorder.write(callId, message.getHeader(Gb28181Constants.DEVICE_ID, String.class),
                                message.getHeader(Gb28181Constants.CHANNEL_ID, String.class),
                                message.getHeader(Gb28181Constants.CODEC, String.class),
                                message.getHeader(Gb28181Constants.KEY_FRAME, false, Boolean.class),
                                message.getBody(byte[].class));
                    }
                });
    }
}
