package dev.gb28181.sip.auth;

import java.util.Locale;

/**
 * The parameters of a {@code Digest} Authorization header (RFC 2617 §3.2.2, RFC 3261 §22.4,
 * GB/T 28181-2016 §9.1.2.1).
 *
 * <p>Parameter names are matched case-insensitively and in any order; values may be quoted (with
 * backslash escapes) or bare tokens, because devices write both ({@code algorithm=MD5} bare,
 * {@code qop="auth"} quoted). Parameters this platform does not use ({@code opaque}, extensions)
 * are skipped.
 *
 * @param username  the {@code username} parameter: the device ID, or on some stacks the platform ID
 * @param realm     the realm the client hashed with (the one of HA1)
 * @param nonce     the server nonce the answer is for
 * @param uri       the {@code digest-uri} of HA2; may differ from the Request-URI
 * @param response  32 hex digits, as sent
 * @param algorithm {@code MD5} or {@code null} when absent (which means MD5)
 * @param qop       {@code auth}, or {@code null} for an RFC 2069 answer
 * @param nc        the nonce-count as 8 hex digits, or {@code null} without qop
 * @param cnonce    the client nonce, or {@code null} without qop
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        String algorithm, String qop, String nc, String cnonce) {

    private static final int MAX_LENGTH = 4096;

    /**
     * Reads an Authorization header value.
     *
     * @return the credentials, or {@code null} when the value is not a complete Digest answer
     *         (another scheme, a required parameter missing, broken quoting, too long)
     */
    public static DigestCredentials parse(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return null;
        }
        int i = skipWs(header, 0);
        if (!header.regionMatches(true, i, "Digest", 0, 6) || i + 6 >= header.length()
                || !isWs(header.charAt(i + 6))) {
            return null;
        }
        i += 6;
        String username = null;
        String realm = null;
        String nonce = null;
        String uri = null;
        String response = null;
        String algorithm = null;
        String qop = null;
        String nc = null;
        String cnonce = null;
        int n = header.length();
        while (true) {
            i = skipWs(header, i);
            while (i < n && header.charAt(i) == ',') {
                i = skipWs(header, i + 1);
            }
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ',' && !isWs(header.charAt(i))) {
                i++;
            }
            String name = header.substring(nameStart, i);
            i = skipWs(header, i);
            if (i >= n || header.charAt(i) != '=') {
                return null;
            }
            i = skipWs(header, i + 1);
            String value;
            if (i < n && header.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder(48);
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        sb.append(header.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        sb.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
                value = sb.toString();
            } else {
                int valueStart = i;
                while (i < n && header.charAt(i) != ',' && !isWs(header.charAt(i))) {
                    i++;
                }
                value = header.substring(valueStart, i);
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "username" -> username = value;
                case "realm" -> realm = value;
                case "nonce" -> nonce = value;
                case "uri" -> uri = value;
                case "response" -> response = value;
                case "algorithm" -> algorithm = value;
                case "qop" -> qop = value;
                case "nc" -> nc = value;
                case "cnonce" -> cnonce = value;
                default -> {
                    // opaque and extension parameters play no part in the hash
                }
            }
        }
        if (username == null || realm == null || nonce == null || uri == null || response == null) {
            return null;
        }
        if (qop != null && (nc == null || cnonce == null)) {
            return null;
        }
        return new DigestCredentials(username, realm, nonce, uri, response, algorithm, qop, nc, cnonce);
    }

    /** The nonce-count as a number, or -1 when absent or not 1-8 hex digits. */
    public long nonceCount() {
        if (nc == null || nc.isEmpty() || nc.length() > 8) {
            return -1;
        }
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        // the response digest is derived from the password: keep it out of logs
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", uri=" + uri + ", qop=" + qop + "]";
    }

    private static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && isWs(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
