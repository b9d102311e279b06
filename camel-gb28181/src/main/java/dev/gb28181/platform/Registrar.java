package dev.gb28181.platform;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.auth.AuthFailureTracker;
import dev.gb28181.sip.auth.DigestAuthenticator;
import dev.gb28181.sip.auth.DigestCredentials;
import dev.gb28181.sip.transaction.ServerTransaction;
import dev.gb28181.sip.transaction.SipRequestHandler;
import dev.gb28181.sip.transport.LogLimiter;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers REGISTER as the SIP server of GB/T 28181-2016 §9.1 (RFC 3261 §10.3).
 *
 * <ul>
 * <li>No or unusable Authorization: 401 with a digest challenge ({@link DigestAuthenticator}); an
 * expired nonce with a correct answer gets {@code stale=true}.</li>
 * <li>Wrong password: 403, counted per source address; after {@code authFailureLimit} failures the
 * address gets 403 without a challenge for {@code authLockout} ({@link AuthFailureTracker}).</li>
 * <li>Success: 200 with the GB {@code Date} header ({@code yyyy-MM-dd'T'HH:mm:ss.SSS}, local time:
 * devices set their clocks from it, §9.1.2.1), {@code Expires} clamped to
 * [{@code registerExpiresMin}, {@code registerExpiresMax}] (a device asking for less gets the
 * minimum rather than a 423 it may not handle), and its Contact echoed. {@code Expires: 0} (header or
 * Contact parameter) unregisters.</li>
 * </ul>
 *
 * <p>The device is the From user. Some stacks put the platform ID into the digest {@code username}:
 * the hash uses what they sent, the password and the registry use the From user. Passwords come
 * from the {@link CredentialsProvider} (an allow-list refuses unknown devices with 403), else the
 * default password. When neither a provider nor a default password is configured, devices register
 * without authentication (the platform warns once at start). Passwords never reach the logs.
 */
final class Registrar implements SipRequestHandler {

    /** The GB/T 28181 Date header format (§9.1.2.1, Annex J example {@code 2010-11-11T19:46:17.123}). */
    private static final DateTimeFormatter GB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final int MAX_DEVICE_ID_LENGTH = 64;

    private final LogLimiter refusals = new LogLimiter(LOG, 10, TimeUnit.SECONDS);

    private final PlatformConfig config;
    private final DigestAuthenticator authenticator;
    private final AuthFailureTracker failures;
    private final DeviceLifecycle lifecycle;
    private final PlatformStats stats;

    Registrar(PlatformConfig config, DigestAuthenticator authenticator, AuthFailureTracker failures,
            DeviceLifecycle lifecycle, PlatformStats stats) {
        this.stats = stats;
        this.config = config;
        this.authenticator = authenticator;
        this.failures = failures;
        this.lifecycle = lifecycle;
    }

    /** {@code true} when no password is configured anywhere: devices then register without authentication. */
    static boolean unauthenticated(PlatformConfig config) {
        return config.credentialsProvider() == null && isEmpty(config.password());
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        NameAddress from = request.from();
        String deviceId = from == null ? null : from.uri().user();
        if (deviceId == null || deviceId.isEmpty() || deviceId.length() > MAX_DEVICE_ID_LENGTH) {
            tx.respond(request.createResponse(400, "Device ID Missing In From", tx.toTag()));
            return;
        }
        InetAddress sourceIp = tx.source().getAddress();
        if (failures.isLocked(sourceIp)) {
            LOG.debug("REGISTER of {} from locked-out {} refused", deviceId, sourceIp);
            stats.onAuthFailure(PlatformStats.AuthFailure.LOCKED_OUT);
            tx.respond(403);
            return;
        }
        if (!unauthenticated(config)) {
            String password = password(deviceId);
            if (password == null) {
                refusals.warn("Device {} from {}: no password for it (not on the allow-list), 403", deviceId,
                        sourceIp.getHostAddress());
                stats.onAuthFailure(PlatformStats.AuthFailure.NOT_ALLOWED);
                tx.respond(403);
                return;
            }
            if (!authenticate(tx, deviceId, password, sourceIp)) {
                return;
            }
        }
        long requested = requestedExpires(request);
        if (requested == 0) {
            lifecycle.unregister(deviceId, tx.transport(), tx.source());
            SipResponse ok = request.createResponse(200, tx.toTag());
            ok.addHeader(HeaderNames.DATE, gbDate());
            ok.addHeader(HeaderNames.EXPIRES, "0");
            tx.respond(ok);
            return;
        }
        long granted = clamp(requested);
        // registered before the answer: the device's next request may arrive on another I/O thread
        lifecycle.register(deviceId, tx.transport(), tx.source(), granted, request.header(HeaderNames.USER_AGENT));
        SipResponse ok = request.createResponse(200, tx.toTag());
        ok.copyHeaders(request, HeaderNames.CONTACT);
        ok.addHeader(HeaderNames.EXPIRES, Long.toString(granted));
        ok.addHeader(HeaderNames.DATE, gbDate());
        tx.respond(ok);
    }

    /**
     * Checks the digest answer and answers 401/403 itself when it fails.
     *
     * @return {@code true} when the device proved its password
     */
    private boolean authenticate(ServerTransaction tx, String deviceId, String password, InetAddress sourceIp) {
        SipRequest request = tx.request();
        String header = request.header(HeaderNames.AUTHORIZATION);
        DigestCredentials credentials = DigestCredentials.parse(header);
        if (credentials == null) {
            if (header != null) {
                LOG.debug("REGISTER of {}: unusable Authorization, challenging", deviceId);
            }
            challenge(tx, false);
            return false;
        }
        switch (authenticator.verify(request.method(), credentials, password)) {
            case OK -> {
                failures.recordSuccess(sourceIp);
                return true;
            }
            case WRONG_PASSWORD -> {
                boolean locked = failures.recordFailure(sourceIp);
                if (locked) {
                    refusals.warn("Device {} from {}: wrong digest password; {} locked out for {}", deviceId,
                            sourceIp.getHostAddress(), sourceIp.getHostAddress(), config.authLockout());
                } else {
                    refusals.warn("Device {} from {}: wrong digest password", deviceId, sourceIp.getHostAddress());
                }
                stats.onAuthFailure(PlatformStats.AuthFailure.WRONG_PASSWORD);
                tx.respond(403);
                return false;
            }
            case STALE -> {
                challenge(tx, true);
                return false;
            }
            case REPLAYED -> {
                LOG.debug("REGISTER of {}: replayed nonce-count, challenging afresh", deviceId);
                challenge(tx, false);
                return false;
            }
            default -> {
                challenge(tx, false);
                return false;
            }
        }
    }

    private void challenge(ServerTransaction tx, boolean stale) {
        SipResponse unauthorized = tx.request().createResponse(401, tx.toTag());
        unauthorized.addHeader(HeaderNames.WWW_AUTHENTICATE, authenticator.challenge(stale));
        tx.respond(unauthorized);
    }

    /** The device's password, or {@code null} when it must be refused (allow-list, no password for it). */
    private String password(String deviceId) {
        CredentialsProvider provider = config.credentialsProvider();
        String password = provider == null ? null : provider.password(deviceId);
        if (isEmpty(password)) {
            if (provider != null && provider.allowListOnly()) {
                return null;
            }
            password = config.password();
        }
        return isEmpty(password) ? null : password;
    }

    /** The lifetime asked for: the Contact's {@code expires} parameter, else the Expires header, else the maximum. */
    private long requestedExpires(SipRequest request) {
        String contact = request.header(HeaderNames.CONTACT);
        if (contact != null && !contact.trim().equals("*")) {
            String param = NameAddress.parse(contact).param("expires");
            if (param != null) {
                try {
                    long value = Long.parseLong(param.trim());
                    if (value >= 0) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // fall through to the Expires header (RFC 3261 §10.3 step 6)
                }
            }
        }
        long header = request.expires();
        return header >= 0 ? header : config.registerExpiresMax().toSeconds();
    }

    /** Now in the GB Date format, local time. */
    private static String gbDate() {
        return LocalDateTime.now().format(GB_DATE);
    }

    private long clamp(long requested) {
        long min = config.registerExpiresMin().toSeconds();
        long max = config.registerExpiresMax().toSeconds();
        return Math.max(min, Math.min(max, requested));
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
