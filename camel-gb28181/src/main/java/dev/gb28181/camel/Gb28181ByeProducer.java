package dev.gb28181.camel;

import dev.gb28181.platform.MediaSession;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * {@code gb28181:bye}: ends a media session (BYE in its INVITE dialog, GB/T 28181-2016 §9.2.2, §9.8,
 * §9.9) named by the CamelGb28181CallId or CamelGb28181StreamId header or the callId or streamId
 * option. The session's receiver, port and SSRC are freed at once; the exchange continues when the
 * device answered (481, the dialog is already gone, counts as ended) with the ended
 * {@link MediaSession} as body and its Call-ID, stream ID, device and channel as headers.
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
        return Gb28181Exchanges.whenAnswered(endpoint, exchange, callback,
                endpoint.getComponent().getPlatform().bye(session.callId()), ended -> {
                    Gb28181Exchanges.setSessionHeaders(exchange.getMessage(), session);
                    exchange.getMessage().setBody(session);
                });
    }
}
