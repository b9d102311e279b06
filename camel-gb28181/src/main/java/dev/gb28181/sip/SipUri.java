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
 * are kept as written (escapes included), so a URI re-encodes to the same text. That text is kept
 * once known (the parsed text when it already is in the §25 form this class writes, else the first
 * {@link #toString()}), so encoding a Request-URI again copies no more than its characters.
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
    /**
     * The §25 text, or {@code null} until first needed. Set without a lock: any thread computes the
     * same immutable String, as {@link String#hashCode()} caches its hash.
     */
    private String text;

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
        return new SipUri(scheme, user, password, host, port, SipSyntax.with(params, name, value), headers, opaque);
    }

    /**
     * Parses a URI. SIP and SIPS URIs are split into their parts; any other scheme is kept as opaque text.
     *
     * @throws SipParseException when the text is not a URI
     */
    public static SipUri parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Parses the URI in {@code text[from, to)}, ignoring blanks around it, without copying the range first. */
    static SipUri parse(String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        boolean whole = start == 0 && end == text.length();
        int colon = indexOf(text, ':', start, end);
        if (colon <= start) {
            throw new SipParseException("URI without scheme: " + text.substring(from, to));
        }
        for (int i = start; i < colon; i++) {
            char c = text.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                throw new SipParseException("Invalid URI scheme: " + text.substring(from, to));
            }
        }
        boolean sip = colon - start >= 3 && colon - start <= 4 && (text.charAt(start) | 0x20) == 's'
                && (text.charAt(start + 1) | 0x20) == 'i' && (text.charAt(start + 2) | 0x20) == 'p'
                && (colon - start == 3 || (text.charAt(start + 3) | 0x20) == 's');
        String scheme;
        if (sip) {
            scheme = colon - start == 3 ? "sip" : "sips";
        } else {
            if (colon + 1 == end || containsWhitespace(text, colon + 1, end)) {
                throw new SipParseException("Invalid URI: " + text.substring(from, to));
            }
            SipUri uri = new SipUri(text.substring(start, colon).toLowerCase(Locale.ROOT), null, null, null, -1,
                    Collections.emptyMap(), null, text.substring(colon + 1, end));
            if (whole && text.startsWith(uri.scheme)) {
                uri.text = text;
            }
            return uri;
        }
        int p = colon + 1;
        if (containsWhitespace(text, p, end)) {
            throw new SipParseException("Whitespace in SIP URI: " + text.substring(from, to));
        }
        // user-unreserved and password characters include ";", "?", "/" and "," (RFC 3261 §25), while
        // "@" may appear nowhere else unescaped: the first "@" ends the userinfo.
        String user = null;
        String password = null;
        int at = indexOf(text, '@', p, end);
        if (at >= 0) {
            int pc = indexOf(text, ':', p, at);
            user = text.substring(p, pc >= 0 ? pc : at);
            password = pc >= 0 ? text.substring(pc + 1, at) : null;
            if (user.isEmpty()) {
                throw new SipParseException("Empty user in SIP URI: " + text.substring(from, to));
            }
            p = at + 1;
        }
        int q = indexOf(text, '?', p, end);
        int paramsEnd = q >= 0 ? q : end;
        String headers = q >= 0 ? text.substring(q + 1, end) : null;
        int semi = indexOf(text, ';', p, paramsEnd);
        int hostPortEnd = semi >= 0 ? semi : paramsEnd;
        String host;
        int port = -1;
        int portFrom = -1;
        if (p < hostPortEnd && text.charAt(p) == '[') {
            int close = indexOf(text, ']', p, hostPortEnd);
            if (close < 0) {
                throw new SipParseException("Unterminated IPv6 reference: " + text.substring(from, to));
            }
            host = text.substring(p, close + 1);
            if (close + 1 < hostPortEnd) {
                if (text.charAt(close + 1) != ':') {
                    throw new SipParseException("Garbage after IPv6 reference: " + text.substring(from, to));
                }
                portFrom = close + 2;
            }
        } else {
            int pc = indexOf(text, ':', p, hostPortEnd);
            int hostEnd = pc >= 0 ? pc : hostPortEnd;
            if (pc >= 0) {
                if (indexOf(text, ':', pc + 1, hostPortEnd) >= 0) {
                    throw new SipParseException("IPv6 address outside brackets: " + text.substring(from, to));
                }
                portFrom = pc + 1;
            }
            host = text.substring(p, hostEnd);
        }
        if (portFrom >= 0) {
            port = SipSyntax.port(text, portFrom, hostPortEnd);
            if (port < 0) {
                throw new SipParseException("Invalid port in URI: " + text.substring(from, to));
            }
        }
        if (host.isEmpty()) {
            throw new SipParseException("SIP URI without host: " + text.substring(from, to));
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '[' || c == ']' || c == ':')) {
                throw new SipParseException("Invalid host in SIP URI: " + text.substring(from, to));
            }
        }
        Map<String, String> params = semi >= 0 ? parseParams(text, semi + 1, paramsEnd, from, to)
                : Collections.emptyMap();
        SipUri uri = new SipUri(scheme, user, password, host, port, params, headers, null);
        // the text is this URI's §25 form unless the scheme is in upper case, the port has leading
        // zeros or a parameter name repeats (the map keeps one): then toString() builds it
        if (whole && text.startsWith(scheme)
                && (portFrom < 0 || text.charAt(portFrom) != '0' || hostPortEnd - portFrom == 1)
                && (semi < 0 || params.size() == count(text, ';', semi, paramsEnd))) {
            uri.text = text;
        }
        return uri;
    }

    private static int count(String s, char c, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int indexOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i >= 0 && i < to ? i : -1;
    }

    private static boolean containsWhitespace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> parseParams(String s, int from, int to, int textFrom, int textTo) {
        Map<String, String> params = new LinkedHashMap<>(4);
        int i = from;
        while (true) {
            int semi = indexOf(s, ';', i, to);
            int end = semi >= 0 ? semi : to;
            int eq = indexOf(s, '=', i, end);
            int nameEnd = eq >= 0 ? eq : end;
            if (nameEnd == i) {
                throw new SipParseException("Empty URI parameter: " + s.substring(textFrom, textTo));
            }
            params.put(s.substring(i, nameEnd), eq >= 0 ? s.substring(eq + 1, end) : null);
            if (semi < 0) {
                return params;
            }
            i = semi + 1;
        }
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
        return SipSyntax.get(params, name);
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

    /** The URI in its RFC 3261 §25 form. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder sb = new StringBuilder(48);
            build(sb);
            t = sb.toString();
            text = t;
        }
        return t;
    }

    /** Writes the URI in its RFC 3261 §25 form. */
    public void appendTo(StringBuilder sb) {
        String t = text;
        if (t != null) {
            sb.append(t);
        } else {
            build(sb);
        }
    }

    private void build(StringBuilder sb) {
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
        SipSyntax.append(sb, params);
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
