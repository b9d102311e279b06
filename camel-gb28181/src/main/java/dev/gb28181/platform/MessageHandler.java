package dev.gb28181.platform;

import dev.gb28181.manscdp.AlarmNotify;
import dev.gb28181.manscdp.AlarmResponse;
import dev.gb28181.manscdp.CatalogNotify;
import dev.gb28181.manscdp.CatalogResponse;
import dev.gb28181.manscdp.KeepaliveNotify;
import dev.gb28181.manscdp.ManscdpCodec;
import dev.gb28181.manscdp.ManscdpException;
import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.MediaStatusNotify;
import dev.gb28181.manscdp.MobilePositionNotify;
import dev.gb28181.manscdp.SplitResponse;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.transaction.ServerTransaction;
import dev.gb28181.sip.transaction.SipRequestHandler;
import dev.gb28181.sip.transport.LogLimiter;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers MESSAGE (RFC 3428) and NOTIFY (RFC 6665) requests carrying MANSCDP bodies
 * (GB/T 28181-2016 Annex A) and routes what they carry.
 *
 * <p>Only registered devices are served: a request from a device that is not registered gets
 * {@code 404 Not Found} and raises no event, which makes devices register again (what WVP answers,
 * and what devices that only send keepalives after a platform restart need). A body that is not
 * MANSCDP gets 415, an unreadable one 400 (a NOTIFY without body, the first one of a subscription,
 * gets 200). Everything else gets 200 first; then, off the answer path:
 * <ul>
 * <li>Keepalive (§9.6): the device's online state and a {@link KeepaliveEvent} (404 when the
 * registration ended meanwhile);</li>
 * <li>an answer to a query in flight completes it ({@link ManscdpClient});</li>
 * <li>Catalog (§9.5.2, §9.11.1): a {@link CatalogEvent}, aggregated when split (Annex N);</li>
 * <li>Notify Alarm (§9.4): an {@link AlarmEvent}, then the Response Alarm with Result OK (A.2.6);</li>
 * <li>Notify MobilePosition (§9.13): a {@link MobilePositionEvent};</li>
 * <li>MediaStatus 121 (end of file, §9.8.3): ends the media session of its Call-ID (devices send it in
 * the INVITE dialog), else the device's only playback or download ({@link MediaSessions#onEndOfFile});
 * a {@link ManscdpEvent} only when no session matches;</li>
 * <li>anything else: a {@link ManscdpEvent}.</li>
 * </ul>
 * The device is the From user; a MESSAGE in a media session's dialog whose From user is not a
 * registered device (devices that write the channel there) belongs to the session's device. The
 * charset of every decoded body is remembered for the platform's
 * requests to the device. A NOTIFY outside any known subscription from a registered device is
 * accepted and routed alike (RFC 6665 would answer 481): subscriptions from before a platform
 * restart, and device stacks that send catalog NOTIFYs with a new Call-ID and no To tag (lunasaw
 * gb28181-client 1.2.5), still carry the device's data.
 */
final class MessageHandler implements SipRequestHandler {

    static final String MANSCDP = ManscdpClient.MANSCDP;

    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final LogLimiter badBodies = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final LogLimiter failedAcks = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final DeviceRegistry registry;
    private final DeviceLifecycle lifecycle;
    private final ManscdpClient client;
    private final Subscriptions subscriptions;
    private final MediaSessions media;
    private final PlatformEvents events;
    private final ManscdpCodec codec;

    MessageHandler(DeviceRegistry registry, DeviceLifecycle lifecycle, ManscdpClient client,
            Subscriptions subscriptions, MediaSessions media, PlatformEvents events) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.client = client;
        this.subscriptions = subscriptions;
        this.media = media;
        this.events = events;
        this.codec = client.codec();
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        String method = request.method();
        String deviceId = RequestDispatcher.fromUser(request);
        Device device = deviceId == null ? null : registry.find(deviceId).orElse(null);
        if (device == null && SipMethod.MESSAGE.equals(method)) {
            MediaSession session = media.byCallId(request.callId());
            if (session != null) {
                deviceId = session.deviceId();
                device = registry.find(deviceId).orElse(null);
            }
        }
        if (device == null) {
            LOG.debug("{} from unregistered {} at {}: 404 so it registers again", method, deviceId, tx.source());
            tx.respond(404);
            return;
        }
        boolean notify = SipMethod.NOTIFY.equals(method);
        if (notify && request.body().length == 0) {
            tx.respond(200);
            subscriptions.onNotify(request);
            return;
        }
        String contentType = request.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("manscdp+xml")) {
            SipResponse unsupported = request.createResponse(415, tx.toTag());
            unsupported.addHeader(HeaderNames.ACCEPT, MANSCDP);
            tx.respond(unsupported);
            return;
        }
        ManscdpCodec.Decoded decoded;
        try {
            decoded = codec.decode(request.body());
        } catch (ManscdpException e) {
            badBodies.warn("{} from device {} at {}: {}", method, deviceId, tx.source(), e.getMessage());
            tx.respond(request.createResponse(400, "Unreadable MANSCDP Body", tx.toTag()));
            return;
        }
        device.charset(decoded.charset());
        ManscdpMessage message = decoded.message();
        if (message instanceof KeepaliveNotify keepalive) {
            String sn = keepalive.getSn() == null ? null : keepalive.getSn().toString();
            tx.respond(lifecycle.keepalive(device, sn, keepalive.getStatus(), tx.transport(), tx.source()) ? 200 : 404);
            return;
        }
        tx.respond(200);
        if (notify) {
            subscriptions.onNotify(request);
        }
        route(deviceId, method, request.callId(), message);
    }

    /** Hands an accepted message to whoever waits for it, else to the listeners. */
    private void route(String deviceId, String method, String callId, ManscdpMessage message) {
        if (client.onAnswer(deviceId, message)) {
            return;
        }
        if (message instanceof MediaStatusNotify status && status.endOfFile() && media.onEndOfFile(deviceId, callId)) {
            return;
        }
        if (message instanceof CatalogNotify catalog) {
            client.emitCatalog(deviceId, catalog, SplitResponse.isComplete(catalog.getSumNum(), catalog.items().size()),
                    CatalogEvent.NOTIFY);
        } else if (message instanceof CatalogResponse catalog) {
            client.onUnsolicitedCatalog(deviceId, catalog);
        } else if (message instanceof AlarmNotify alarm) {
            events.emit(new AlarmEvent(deviceId, AlarmEvent.ALARM, Instant.now(), method, alarm));
            acknowledge(deviceId, alarm);
        } else if (message instanceof MobilePositionNotify position) {
            events.emit(new MobilePositionEvent(deviceId, MobilePositionEvent.MOBILE_POSITION, Instant.now(),
                    position));
        } else {
            events.emit(new ManscdpEvent(deviceId, message.getEventType(), Instant.now(), message));
        }
    }

    /** The Response Alarm with Result OK that GB/T 28181-2016 §9.4.2 / A.2.6 asks after the 200. */
    private void acknowledge(String deviceId, AlarmNotify alarm) {
        AlarmResponse ok = new AlarmResponse();
        ok.setSn(alarm.getSn());
        ok.setDeviceId(alarm.getDeviceId() != null ? alarm.getDeviceId() : deviceId);
        ok.setResult("OK");
        client.send(deviceId, ok).whenComplete((response, error) -> {
            if (error != null) {
                failedAcks.warn("Response Alarm SN {} to device {} failed: {}", alarm.getSn(), deviceId,
                        error.toString());
            }
        });
    }
}
