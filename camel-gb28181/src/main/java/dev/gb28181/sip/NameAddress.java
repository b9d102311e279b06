package dev.gb28181.sip;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a From, To, Contact, Route or Record-Route header: an optional display name, a URI
 * and header parameters such as {@code tag} (RFC 3261 §20.10, §20.20, §20.39).
 *
 * <p>Both the {@code name-addr} form ({@code "Alice" <sip:a@b>;tag=1}) and the {@code addr-spec} form
 * ({@code sip:a@b;tag=1}, where parameters after the URI belong to the header) are read; the
 * {@code name-addr} form is always written, as real GB28181 devices do.
 */
public final class NameAddress {

    private final String displayName;
    private final SipUri uri;
    private final Map<String, String> params;

    public NameAddress(String displayName, SipUri uri, Map<String, String> params) {
        this.displayName = displayName;
        this.uri = Objects.requireNonNull(uri, "uri");
        this.params = params == null ? Collections.emptyMap() : params;
    }

    public static NameAddress of(SipUri uri) {
        return new NameAddress(null, uri, null);
    }

    /** Parses one header value; the wildcard Contact {@code *} is not a NameAddress. */
    public static NameAddress parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new SipParseException("Empty address");
        }
        int lt;
        String display = null;
        if (s.charAt(0) == '"') {
            int end = SipSyntax.endOfQuoted(s, 0, "address");
            display = s.substring(0, end);
            lt = s.indexOf('<', end);
            if (lt < 0) {
                throw new SipParseException("Display name without <URI>: " + text);
            }
        } else {
            lt = s.indexOf('<');
            if (lt > 0) {
                display = s.substring(0, lt).trim();
                if (display.isEmpty()) {
                    display = null;
                }
            }
        }
        if (lt >= 0) {
            int gt = s.indexOf('>', lt);
            if (gt < 0) {
                throw new SipParseException("Unterminated <URI>: " + text);
            }
            SipUri uri = SipUri.parse(s, lt + 1, gt);
            Map<String, String> params = SipSyntax.parse(s, gt + 1, "address");
            return new NameAddress(display, uri, params);
        }
        // addr-spec: the parameters after the URI are header parameters (RFC 3261 §20.10)
        int semi = s.indexOf(';');
        int uriEnd = semi >= 0 ? semi : s.length();
        int question = s.indexOf('?');
        int comma = s.indexOf(',');
        if ((question >= 0 && question < uriEnd) || (comma >= 0 && comma < uriEnd)) {
            throw new SipParseException("addr-spec with reserved characters must be in <>: " + text);
        }
        SipUri uri = SipUri.parse(s, 0, uriEnd);
        Map<String, String> params = semi >= 0 ? SipSyntax.parse(s, semi, "address") : null;
        return new NameAddress(null, uri, params);
    }

    public String displayName() {
        return displayName;
    }

    public SipUri uri() {
        return uri;
    }

    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    public String param(String name) {
        return SipSyntax.get(params, name);
    }

    /** The {@code tag} parameter of From and To (RFC 3261 §19.3), or {@code null}. */
    public String tag() {
        return param("tag");
    }

    /** A copy with the given tag, as a UAS writes it into the To of its responses. */
    public NameAddress withTag(String tag) {
        return withParam("tag", tag);
    }

    public NameAddress withParam(String name, String value) {
        return new NameAddress(displayName, uri, SipSyntax.with(params, name, value));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null) {
            sb.append(displayName).append(' ');
        }
        sb.append('<');
        uri.appendTo(sb);
        sb.append('>');
        SipSyntax.append(sb, params);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NameAddress)) {
            return false;
        }
        NameAddress other = (NameAddress) o;
        return Objects.equals(displayName, other.displayName) && uri.equals(other.uri) && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(displayName, uri, params);
    }
}
