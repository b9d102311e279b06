package dev.gb28181.examples.platform;

import dev.gb28181.camel.Gb28181Constants;
import dev.gb28181.platform.MediaSessionEvent;
import dev.gb28181.sdp.SessionType;

import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Records every live session (GB/T 28181-2016 §9.2) with the {@link StreamRecorder}: the access units
 * of {@code gb28181:rtp} (the PS of Annex C demultiplexed into H.264 / H.265 Annex-B access units)
 * whose session is a PLAY are appended to {@code <app.recordings.dir>/<deviceId>_<channelId>.h264} or
 * {@code .h265}; playback and download sessions are not recorded. The SESSION_ENDED event of
 * {@code gb28181:message} closes the session's file. Frames still queued for the rtp route when the
 * end is handled are not written.
 */
@Component
public class RecordingRoutes extends RouteBuilder {

    private final StreamRecorder recorder;

    public RecordingRoutes(StreamRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void configure() {
        from("gb28181:rtp")
                .routeId("record-live")
                .filter(header(Gb28181Constants.MODE).isEqualTo(SessionType.PLAY.name()))
                .process(exchange -> {
                    Message frame = exchange.getMessage();
                    recorder.write(frame.getHeader(Gb28181Constants.CALL_ID, String.class),
                            frame.getHeader(Gb28181Constants.DEVICE_ID, String.class),
                            frame.getHeader(Gb28181Constants.CHANNEL_ID, String.class),
                            frame.getHeader(Gb28181Constants.CODEC, String.class),
                            frame.getHeader(Gb28181Constants.KEY_FRAME, false, Boolean.class),
                            frame.getBody(byte[].class));
                });

        from("gb28181:message")
                .routeId("recording-end")
                .filter(header(Gb28181Constants.EVENT_TYPE).isEqualTo(MediaSessionEvent.SESSION_ENDED))
                .process(exchange -> recorder.end(exchange.getMessage().getBody(MediaSessionEvent.class).callId()));
    }
}
