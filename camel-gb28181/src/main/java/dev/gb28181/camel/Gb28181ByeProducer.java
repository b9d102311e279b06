package dev.gb28181.camel;

import dev.gb28181.platform.MediaSession;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * {@code gb28181:bye}: gives back one hold of a media session ({@link MediaSession#holders()}) named by the
 * CamelGb28181CallId or CamelGb28181StreamId header or the callId or streamId option, and with the last ends
 * it (BYE in its INVITE dialog, GB/T 28181-2016 §9.2.2, §9.8, §9.9): a live session another route or client
 * still holds goes on for them and nothing is sent. The hold given back is the one the exchange's own invite
 * took when it has one ({@link MediaHolds}). An ended session's receiver, port and SSRC are freed at once; the
 * exchange continues when the device answered (481, the dialog is already gone, counts as ended), or at once
 * when holders remain, with the {@link MediaSession} as body ({@code active} false once ended) and its Call-ID,
 * stream ID, device and channel as headers.
 *
 * <p>A session that does not exist (never opened, or already ended) fails the exchange at once with an
 * {@link IllegalArgumentException}; another non-2xx with {@code SipStatusException}, no answer with
 * {@code ManscdpTimeoutException}. Asynchronous like {@link Gb28181QueryProducer}.
 */
public class Gb28181ByeProducer extends Gb28181Producer {

    public Gb28181ByeProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        MediaSession session;
        try {
            session = Gb28181Exchanges.mediaSession(exchange.getMessage(), endpoint);
        } catch (RuntimeException e) {
            return Gb28181Exchanges.failed(exchange, callback, e);
        }
        endpoint.getComponent().mediaHolds().release(session,
                exchange.getProperty(MediaHolds.PROPERTY, MediaHolds.Hold.class));
        return Gb28181Exchanges.whenAnswered(endpoint, exchange, callback,
                endpoint.getComponent().getPlatform().bye(session.callId()), ended -> {
                    Gb28181Exchanges.setSessionHeaders(exchange.getMessage(), session);
                    exchange.getMessage().setBody(session);
                });
    }
}
