package dev.gb28181.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP Digest authentication of SIP requests as GB/T 28181-2016 §9.1.2.1 requires for REGISTER
 * (RFC 3261 §22.4, RFC 2617 §3.2 with MD5, and the RFC 2069 form without qop that many devices use).
 *
 * <p>The challenge always names {@code algorithm=MD5} (Dahua cameras ignore a challenge without it)
 * and offers {@code qop="auth"} when configured. Verification follows RFC 2617 §3.2.2.1:
 * {@code HA1 = MD5(username:realm:password)} with the realm the client sent,
 * {@code HA2 = MD5(method:uri)} with the {@code uri} parameter of the Authorization header (devices
 * write {@code sip:platformId@domain} there, not the Request-URI), and
 * {@code response = MD5(HA1:nonce:nc:cnonce:qop:HA2)} with qop or {@code MD5(HA1:nonce:HA2)} without.
 * The comparison takes constant time.
 *
 * <p>The order of checks keeps a guessing client from learning anything: a nonce this server never
 * issued gets a fresh challenge without looking at the digest; a wrong digest is a wrong password;
 * only a correct digest is then checked for staleness and replay.
 *
 * <p>Thread-safe; one instance per platform.
 */
public final class DigestAuthenticator {

    /** What {@link #verify} decided. */
    public enum Outcome {
        /** The answer is correct and fresh. */
        OK,
        /** The digest does not match: the password is wrong (403, counts toward lockout). */
        WRONG_PASSWORD,
        /** Correct digest on an expired nonce: challenge again with {@code stale=true}. */
        STALE,
        /** Correct digest, but the nonce-count (or the single-use RFC 2069 nonce) was already used. */
        REPLAYED,
        /** Unknown nonce, unsupported algorithm or qop, unreadable nonce-count: challenge afresh. */
        CHALLENGE
    }

    private static final HexFormat HEX = HexFormat.of();

    private final String realm;
    private final boolean qop;
    private final NonceStore nonces;

    public DigestAuthenticator(String realm, boolean qop, NonceStore nonces) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.qop = qop;
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * A {@code WWW-Authenticate} value with a new nonce, e.g.
     * {@code Digest realm="3402000000",nonce="…",algorithm=MD5,qop="auth"}.
     */
    public String challenge(boolean stale) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("Digest realm=\"").append(realm).append("\",nonce=\"").append(nonces.issue())
                .append("\",algorithm=MD5");
        if (qop) {
            sb.append(",qop=\"auth\"");
        }
        if (stale) {
            sb.append(",stale=true");
        }
        return sb.toString();
    }

    /**
     * Checks an answer to one of this server's challenges.
     *
     * @param method      the request method (HA2)
     * @param credentials the parsed Authorization header
     * @param password    the device's password; never logged
     */
    public Outcome verify(String method, DigestCredentials credentials, String password) {
        if (credentials.algorithm() != null && !credentials.algorithm().equalsIgnoreCase("MD5")) {
            return Outcome.CHALLENGE;
        }
        String answerQop = credentials.qop();
        long count = -1;
        if (answerQop != null) {
            if (!answerQop.equalsIgnoreCase("auth")) {
                return Outcome.CHALLENGE;
            }
            count = credentials.nonceCount();
            if (count < 1) {
                return Outcome.CHALLENGE;
            }
        }
        NonceStore.Entry nonce = nonces.find(credentials.nonce());
        if (nonce == null) {
            return Outcome.CHALLENGE;
        }
        String expected = response(credentials.username(), credentials.realm(), password, method, credentials.uri(),
                credentials.nonce(), answerQop, credentials.nc(), credentials.cnonce());
        byte[] given = credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
            return Outcome.WRONG_PASSWORD;
        }
        if (nonce.expired()) {
            return Outcome.STALE;
        }
        boolean fresh = answerQop != null ? nonce.acceptCount(count) : nonce.acceptOnce();
        return fresh ? Outcome.OK : Outcome.REPLAYED;
    }

    /**
     * The {@code response} digest of RFC 2617 §3.2.2.1 (MD5, qop {@code auth} or none), in lower-case
     * hex. Clients (the test device, load generators) use it to answer challenges.
     *
     * @param qop {@code auth}, or {@code null} for the RFC 2069 form (then {@code nc} and
     *            {@code cnonce} are ignored)
     */
    public static String response(String username, String realm, String password, String method, String uri,
            String nonce, String qop, String nc, String cnonce) {
        String ha1 = md5Hex(username + ':' + realm + ':' + password);
        String ha2 = md5Hex(method + ':' + uri);
        if (qop == null) {
            return md5Hex(ha1 + ':' + nonce + ':' + ha2);
        }
        return md5Hex(ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);
    }

    private static String md5Hex(String s) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HEX.formatHex(md5.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
