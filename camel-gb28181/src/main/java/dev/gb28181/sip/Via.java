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
        String s = text.trim();
        int slash1 = s.indexOf('/');
        int slash2 = slash1 < 0 ? -1 : s.indexOf('/', slash1 + 1);
        if (slash2 < 0) {
            throw new SipParseException("Invalid Via sent-protocol: " + text);
        }
        int i = slash2 + 1;
        while (i < s.length() && HeaderParams.isWs(s.charAt(i))) {
            i++;
        }
        int tStart = i;
        while (i < s.length() && !HeaderParams.isWs(s.charAt(i))) {
            i++;
        }
        String transport = s.substring(tStart, i).trim();
        String protocol = s.substring(0, slash2).replace(" ", "").replace("\t", "");
        if (transport.isEmpty() || protocol.length() < 3) {
            throw new SipParseException("Invalid Via sent-protocol: " + text);
        }
        i = HeaderParams.skipWs(s, i);
        int semi = s.indexOf(';', i);
        String sentBy = (semi >= 0 ? s.substring(i, semi) : s.substring(i)).trim();
        if (sentBy.isEmpty()) {
            throw new SipParseException("Via without sent-by: " + text);
        }
        String host;
        int port = -1;
        String portText = null;
        if (sentBy.startsWith("[")) {
            int close = sentBy.indexOf(']');
            if (close < 0) {
                throw new SipParseException("Unterminated IPv6 reference in Via: " + text);
            }
            host = sentBy.substring(0, close + 1);
            String after = sentBy.substring(close + 1).trim();
            if (after.startsWith(":")) {
                portText = after.substring(1).trim();
            } else if (!after.isEmpty()) {
                throw new SipParseException("Invalid Via sent-by: " + text);
            }
        } else {
            int colon = sentBy.indexOf(':');
            host = colon >= 0 ? sentBy.substring(0, colon).trim() : sentBy;
            portText = colon >= 0 ? sentBy.substring(colon + 1).trim() : null;
        }
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new SipParseException("Invalid Via port: " + text);
            }
            if (port < 0 || port > 65535) {
                throw new SipParseException("Via port out of range: " + text);
            }
        }
        if (host.isEmpty() || host.indexOf(' ') >= 0) {
            throw new SipParseException("Invalid Via host: " + text);
        }
        Map<String, String> params = semi >= 0 ? HeaderParams.parse(s, semi, "Via") : null;
        return new Via(protocol, transport.toUpperCase(Locale.ROOT), host, port, params);
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
        return HeaderParams.get(params, name);
    }

    public boolean hasParam(String name) {
        return HeaderParams.has(params, name);
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
     * it differs from sent-by, or always when the client asked for {@code rport}.
     */
    public Via withReceived(String sourceHost, int sourcePort) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        boolean rport = hasParam("rport");
        if (rport) {
            copy.put(keyOf("rport"), Integer.toString(sourcePort));
        }
        if (rport || !sameHost(host, sourceHost)) {
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
        HeaderParams.append(sb, params);
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
