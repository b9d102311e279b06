package dev.gb28181.camel;

import dev.gb28181.mansrtsp.PlayAction;
import dev.gb28181.mansrtsp.PlayControl;
import dev.gb28181.platform.MediaSession;

import java.util.Arrays;
import java.util.Locale;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * {@code gb28181:playcontrol}: controls a playback or download (GB/T 28181-2016 §9.8.2, MANSRTSP of
 * Annex B in an INFO of the session's INVITE dialog): pause, resume, seek to a position (seconds from
 * the start of the recording), scale (play at a speed) or teardown (the platform then ends the session
 * with BYE). The session is named by the CamelGb28181CallId or CamelGb28181StreamId header or the
 * callId or streamId option; the action by the CamelGb28181PlayAction header or the action option,
 * with CamelGb28181Scale / scale and CamelGb28181Position / position.
 *
 * <p>The reply body is the device's {@code MansrtspResponse} ({@code null} when its 200 carried none),
 * with the session's headers and the action. A bad action, scale or position option fails the route's
 * start; a bad header or an unknown session fails the exchange before anything is sent with an
 * {@link IllegalArgumentException}; a non-2xx with {@code SipStatusException}, a 200 whose MANSRTSP
 * answer is not 2xx (e.g. 457 Invalid Range) with {@code PlayControlRefusedException}, no answer with
 * {@code ManscdpTimeoutException}. Asynchronous like {@link Gb28181QueryProducer}.
 */
public class Gb28181PlayControlProducer extends Gb28181Producer {

    public Gb28181PlayControlProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    /** A wrong action, or a scale or position its action cannot take, fails the route's start. */
    @Override
    protected void doStart() throws Exception {
        if (endpoint.getAction() != null) {
            control(new DefaultMessage(endpoint.getCamelContext()));
        }
        super.doStart();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        MediaSession session;
        PlayControl control;
        try {
            Message in = exchange.getMessage();
            control = control(in);
            session = Gb28181Exchanges.mediaSession(in, endpoint);
        } catch (RuntimeException e) {
            return Gb28181Exchanges.failed(exchange, callback, e);
        }
        return Gb28181Exchanges.whenAnswered(endpoint, exchange, callback,
                endpoint.getComponent().getPlatform().playControl(session.callId(), control), answer -> {
                    Message out = exchange.getMessage();
                    Gb28181Exchanges.setSessionHeaders(out, session);
                    out.setHeader(Gb28181Constants.PLAY_ACTION, control.action().name().toLowerCase(Locale.ROOT));
                    out.setBody(answer);
                });
    }

    /** The control {@code in} asks for, headers winning over options. */
    private PlayControl control(Message in) {
        String name = in.getHeader(Gb28181Constants.PLAY_ACTION, endpoint.getAction(), String.class);
        if (name == null) {
            throw new IllegalArgumentException("gb28181:playcontrol needs the action: the action option or the "
                    + Gb28181Constants.PLAY_ACTION + " header (pause, resume, seek, scale or teardown)");
        }
        PlayAction action = Arrays.stream(PlayAction.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("gb28181:playcontrol: unknown action '" + name
                        + "'; expected pause, resume, seek, scale or teardown"));
        return switch (action) {
            case PAUSE -> PlayControl.pause();
            case RESUME -> PlayControl.resume();
            case TEARDOWN -> PlayControl.teardown();
            case SCALE -> PlayControl.scale(required(in.getHeader(Gb28181Constants.SCALE, endpoint.getScale(),
                    Double.class), "scale", Gb28181Constants.SCALE));
            case SEEK -> PlayControl.seek(required(in.getHeader(Gb28181Constants.POSITION, endpoint.getPosition(),
                    Long.class), "position", Gb28181Constants.POSITION));
        };
    }

    private static <T> T required(T value, String option, String header) {
        if (value == null) {
            throw new IllegalArgumentException("gb28181:playcontrol needs the " + option + ": the " + option
                    + " option or the " + header + " header");
        }
        return value;
    }
}
