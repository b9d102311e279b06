package dev.gb28181.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One Via header value (RFC 3261 §20.42): protocol, transport, sent-by host and port, and
 * parameters such as {@code branch}, {@code received} and {@code rport} (RFC 3581).
 */
public final class Via {

    /** The magic cookie that marks an RFC 3261 branch (§8.1.1.7). */
    public static final String BRANCH_MAGIC_COOKIE = "z9hG4bK";

    private final String protocol;
    private final String transport;
    private final String host;
    private final int port;
    private final Map<String, String> params;

    public Via(String protocol, String transport, String host, int port, Map<String, String> params) {
        this.protocol = protocol;
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.params = params == null ? Collections.emptyMap() : params;
    }

    /** A Via of this stack: {@code SIP/2.0/<transport> host:port;rport;branch=...}. */
    public static Via of(String transport, String host, int port, String branch) {
        Map<String, String> params = new LinkedHashMap<>(4);
        params.put("rport", null);
        params.put("branch", branch);
        return new Via("SIP/2.0", transport.toUpperCase(Locale.ROOT), host, port, params);
    }

    public static Via parse(String text) {
        int e = text.length();
        int b = SipSyntax.skipWs(text, 0);
        int semi = text.indexOf(';', b);
        int sentByEnd = semi >= 0 ? semi : e;
        int slash1 = text.indexOf('/', b);
        int slash2 = slash1 < 0 ? -1 : text.indexOf('/', slash1 + 1);
        if (slash2 < 0 || slash2 >= sentByEnd) {
            throw new SipParseException("Invalid Via sent-protocol: " + text);
        }
        int i = SipSyntax.skipWs(text, slash2 + 1);
        int tStart = i;
        while (i < sentByEnd && !SipSyntax.isWs(text.charAt(i))) {
            i++;
        }
        String protocol = protocol(text, b, slash2);
        if (i == tStart || protocol.length() < 3) {
            throw new SipParseException("Invalid Via sent-protocol: " + text);
        }
        String transport = transport(text, tStart, i);
        int hostStart = SipSyntax.skipWs(text, i);
        int hostEnd = sentByEnd;
        while (hostEnd > hostStart && SipSyntax.isWs(text.charAt(hostEnd - 1))) {
            hostEnd--;
        }
        if (hostStart == hostEnd) {
            throw new SipParseException("Via without sent-by: " + text);
        }
        int portStart = -1;
        int portEnd = hostEnd;
        if (text.charAt(hostStart) == '[') {
            int close = text.indexOf(']', hostStart);
            if (close < 0 || close >= hostEnd) {
                throw new SipParseException("Unterminated IPv6 reference in Via: " + text);
            }
            int after = SipSyntax.skipWs(text, close + 1);
            if (after < hostEnd) {
                if (text.charAt(after) != ':') {
                    throw new SipParseException("Invalid Via sent-by: " + text);
                }
                portStart = after + 1;
            }
            hostEnd = close + 1;
        } else {
            int colon = text.indexOf(':', hostStart);
            if (colon >= 0 && colon < hostEnd) {
                portStart = colon + 1;
                hostEnd = colon;
                while (hostEnd > hostStart && SipSyntax.isWs(text.charAt(hostEnd - 1))) {
                    hostEnd--;
                }
            }
        }
        int port = -1;
        if (portStart >= 0) {
            port = SipSyntax.port(text, SipSyntax.skipWs(text, portStart), portEnd);
            if (port < 0) {
                throw new SipParseException("Invalid Via port: " + text);
            }
        }
        String host = text.substring(hostStart, hostEnd);
        if (host.isEmpty() || host.indexOf(' ') >= 0 || host.indexOf('\t') >= 0) {
            throw new SipParseException("Invalid Via host: " + text);
        }
        Map<String, String> params = semi >= 0 ? SipSyntax.parse(text, semi, "Via") : null;
        return new Via(protocol, transport, host, port, params);
    }

    /** The sent-protocol before the last slash without blanks, e.g. {@code SIP/2.0}. */
    private static String protocol(String text, int from, int to) {
        if (to - from == 7 && text.startsWith("SIP/2.0", from)) {
            return "SIP/2.0";
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!SipSyntax.isWs(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String transport(String text, int from, int to) {
        if (to - from == 3) {
            if (text.regionMatches(true, from, "UDP", 0, 3)) {
                return "UDP";
            }
            if (text.regionMatches(true, from, "TCP", 0, 3)) {
                return "TCP";
            }
        }
        return text.substring(from, to).toUpperCase(Locale.ROOT);
    }

    public String protocol() {
        return protocol;
    }

    /** UDP, TCP, TLS, ... in upper case. */
    public String transport() {
        return transport;
    }

    public String host() {
        return host;
    }

    /** The sent-by port, or -1. */
    public int port() {
        return port;
    }

    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    public String param(String name) {
        return SipSyntax.get(params, name);
    }

    public boolean hasParam(String name) {
        return SipSyntax.has(params, name);
    }

    public String branch() {
        return param("branch");
    }

    public String received() {
        return param("received");
    }

    /** {@code rport} value, -1 when absent or present without a value. */
    public int rport() {
        String v = param("rport");
        if (v == null) {
            return -1;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The copy a server writes back (RFC 3261 §18.2.1, RFC 3581 §4): {@code rport} filled with the
     * source port when the client asked for it, and {@code received} with the source address when
     * it differs from sent-by (as eXosip and the devices of the GB28181 capture do; RFC 3581 would
     * also repeat an identical address, which no peer needs).
     */
    public Via withReceived(String sourceHost, int sourcePort) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        if (hasParam("rport")) {
            copy.put(keyOf("rport"), Integer.toString(sourcePort));
        }
        if (!sameHost(host, sourceHost)) {
            copy.remove(keyOf("received"));
            copy.put("received", sourceHost);
        }
        return new Via(protocol, transport, host, port, copy);
    }

    /** Compares a sent-by host with a packet's source address, IPv6 brackets ignored. */
    private static boolean sameHost(String sentBy, String source) {
        String a = sentBy.startsWith("[") && sentBy.endsWith("]") ? sentBy.substring(1, sentBy.length() - 1) : sentBy;
        return a.equalsIgnoreCase(source);
    }

    private String keyOf(String name) {
        for (String k : params.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return name;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        sb.append(protocol).append('/').append(transport).append(' ').append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        SipSyntax.append(sb, params);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Via)) {
            return false;
        }
        Via other = (Via) o;
        return protocol.equals(other.protocol) && transport.equals(other.transport) && host.equalsIgnoreCase(other.host)
                && port == other.port && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transport, host.toLowerCase(Locale.ROOT), port, params);
    }
}
