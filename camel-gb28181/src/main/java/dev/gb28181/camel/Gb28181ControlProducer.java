package dev.gb28181.camel;

import dev.gb28181.manscdp.ManscdpControl;
import dev.gb28181.manscdp.ManscdpResponse;
import dev.gb28181.ptz.PtzCommand;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * {@code gb28181:ptz} and {@code gb28181:control}: command a device (GB/T 28181-2016 §9.3, Annex
 * A.2.3; GB/T 28181-2022 additions). {@code ptz} sends a PTZCmd (Annex A.3) built from the action and
 * its parameters, or a raw one, to a channel through its device; the reply carries the PTZCmd sent in
 * CamelGb28181PtzCmd. {@code control} sends the DeviceControl or DeviceConfig the {@code cmd} names,
 * or a {@link ManscdpControl} body. Every value is checked before anything is sent: a bad one fails
 * the exchange with an {@link IllegalArgumentException}.
 *
 * <p>The reply body is the device's Response (Result OK) for the controls the standard answers with
 * one (§9.3.2.2), else {@code null}: the device's 200 completed it (§9.3.2.1). A Response with Result
 * ERROR fails the exchange with {@code ControlRefusedException}, a SIP error with
 * {@code SipStatusException}, no answer with {@code ManscdpTimeoutException}, an unknown or offline
 * device at once with {@code DeviceUnavailableException}.
 *
 * <p>Asynchronous like {@link Gb28181QueryProducer}: the exchange continues on the component's reply
 * threads when the device answered or the request failed.
 */
public class Gb28181ControlProducer extends Gb28181Producer {

    public Gb28181ControlProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    /**
     * A wrong option fails the route's start rather than every exchange: an unknown action or
     * command, a malformed raw PTZCmd, a PTZ parameter out of its range.
     */
    @Override
    protected void doStart() throws Exception {
        if (endpoint.getKind() == Gb28181Kind.PTZ) {
            if (endpoint.getCmd() != null || endpoint.getAction() != null) {
                Gb28181Controls.ptzCommand(new DefaultMessage(endpoint.getCamelContext()), endpoint);
            }
        } else if (endpoint.getCmd() != null) {
            Gb28181Controls.Command.of(endpoint.getCmd().trim());
        }
        super.doStart();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String deviceId;
        ManscdpControl control;
        PtzCommand ptz;
        CompletableFuture<ManscdpResponse> answered;
        try {
            Message in = exchange.getMessage();
            deviceId = Gb28181Exchanges.deviceId(in, endpoint);
            if (endpoint.getKind() == Gb28181Kind.PTZ) {
                ptz = Gb28181Controls.ptzCommand(in, endpoint);
                control = Gb28181Controls.ptz(ptz,
                        in.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class));
            } else {
                control = Gb28181Controls.create(in, endpoint);
                ptz = null;
            }
            answered = endpoint.getComponent().getPlatform().control(deviceId, control);
        } catch (RuntimeException e) {
            return Gb28181Exchanges.failed(exchange, callback, e);
        }
        return Gb28181Exchanges.whenAnswered(endpoint, exchange, callback, answered,
                response -> reply(exchange.getMessage(), deviceId, control, response, ptz));
    }

    /**
     * The Response (or {@code null}) as body; device, CmdType, SN and channel of the Response or, when
     * only a 200 came, of the control sent; the PTZCmd sent and its action.
     */
    private static void reply(Message out, String deviceId, ManscdpControl control, ManscdpResponse response,
            PtzCommand ptz) {
        out.setBody(response);
        out.setHeader(Gb28181Constants.DEVICE_ID, deviceId);
        Gb28181Exchanges.setMessageHeaders(out, deviceId, response != null ? response : control);
        if (ptz != null) {
            out.setHeader(Gb28181Constants.PTZ_CMD, ptz.encode());
            out.setHeader(Gb28181Constants.PTZ_ACTION, ptz.action().uriName());
        }
    }
}
