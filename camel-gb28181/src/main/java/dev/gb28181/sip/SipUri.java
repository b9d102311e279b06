package dev.gb28181.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SIP or SIPS URI (RFC 3261 §19.1), or any other absolute URI kept as scheme and opaque text.
 *
 * <p>GB/T 28181 §9.1 addresses devices as {@code sip:<20-digit ID>@<ip:port or domain>}; the host may
 * be an IP address, an IPv6 reference in brackets, or the bare 10-digit domain. User and parameters
 * are kept as written (escapes included), so a URI re-encodes to the same text.
 */
public final class SipUri {

    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final Map<String, String> params;
    private final String headers;
    private final String opaque;

    private SipUri(String scheme, String user, String password, String host, int port, Map<String, String> params,
                   String headers, String opaque) {
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.params = params;
        this.headers = headers;
        this.opaque = opaque;
    }

    /** A {@code sip:} URI without parameters; {@code port} -1 leaves the port out. */
    public static SipUri sip(String user, String host, int port) {
        return new SipUri("sip", user, null, host, port, Collections.emptyMap(), null, null);
    }

    /** A copy with one URI parameter set (a {@code null} value writes a flag parameter such as {@code lr}). */
    public SipUri withParam(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new SipUri(scheme, user, password, host, port, copy, headers, opaque);
    }

    /**
     * Parses a URI. SIP and SIPS URIs are split into their parts; any other scheme is kept as opaque text.
     *
     * @throws SipParseException when the text is not a URI
     */
    public static SipUri parse(String text) {
        String s = text.trim();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new SipParseException("URI without scheme: " + text);
        }
        String scheme = s.substring(0, colon);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') || c > 127) {
                throw new SipParseException("Invalid URI scheme: " + text);
            }
        }
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        String rest = s.substring(colon + 1);
        if (!lowerScheme.equals("sip") && !lowerScheme.equals("sips")) {
            if (rest.isEmpty() || containsWhitespace(rest)) {
                throw new SipParseException("Invalid URI: " + text);
            }
            return new SipUri(lowerScheme, null, null, null, -1, Collections.emptyMap(), null, rest);
        }
        if (containsWhitespace(rest)) {
            throw new SipParseException("Whitespace in SIP URI: " + text);
        }
        // user-unreserved and password characters include ";", "?", "/" and "," (RFC 3261 §25), while
        // "@" may appear nowhere else unescaped: the first "@" ends the userinfo.
        String userInfo = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int pc = userInfo.indexOf(':');
            user = pc >= 0 ? userInfo.substring(0, pc) : userInfo;
            password = pc >= 0 ? userInfo.substring(pc + 1) : null;
            if (user.isEmpty()) {
                throw new SipParseException("Empty user in SIP URI: " + text);
            }
        }
        String headers = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            headers = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> params = Collections.emptyMap();
        int semi = rest.indexOf(';');
        String hostPort = semi >= 0 ? rest.substring(0, semi) : rest;
        if (semi >= 0) {
            params = parseParams(rest.substring(semi + 1), text);
        }
        String host;
        int port = -1;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new SipParseException("Unterminated IPv6 reference: " + text);
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    throw new SipParseException("Garbage after IPv6 reference: " + text);
                }
                port = parsePort(after.substring(1), text);
            }
        } else {
            int pc = hostPort.lastIndexOf(':');
            host = pc >= 0 ? hostPort.substring(0, pc) : hostPort;
            if (pc >= 0) {
                port = parsePort(hostPort.substring(pc + 1), text);
            }
            if (host.indexOf(':') >= 0) {
                throw new SipParseException("IPv6 address outside brackets: " + text);
            }
        }
        if (host.isEmpty()) {
            throw new SipParseException("SIP URI without host: " + text);
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '[' || c == ']' || c == ':') || c > 127) {
                throw new SipParseException("Invalid host in SIP URI: " + text);
            }
        }
        return new SipUri(lowerScheme, user, password, host, port, params, headers, null);
    }

    private static boolean containsWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static int parsePort(String p, String text) {
        if (p.isEmpty() || p.length() > 5) {
            throw new SipParseException("Invalid port in URI: " + text);
        }
        int port = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                throw new SipParseException("Invalid port in URI: " + text);
            }
            port = port * 10 + (c - '0');
        }
        if (port > 65535) {
            throw new SipParseException("Port out of range in URI: " + text);
        }
        return port;
    }

    private static Map<String, String> parseParams(String s, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : s.split(";", -1)) {
            if (p.isEmpty()) {
                throw new SipParseException("Empty URI parameter: " + text);
            }
            int eq = p.indexOf('=');
            String name = eq >= 0 ? p.substring(0, eq) : p;
            if (name.isEmpty()) {
                throw new SipParseException("Empty URI parameter name: " + text);
            }
            params.put(name, eq >= 0 ? p.substring(eq + 1) : null);
        }
        return params;
    }

    public String scheme() {
        return scheme;
    }

    /** The user part as written, or {@code null}; in GB/T 28181 the 20-digit device or platform ID. */
    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    /** The port, or -1 when the URI does not name one. */
    public int port() {
        return port;
    }

    /** URI parameters in their order; a flag parameter such as {@code lr} maps to {@code null}. */
    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    public String param(String name) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The URI headers after {@code ?} as written (escaped), or {@code null}; a Request-URI must not
     * carry them (RFC 3261 §19.1.1).
     */
    public String headers() {
        return headers;
    }

    public boolean isSip() {
        return opaque == null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(48);
        appendTo(sb);
        return sb.toString();
    }

    /** Writes the URI in its RFC 3261 §25 form. */
    public void appendTo(StringBuilder sb) {
        sb.append(scheme).append(':');
        if (opaque != null) {
            sb.append(opaque);
            return;
        }
        if (user != null) {
            sb.append(user);
            if (password != null) {
                sb.append(':').append(password);
            }
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(';').append(e.getKey());
            if (e.getValue() != null) {
                sb.append('=').append(e.getValue());
            }
        }
        if (headers != null) {
            sb.append('?').append(headers);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SipUri)) {
            return false;
        }
        SipUri other = (SipUri) o;
        return scheme.equals(other.scheme) && Objects.equals(user, other.user)
                && Objects.equals(password, other.password)
                && (host == null ? other.host == null : host.equalsIgnoreCase(other.host))
                && port == other.port && params.equals(other.params) && Objects.equals(headers, other.headers)
                && Objects.equals(opaque, other.opaque);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, user, host == null ? null : host.toLowerCase(Locale.ROOT), port);
    }
}
