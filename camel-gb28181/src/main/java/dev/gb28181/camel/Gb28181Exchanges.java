package dev.gb28181.camel;

import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.platform.MediaSession;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What consumers and producers of the component write into and read from exchanges the same way:
 * the target device of a command, the media session of a BYE or MANSRTSP control (GB/T 28181-2016
 * §9.2.2, Annex B), the headers of a MANSCDP message (Annex A: CmdType, SN, DeviceID) and the failure
 * behind an asynchronous answer.
 */
final class Gb28181Exchanges {

    private Gb28181Exchanges() {
    }

    /**
     * The device a producer sends to: the CamelGb28181DeviceId header, else the deviceId option.
     *
     * @throws IllegalArgumentException when neither names one
     */
    static String deviceId(Message in, Gb28181Endpoint endpoint) {
        String deviceId = in.getHeader(Gb28181Constants.DEVICE_ID, endpoint.getDeviceId(), String.class);
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("gb28181:" + endpoint.getKind() + " needs the device to send to: the "
                    + "deviceId option or the " + Gb28181Constants.DEVICE_ID + " header");
        }
        return deviceId;
    }

    /**
     * The media session a bye or playcontrol producer acts on, named by Call-ID or stream ID: the
     * CamelGb28181CallId header, else the CamelGb28181StreamId header, else the callId option, else the
     * streamId option.
     *
     * @throws IllegalArgumentException when none names one, or the platform has no such session
     */
    static MediaSession mediaSession(Message in, Gb28181Endpoint endpoint) {
        String id = in.getHeader(Gb28181Constants.CALL_ID, String.class);
        if (id == null) {
            id = in.getHeader(Gb28181Constants.STREAM_ID, String.class);
        }
        if (id == null) {
            id = endpoint.getCallId() != null ? endpoint.getCallId() : endpoint.getStreamId();
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("gb28181:" + endpoint.getKind() + " needs the media session: the "
                    + Gb28181Constants.CALL_ID + " or " + Gb28181Constants.STREAM_ID + " header, or the callId or"
                    + " streamId option");
        }
        String named = id;
        return endpoint.getComponent().getPlatform().mediaSession(named).orElseThrow(() -> new IllegalArgumentException(
                "gb28181:" + endpoint.getKind() + ": no media session with Call-ID or stream ID " + named));
    }

    /** The headers naming a media session: device, channel, Call-ID, stream ID, SSRC and mode. */
    static void setSessionHeaders(Message out, MediaSession session) {
        out.setHeader(Gb28181Constants.DEVICE_ID, session.deviceId());
        out.setHeader(Gb28181Constants.CHANNEL_ID, session.channelId());
        out.setHeader(Gb28181Constants.CALL_ID, session.callId());
        out.setHeader(Gb28181Constants.STREAM_ID, session.streamId());
        out.setHeader(Gb28181Constants.SSRC, session.ssrc());
        out.setHeader(Gb28181Constants.MODE, session.mode().name());
    }

    /**
     * CmdType and SN of {@code message}, and its DeviceID as the channel when it is not the device's own
     * ID (an alarm input, a camera of an NVR).
     */
    static void setMessageHeaders(Message out, String deviceId, ManscdpMessage message) {
        if (message.getCmdType() != null) {
            out.setHeader(Gb28181Constants.CMD_TYPE, message.getCmdType());
        }
        if (message.getSn() != null) {
            out.setHeader(Gb28181Constants.SN, message.getSn());
        }
        String channel = message.getDeviceId();
        if (channel != null && !channel.equals(deviceId)) {
            out.setHeader(Gb28181Constants.CHANNEL_ID, channel);
        }
    }

    /**
     * Fails an exchange before anything was sent (a bad option or header, an unknown device or session):
     * done synchronously, as an async producer's {@code process} returns it.
     */
    static boolean failed(Exchange exchange, AsyncCallback callback, RuntimeException failure) {
        exchange.setException(failure);
        callback.done(true);
        return true;
    }

    /**
     * Continues an exchange when the platform's answer arrives, on the component's reply executor (never a SIP
     * I/O or timer thread): a failure becomes the exchange's exception, an answer goes to {@code reply}; the
     * callback is called either way. Returns what an async producer's {@code process} returns.
     */
    static <T> boolean whenAnswered(Gb28181Endpoint endpoint, Exchange exchange, AsyncCallback callback,
            CompletableFuture<T> answered, Consumer<T> reply) {
        answered.whenCompleteAsync((answer, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(cause(failure));
                } else {
                    reply.accept(answer);
                }
            } finally {
                callback.done(false);
            }
        }, endpoint.getComponent().replyExecutor());
        return false;
    }

    /** The failure a completion stage reports, without the wrappers the future API adds around it. */
    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
