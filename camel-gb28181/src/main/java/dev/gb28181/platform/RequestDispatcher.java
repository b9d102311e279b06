package dev.gb28181.platform;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.transaction.ServerTransaction;
import dev.gb28181.sip.transaction.SipRequestHandler;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each new request to the handler of its method, one small class per job (RFC 3261 §8.2).
 *
 * <ul>
 * <li>REGISTER: {@link Registrar}; MESSAGE: {@link MessageHandler}.</li>
 * <li>OPTIONS: 200 with {@code Allow} (RFC 3261 §11.2).</li>
 * <li>BYE and CANCEL: 481, as no dialog or INVITE transaction exists yet (media sessions come later);
 * ACK: absorbed (an ACK gets no answer, RFC 3261 §17.2.1).</li>
 * <li>Any other method, INVITE included until media sessions exist: 405 with {@code Allow}
 * (RFC 3261 §8.2.1).</li>
 * </ul>
 *
 * <p>The {@code Allow} list is built from the handlers, so it names exactly what the platform
 * answers. Before dispatch, a request from a registered device (other than REGISTER, which updates
 * only after authentication) records the address it came from: NAT and 4G devices change ports.
 * A handler failure never escapes to the stack: unparsable headers get 400, anything else 500,
 * logged with the request's context.
 */
final class RequestDispatcher implements SipRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final DeviceRegistry registry;
    private final Map<String, SipRequestHandler> handlers;
    private final String allow;

    RequestDispatcher(DeviceRegistry registry, Registrar registrar, MessageHandler messages) {
        this.registry = registry;
        Map<String, SipRequestHandler> map = new LinkedHashMap<>();
        map.put(SipMethod.REGISTER, registrar);
        map.put(SipMethod.MESSAGE, messages);
        map.put(SipMethod.OPTIONS, this::options);
        map.put(SipMethod.ACK, tx -> {
        });
        map.put(SipMethod.BYE, RequestDispatcher::noSuchSession);
        map.put(SipMethod.CANCEL, RequestDispatcher::noSuchSession);
        this.handlers = Map.copyOf(map);
        this.allow = String.join(", ", map.keySet());
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
            LOG.warn("{} from {}: bad header, 400: {}", request.method(), tx.source(), e.getMessage());
            answer(tx, 400);
        } catch (RuntimeException e) {
            LOG.warn("{} from {} (Call-ID {}) failed, 500", request.method(), tx.source(), request.callId(), e);
            answer(tx, 500);
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

    private static void noSuchSession(ServerTransaction tx) {
        tx.respond(481);
    }

    private static void answer(ServerTransaction tx, int status) {
        if (SipMethod.ACK.equals(tx.request().method())) {
            return;
        }
        try {
            tx.respond(status);
        } catch (RuntimeException e) {
            LOG.debug("Could not answer {} to {}", status, tx.source(), e);
        }
    }
}
