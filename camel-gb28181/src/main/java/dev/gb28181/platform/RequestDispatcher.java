package dev.gb28181.platform;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.transaction.ServerTransaction;
import dev.gb28181.sip.transaction.SipRequestHandler;
import dev.gb28181.sip.transport.LogLimiter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each new request to the handler of its method, one small class per job (RFC 3261 §8.2).
 *
 * <ul>
 * <li>REGISTER: {@link Registrar}; MESSAGE and NOTIFY (subscriptions, RFC 6665): {@link MessageHandler}.</li>
 * <li>OPTIONS: 200 with {@code Allow} (RFC 3261 §11.2).</li>
 * <li>BYE: {@link MediaSessions} ends the media session of its dialog with 200, else 481 (RFC 3261
 * §15.1.2); ACK: absorbed (an ACK gets no answer, RFC 3261 §17.2.1); CANCEL is answered by the
 * transaction layer (RFC 3261 §9.2).</li>
 * <li>Any other method, INVITE included (the platform invites, devices do not yet): 405 with {@code Allow}
 * (RFC 3261 §8.2.1).</li>
 * </ul>
 *
 * <p>The {@code Allow} list is built from the handlers, so it names exactly what the platform
 * answers. Before dispatch, a request from a registered device (other than REGISTER, which updates
 * only after authentication) records the address it came from: NAT and 4G devices change ports.
 * A request whose From or other typed header does not parse gets 400; any other handler failure
 * is answered 500 by the transaction layer.
 */
final class RequestDispatcher implements SipRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final LogLimiter badHeaders = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final DeviceRegistry registry;
    private final Map<String, SipRequestHandler> handlers;
    private final String allow;

    RequestDispatcher(DeviceRegistry registry, Registrar registrar, MessageHandler messages, MediaSessions media) {
        this.registry = registry;
        Map<String, SipRequestHandler> map = new LinkedHashMap<>();
        map.put(SipMethod.REGISTER, registrar);
        map.put(SipMethod.MESSAGE, messages);
        map.put(SipMethod.NOTIFY, messages);
        map.put(SipMethod.OPTIONS, this::options);
        map.put(SipMethod.ACK, tx -> {
        });
        map.put(SipMethod.BYE, media::onBye);
        this.handlers = Map.copyOf(map);
        this.allow = String.join(", ", map.keySet()) + ", " + SipMethod.CANCEL;
    }

    /** The {@code Allow} header value: the methods this platform answers. */
    String allow() {
        return allow;
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        try {
            if (!SipMethod.REGISTER.equals(request.method())) {
                String deviceId = fromUser(request);
                if (deviceId != null) {
                    registry.find(deviceId).ifPresent(d -> d.seenAt(tx.transport(), tx.source()));
                }
            }
            handlers.getOrDefault(request.method(), this::methodNotAllowed).onRequest(tx);
        } catch (SipParseException e) {
            badHeaders.warn("{} from {}: unreadable header, 400: {}", request.method(), tx.source(), e.getMessage());
            if (!SipMethod.ACK.equals(request.method())) {
                tx.respond(request.createResponse(400, "Bad Header", tx.toTag()));
            }
        }
    }

    /** The user part of the From URI (the device ID in GB/T 28181), or {@code null}. */
    static String fromUser(SipRequest request) {
        NameAddress from = request.from();
        return from == null ? null : from.uri().user();
    }

    private void options(ServerTransaction tx) {
        SipResponse ok = tx.request().createResponse(200, tx.toTag());
        ok.addHeader(HeaderNames.ALLOW, allow);
        ok.addHeader(HeaderNames.ACCEPT, MessageHandler.MANSCDP);
        tx.respond(ok);
    }

    private void methodNotAllowed(ServerTransaction tx) {
        SipResponse notAllowed = tx.request().createResponse(405, tx.toTag());
        notAllowed.addHeader(HeaderNames.ALLOW, allow);
        tx.respond(notAllowed);
    }
}
