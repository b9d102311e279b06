package dev.gb28181.platform;

import dev.gb28181.manscdp.KeepaliveNotify;
import dev.gb28181.manscdp.ManscdpCodec;
import dev.gb28181.manscdp.ManscdpException;
import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.transaction.ServerTransaction;
import dev.gb28181.sip.transaction.SipRequestHandler;
import dev.gb28181.sip.transport.LogLimiter;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers MESSAGE requests carrying MANSCDP bodies (RFC 3428, GB/T 28181-2016 §9.6 keepalive, Annex A).
 *
 * <p>Only registered devices are served: a MESSAGE from a device that is not registered gets
 * {@code 404 Not Found} and raises no event, which makes devices register again (what WVP answers,
 * and what devices that only send keepalives after a platform restart need). A keepalive from a
 * registered device gets 200 and a {@link KeepaliveEvent}. Other MANSCDP messages get 200 and are
 * left to later handlers. A body that is not MANSCDP gets 415, an unreadable one 400.
 */
final class MessageHandler implements SipRequestHandler {

    static final String MANSCDP = "Application/MANSCDP+xml";

    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final LogLimiter badBodies = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final ManscdpCodec codec = new ManscdpCodec();
    private final DeviceRegistry registry;
    private final DeviceLifecycle lifecycle;

    MessageHandler(DeviceRegistry registry, DeviceLifecycle lifecycle) {
        this.registry = registry;
        this.lifecycle = lifecycle;
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        String deviceId = RequestDispatcher.fromUser(request);
        Device device = deviceId == null ? null : registry.find(deviceId).orElse(null);
        if (device == null) {
            LOG.debug("MESSAGE from unregistered {} at {}: 404 so it registers again", deviceId, tx.source());
            tx.respond(404);
            return;
        }
        String contentType = request.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("manscdp+xml")) {
            SipResponse unsupported = request.createResponse(415, tx.toTag());
            unsupported.addHeader(HeaderNames.ACCEPT, MANSCDP);
            tx.respond(unsupported);
            return;
        }
        ManscdpMessage body;
        try {
            body = codec.decode(request.body()).message();
        } catch (ManscdpException e) {
            badBodies.warn("MESSAGE from device {} at {}: {}", deviceId, tx.source(), e.getMessage());
            tx.respond(request.createResponse(400, "Unreadable MANSCDP Body", tx.toTag()));
            return;
        }
        if (body instanceof KeepaliveNotify keepalive) {
            if (lifecycle.keepalive(device, keepalive, tx.transport(), tx.source())) {
                tx.respond(200);
            } else {
                tx.respond(404);
            }
            return;
        }
        LOG.debug("MESSAGE {} {} SN {} from device {}: accepted, not handled yet", body.root().xmlName(),
                body.getCmdType(), body.getSn(), deviceId);
        tx.respond(200);
    }
}
