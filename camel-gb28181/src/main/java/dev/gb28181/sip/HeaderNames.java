package dev.gb28181.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Header names of RFC 3261 §20 and the GB/T 28181 extensions, with the canonical spelling this
 * stack writes and the compact forms of RFC 3261 §7.3.3 it reads.
 *
 * <p>Header names are case-insensitive (RFC 3261 §7.3.1). The decoder maps every name it reads to
 * its canonical spelling with {@link #canonical(String)}, so the rest of the stack compares names
 * with {@code equals} on known headers and never allocates a lower-cased copy per lookup.
 */
public final class HeaderNames {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String EXPIRES = "Expires";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String USER_AGENT = "User-Agent";
    public static final String SERVER = "Server";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String ALLOW = "Allow";
    public static final String SUPPORTED = "Supported";
    public static final String DATE = "Date";
    public static final String SUBJECT = "Subject";
    public static final String EVENT = "Event";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String REFER_TO = "Refer-To";
    public static final String ACCEPT = "Accept";
    public static final String WARNING = "Warning";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String REQUIRE = "Require";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final String ALLOW_EVENTS = "Allow-Events";
    public static final String CALL_INFO = "Call-Info";
    public static final String ALERT_INFO = "Alert-Info";
    public static final String ERROR_INFO = "Error-Info";
    public static final String IN_REPLY_TO = "In-Reply-To";
    public static final String PATH = "Path";
    /** GB/T 28181-2022 version header. */
    public static final String X_GB_VER = "X-GB-Ver";

    /** Lower-cased name or compact form to canonical spelling. */
    private static final Map<String, String> CANONICAL = new HashMap<>();
    /** Canonical spelling to itself: the allocation-free path for names that are already canonical. */
    private static final Map<String, String> EXACT = new HashMap<>();
    /** Known names and compact forms as lower-case ASCII bytes, bucketed by length, for decoders. */
    private static final byte[][][] BYTES_BY_LENGTH;
    private static final String[][] NAMES_BY_LENGTH;

    static {
        for (String name : new String[] {
                VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, MAX_FORWARDS, EXPIRES, CONTENT_TYPE, CONTENT_LENGTH,
                CONTENT_ENCODING, USER_AGENT, SERVER, ROUTE, RECORD_ROUTE, ALLOW, SUPPORTED, DATE, SUBJECT, EVENT,
                SUBSCRIPTION_STATE, WWW_AUTHENTICATE, AUTHORIZATION, PROXY_AUTHENTICATE, PROXY_AUTHORIZATION,
                REFER_TO, ACCEPT, WARNING, RETRY_AFTER, MIN_EXPIRES, REQUIRE, UNSUPPORTED, PROXY_REQUIRE,
                ACCEPT_ENCODING, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, ALLOW_EVENTS, CALL_INFO, ALERT_INFO, ERROR_INFO,
                IN_REPLY_TO, PATH, X_GB_VER }) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
            EXACT.put(name, name);
        }
        // compact forms, RFC 3261 §7.3.3 and RFC 3265 (o = Event), RFC 3515 (r = Refer-To)
        CANONICAL.put("v", VIA);
        CANONICAL.put("f", FROM);
        CANONICAL.put("t", TO);
        CANONICAL.put("i", CALL_ID);
        CANONICAL.put("m", CONTACT);
        CANONICAL.put("c", CONTENT_TYPE);
        CANONICAL.put("l", CONTENT_LENGTH);
        CANONICAL.put("e", CONTENT_ENCODING);
        CANONICAL.put("s", SUBJECT);
        CANONICAL.put("k", SUPPORTED);
        CANONICAL.put("o", EVENT);
        CANONICAL.put("r", REFER_TO);
        CANONICAL.put("u", ALLOW_EVENTS);

        int maxLength = 0;
        for (String key : CANONICAL.keySet()) {
            maxLength = Math.max(maxLength, key.length());
        }
        BYTES_BY_LENGTH = new byte[maxLength + 1][][];
        NAMES_BY_LENGTH = new String[maxLength + 1][];
        for (Map.Entry<String, String> e : CANONICAL.entrySet()) {
            int len = e.getKey().length();
            byte[][] bytes = BYTES_BY_LENGTH[len] == null ? new byte[1][] : Arrays.copyOf(BYTES_BY_LENGTH[len],
                    BYTES_BY_LENGTH[len].length + 1);
            String[] names = NAMES_BY_LENGTH[len] == null ? new String[1] : Arrays.copyOf(NAMES_BY_LENGTH[len],
                    NAMES_BY_LENGTH[len].length + 1);
            bytes[bytes.length - 1] = e.getKey().getBytes(StandardCharsets.US_ASCII);
            names[names.length - 1] = e.getValue();
            BYTES_BY_LENGTH[len] = bytes;
            NAMES_BY_LENGTH[len] = names;
        }
    }

    private HeaderNames() {
    }

    /**
     * The canonical spelling of a header name: known names and compact forms map to the spelling
     * above, unknown names are returned as they were written.
     */
    public static String canonical(String name) {
        String exact = EXACT.get(name);
        if (exact != null) {
            return exact;
        }
        String known = CANONICAL.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : name;
    }

    /**
     * The canonical spelling of a known header name or compact form read as bytes (compared
     * case-insensitively), or {@code null} when the name is not known. Decoders use it to map names
     * without allocating a String per header.
     */
    public static String canonical(byte[] buf, int offset, int length) {
        if (length <= 0 || length >= BYTES_BY_LENGTH.length || BYTES_BY_LENGTH[length] == null) {
            return null;
        }
        byte[][] candidates = BYTES_BY_LENGTH[length];
        outer:
        for (int c = 0; c < candidates.length; c++) {
            byte[] candidate = candidates[c];
            for (int i = 0; i < length; i++) {
                int b = buf[offset + i];
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                if (b != candidate[i]) {
                    continue outer;
                }
            }
            return NAMES_BY_LENGTH[length][c];
        }
        return null;
    }
}
