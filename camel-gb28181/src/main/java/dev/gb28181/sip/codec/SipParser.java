package dev.gb28181.sip.codec;

import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipUri;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one SIP message from bytes (RFC 3261 §7): the start line, the header fields up to the empty
 * line, and the body delimited by Content-Length.
 *
 * <p>Header names are mapped to their {@linkplain HeaderNames#canonical(String) canonical spelling}
 * (compact forms of §7.3.3 in any case); folded lines (§7.3.1) are joined with one space; values of the
 * list headers (§7.3.1: Via, Route, Contact, Allow, Supported, ...) are split into one entry per value
 * at commas outside quoted strings and {@code <...>}, while the authentication headers, Date and the
 * other single-valued ones are never split. Content-Length is consumed, not stored: the encoder writes it
 * from the body. The body stays raw bytes, so GB2312/GB18030 MANSCDP bodies survive untouched; header
 * text is decoded as UTF-8 with an ASCII fast path.
 *
 * <p>Leniencies for real GB/T 28181 devices: Content-Length padded with spaces; no Max-Forwards; a Date
 * that is never interpreted (GB/T 28181-2016 §9.10 sets device clocks from a
 * {@code yyyy-MM-ddTHH:mm:ss.SSS} Date, no RFC 1123 date); runs of blanks in the request line, blanks
 * inside {@code <...>} and unquoted display names (RFC 4475 §3.1.2.9, §3.1.2.10, §3.1.2.14 and
 * §3.1.2.15 let a liberal reader accept them); bare LF line ends; a datagram that ends without the
 * empty line. On a datagram (RFC 3261 §18.3) a shorter Content-Length truncates the body, a missing one
 * means the rest of the datagram, and a {@code Content-Length: 0} followed by a body on a message that
 * declares a Content-Type takes that body (Hikvision NVRs send MANSCDP MESSAGEs so); a Content-Length
 * beyond the datagram is refused.
 *
 * <p>Errors: {@link SipBadRequestException} (a {@link SipParseException}) for a request that can be
 * answered with 400 or 505, carrying the headers to answer with; plain {@link SipParseException} for a
 * response or bytes that cannot be answered. No other exception escapes for any input.
 */
public final class SipParser {

    /** The largest message accepted, in bytes (GB/T 28181 messages are far smaller; bounds memory). */
    public static final int MAX_MESSAGE_SIZE = 65536;

    /** Headers whose values are comma-separated lists (RFC 3261 §7.3.1, §20). */
    private static final String[] LIST_HEADERS = {HeaderNames.VIA, HeaderNames.ROUTE,
            HeaderNames.RECORD_ROUTE, HeaderNames.CONTACT, HeaderNames.ALLOW, HeaderNames.SUPPORTED,
            HeaderNames.REQUIRE, HeaderNames.PROXY_REQUIRE, HeaderNames.UNSUPPORTED, HeaderNames.ACCEPT,
            HeaderNames.ACCEPT_ENCODING, HeaderNames.ACCEPT_LANGUAGE, HeaderNames.CONTENT_ENCODING,
            HeaderNames.CONTENT_LANGUAGE, HeaderNames.ALLOW_EVENTS, HeaderNames.CALL_INFO, HeaderNames.ALERT_INFO,
            HeaderNames.ERROR_INFO, HeaderNames.IN_REPLY_TO, HeaderNames.PATH, HeaderNames.WARNING};

    /** {@code token} characters of RFC 3261 §25.1. */
    private static final boolean[] TOKEN = new boolean[128];

    /** Stands in for the Request-URI of a partial request whose request line and To did not parse. */
    private static final SipUri UNKNOWN_URI = SipUri.sip(null, "invalid", -1);

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private SipParser() {
    }

    /**
     * Parses the message in {@code buf[offset, offset + length)}.
     *
     * @param datagram true when the bytes are one UDP datagram (RFC 3261 §18.3 datagram rules for the
     *                 body), false for a message framed from a stream by {@link SipFraming}
     * @return a {@link SipRequest} or {@link SipResponse} with its typed Via, From, To, CSeq already parsed
     * @throws SipBadRequestException for a request to answer with {@link SipBadRequestException#status()}
     * @throws SipParseException      for anything else that is not a SIP message
     * @throws IllegalArgumentException when the range lies outside {@code buf} (a caller's bug)
     */
    public static SipMessage parse(byte[] buf, int offset, int length, boolean datagram) {
        if (buf == null || offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("Invalid range " + offset + "+" + length);
        }
        if (length > MAX_MESSAGE_SIZE) {
            throw new SipParseException("Message of " + length + " bytes exceeds " + MAX_MESSAGE_SIZE + " bytes");
        }
        return new Reader(buf, offset, offset + length, datagram).read();
    }

    /** Parses the readable bytes of {@code buf} without changing its indices; see {@link #parse(byte[], int, int, boolean)}. */
    public static SipMessage parse(ByteBuf buf, boolean datagram) {
        int length = buf.readableBytes();
        if (length > MAX_MESSAGE_SIZE) {
            throw new SipParseException("Message of " + length + " bytes exceeds " + MAX_MESSAGE_SIZE + " bytes");
        }
        if (buf.hasArray()) {
            return parse(buf.array(), buf.arrayOffset() + buf.readerIndex(), length, datagram);
        }
        return parse(ByteBufUtil.getBytes(buf, buf.readerIndex(), length, false), 0, length, datagram);
    }

    /** Whether a canonical name (a {@link HeaderNames} constant, compared by identity) is a list header. */
    private static boolean isList(String canonicalName) {
        for (String list : LIST_HEADERS) {
            if (list == canonicalName) {
                return true;
            }
        }
        return false;
    }

    private static boolean isToken(int c) {
        return c >= 0 && c < 128 && TOKEN[c];
    }

    private static boolean isWs(int c) {
        return c == ' ' || c == '\t';
    }

    /** One parse: cursor, start-line facts and the first error met. */
    private static final class Reader {

        private static final int BAD_REQUEST = 400;
        private static final int VERSION_NOT_SUPPORTED = 505;

        private final byte[] b;
        private final int end;
        private final boolean datagram;
        private int pos;

        // the line last scanned
        private int lineEnd;
        private int contentEnd;
        private boolean lineNonAscii;
        private boolean lineBareCr;

        // start line
        private boolean response;
        private String method;
        private SipUri requestUri;
        private SipMessage message;

        // the header being read (it may continue on folded lines)
        private String hName;
        private int hStart;
        private int hEnd;
        private boolean hFolded;
        private boolean hNonAscii;
        private boolean skippingMalformed;

        private long contentLength = -1;

        // first error
        private int status;
        private String reason;
        private String detail;

        Reader(byte[] b, int start, int end, boolean datagram) {
            this.b = b;
            this.pos = start;
            this.end = end;
            this.datagram = datagram;
        }

        SipMessage read() {
            // RFC 3261 §7.5: CRLFs before the start line are ignored
            while (pos < end && (b[pos] == '\r' || b[pos] == '\n')) {
                pos++;
            }
            if (pos == end) {
                throw new SipParseException("Empty message");
            }
            readStartLine();
            int bodyStart = readHeaders();
            byte[] body = readBody(bodyStart);
            validate();
            if (reason == null) {
                message.body(body);
                return message;
            }
            throw failure();
        }

        // ---- start line ----------------------------------------------------------------------

        private void readStartLine() {
            scanLine(pos);
            int from = pos;
            int to = contentEnd;
            if (lineBareCr) {
                throw new SipParseException("Bare CR in the start line");
            }
            if (to - from >= 4 && (b[from] | 0x20) == 's' && (b[from + 1] | 0x20) == 'i' && (b[from + 2] | 0x20) == 'p'
                    && b[from + 3] == '/') {
                response = true;
                message = readStatusLine(from, to);
                pos = nextLine();
                return;
            }
            int i = from;
            while (i < to && isToken(b[i])) {
                i++;
            }
            int j = i;
            while (j < to && isWs(b[j])) {
                j++;
            }
            if (i > from && j < to && b[j] == ':') {
                // the first line is a header: the request line was lost
                error(BAD_REQUEST, "Missing request line", null);
                message = new SipRequest("UNKNOWN", UNKNOWN_URI);
                return;
            }
            readRequestLine(from, to);
            if (message == null) {
                message = new SipRequest(method == null ? "UNKNOWN" : method, UNKNOWN_URI);
            }
            pos = nextLine();
        }

        private SipResponse readStatusLine(int from, int to) {
            int sp = from;
            while (sp < to && !isWs(b[sp])) {
                sp++;
            }
            if (!equalsIgnoreCase(from, sp, "SIP/2.0")) {
                throw new SipParseException("Unsupported version in status line: " + snippet(from, to));
            }
            int i = sp;
            while (i < to && isWs(b[i])) {
                i++;
            }
            if (i + 3 > to || (i + 3 < to && !isWs(b[i + 3]))) {
                throw new SipParseException("Malformed status code: " + snippet(from, to));
            }
            int code = 0;
            for (int k = i; k < i + 3; k++) {
                int d = b[k] - '0';
                if (d < 0 || d > 9) {
                    throw new SipParseException("Malformed status code: " + snippet(from, to));
                }
                code = code * 10 + d;
            }
            if (code < 100 || code > 699) {
                throw new SipParseException("Status code out of range: " + snippet(from, to));
            }
            String phrase = i + 3 < to ? decode(i + 4, to, lineNonAscii) : "";
            return new SipResponse(code, phrase);
        }

        private void readRequestLine(int from, int to) {
            int[] bounds = new int[6];
            int count = 0;
            int i = from;
            while (i < to) {
                while (i < to && isWs(b[i])) {
                    i++;
                }
                if (i == to) {
                    break;
                }
                int start = i;
                while (i < to && !isWs(b[i])) {
                    i++;
                }
                if (count == 3) {
                    count++;
                    break;
                }
                bounds[2 * count] = start;
                bounds[2 * count + 1] = i;
                count++;
            }
            if (count >= 1 && isTokenRange(bounds[0], bounds[1])) {
                method = methodName(bounds[0], bounds[1]);
            }
            if (count != 3 || method == null) {
                error(BAD_REQUEST, "Malformed request line", snippet(from, to));
                return;
            }
            if (!equalsIgnoreCase(bounds[4], bounds[5], "SIP/2.0")) {
                if (isSipVersion(bounds[4], bounds[5])) {
                    error(VERSION_NOT_SUPPORTED, "SIP version not supported", snippet(bounds[4], bounds[5]));
                } else {
                    error(BAD_REQUEST, "Malformed request line", snippet(from, to));
                }
                return;
            }
            SipUri uri;
            try {
                uri = SipUri.parse(decode(bounds[2], bounds[3], lineNonAscii));
            } catch (SipParseException e) {
                error(BAD_REQUEST, "Malformed Request-URI", e.getMessage());
                return;
            }
            if (uri.headers() != null) {
                error(BAD_REQUEST, "Request-URI with headers", snippet(bounds[2], bounds[3]));
                return;
            }
            requestUri = uri;
            message = new SipRequest(method, uri);
        }

        private String methodName(int from, int to) {
            int len = to - from;
            for (String known : SipMethod.ALL) {
                if (known.length() == len && equalsExact(from, known)) {
                    return known;
                }
            }
            return new String(b, from, len, StandardCharsets.ISO_8859_1);
        }

        private boolean isSipVersion(int from, int to) {
            if (to - from < 7 || !equalsIgnoreCase(from, from + 4, "SIP/")) {
                return false;
            }
            int dot = -1;
            for (int i = from + 4; i < to; i++) {
                if (b[i] == '.' && dot < 0 && i > from + 4) {
                    dot = i;
                } else if (b[i] < '0' || b[i] > '9') {
                    return false;
                }
            }
            return dot > 0 && dot < to - 1;
        }

        // ---- headers -------------------------------------------------------------------------

        /** Reads header lines; returns the index where the body starts. */
        private int readHeaders() {
            while (true) {
                if (pos >= end) {
                    flushHeader();
                    if (!datagram) {
                        error(BAD_REQUEST, "Header section not terminated", null);
                    }
                    return end;
                }
                scanLine(pos);
                int from = pos;
                pos = nextLine();
                if (contentEnd == from) {
                    flushHeader();
                    return pos;
                }
                if (lineBareCr) {
                    flushHeader();
                    error(BAD_REQUEST, "Bare CR in a header line", snippet(from, contentEnd));
                    skippingMalformed = true;
                    continue;
                }
                if (isWs(b[from])) {
                    if (hName != null) {
                        hEnd = contentEnd;
                        hFolded = true;
                        hNonAscii |= lineNonAscii;
                    } else if (!skippingMalformed) {
                        error(BAD_REQUEST, "Folded line without a header", snippet(from, contentEnd));
                        skippingMalformed = true;
                    }
                    continue;
                }
                flushHeader();
                int i = from;
                while (i < contentEnd && isToken(b[i])) {
                    i++;
                }
                int nameEnd = i;
                while (i < contentEnd && isWs(b[i])) {
                    i++;
                }
                if (nameEnd == from || i == contentEnd || b[i] != ':') {
                    error(BAD_REQUEST, "Malformed header line", snippet(from, contentEnd));
                    skippingMalformed = true;
                    continue;
                }
                skippingMalformed = false;
                String name = HeaderNames.canonical(b, from, nameEnd - from);
                hName = name != null ? name : new String(b, from, nameEnd - from, StandardCharsets.ISO_8859_1);
                hStart = i + 1;
                hEnd = contentEnd;
                hFolded = false;
                hNonAscii = lineNonAscii;
            }
        }

        private void flushHeader() {
            String name = hName;
            if (name == null) {
                return;
            }
            hName = null;
            byte[] src = b;
            int from = hStart;
            int to = hEnd;
            if (hFolded) {
                src = unfold(hStart, hEnd);
                from = 0;
                to = src.length;
            }
            while (from < to && isWs(src[from])) {
                from++;
            }
            while (to > from && isWs(src[to - 1])) {
                to--;
            }
            if (name == HeaderNames.CONTENT_LENGTH) {
                readContentLength(src, from, to);
                return;
            }
            String value = new String(src, from, to - from,
                    hNonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            if (isList(name)) {
                addList(name, value);
            } else {
                add(name, value);
            }
        }

        /** Adds a header entry, marked ASCII when its lines had no other byte. */
        private void add(String name, String value) {
            if (hNonAscii) {
                message.addHeader(name, value);
            } else {
                message.addAsciiHeader(name, value);
            }
        }

        /** Joins folded lines: each line break with the blanks around it becomes one SP (RFC 3261 §7.3.1). */
        private byte[] unfold(int from, int to) {
            byte[] out = new byte[to - from];
            int n = 0;
            int i = from;
            while (i < to) {
                byte c = b[i];
                if (c == '\r' || c == '\n') {
                    while (n > 0 && isWs(out[n - 1])) {
                        n--;
                    }
                    while (i < to && (b[i] == '\r' || b[i] == '\n' || isWs(b[i]))) {
                        i++;
                    }
                    out[n++] = ' ';
                } else {
                    out[n++] = c;
                    i++;
                }
            }
            return Arrays.copyOf(out, n);
        }

        /** Adds one entry per comma-separated value, commas inside quotes and {@code <>} excepted. */
        private void addList(String name, String value) {
            int n = value.length();
            int start = 0;
            boolean quoted = false;
            boolean angled = false;
            boolean added = false;
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (quoted) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == '<') {
                    angled = true;
                } else if (c == '>') {
                    angled = false;
                } else if (c == ',' && !angled) {
                    added |= addTrimmed(name, value, start, i);
                    start = i + 1;
                }
            }
            if (start == 0) {
                add(name, value);
            } else if (!addTrimmed(name, value, start, n) && !added) {
                add(name, "");
            }
        }

        private boolean addTrimmed(String name, String value, int from, int to) {
            while (from < to && isWs(value.charAt(from))) {
                from++;
            }
            while (to > from && isWs(value.charAt(to - 1))) {
                to--;
            }
            if (from == to) {
                return false;
            }
            add(name, value.substring(from, to));
            return true;
        }

        private void readContentLength(byte[] src, int from, int to) {
            int n = to - from;
            long v = 0;
            for (int i = from; i < to; i++) {
                int d = src[i] - '0';
                if (d < 0 || d > 9 || n > 10) {
                    error(BAD_REQUEST, "Malformed Content-Length", decode(src, from, to));
                    return;
                }
                v = v * 10 + d;
            }
            if (n == 0) {
                error(BAD_REQUEST, "Malformed Content-Length", "");
                return;
            }
            if (contentLength >= 0 && contentLength != v) {
                error(BAD_REQUEST, "Conflicting Content-Length values", contentLength + " and " + v);
                return;
            }
            contentLength = v;
        }

        // ---- body ----------------------------------------------------------------------------

        private byte[] readBody(int bodyStart) {
            int remaining = end - bodyStart;
            int length;
            if (contentLength < 0) {
                if (!datagram && remaining > 0) {
                    error(BAD_REQUEST, "Missing Content-Length on a stream", null);
                    return null;
                }
                length = remaining;
            } else if (contentLength > remaining) {
                error(BAD_REQUEST, "Content-Length larger than the message",
                        contentLength + " declared, " + remaining + " present");
                return null;
            } else if (contentLength == 0 && datagram && remaining > 0 && message.hasHeader(HeaderNames.CONTENT_TYPE)
                    && !blank(bodyStart, end)) {
                length = remaining;
            } else {
                length = (int) contentLength;
            }
            return length == 0 ? null : Arrays.copyOfRange(b, bodyStart, bodyStart + length);
        }

        private boolean blank(int from, int to) {
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c != '\r' && c != '\n' && !isWs(c)) {
                    return false;
                }
            }
            return true;
        }

        // ---- validation ----------------------------------------------------------------------

        private void validate() {
            int vias = 0;
            int froms = 0;
            int tos = 0;
            int callIds = 0;
            int cseqs = 0;
            String emptyCallId = null;
            for (int i = 0; i < message.headerCount(); i++) {
                String name = message.headerName(i);
                if (name == HeaderNames.VIA) {
                    vias++;
                } else if (name == HeaderNames.FROM) {
                    froms++;
                } else if (name == HeaderNames.TO) {
                    tos++;
                } else if (name == HeaderNames.CALL_ID) {
                    callIds++;
                    if (message.headerValue(i).isEmpty()) {
                        emptyCallId = "";
                    }
                } else if (name == HeaderNames.CSEQ) {
                    cseqs++;
                }
            }
            if (vias == 0) {
                error(BAD_REQUEST, "Missing Via", null);
            } else {
                try {
                    message.vias();
                } catch (SipParseException e) {
                    error(BAD_REQUEST, "Malformed Via", e.getMessage());
                }
            }
            single(froms, "From");
            if (froms > 0) {
                try {
                    message.from();
                } catch (SipParseException e) {
                    error(BAD_REQUEST, "Malformed From", e.getMessage());
                }
            }
            single(tos, "To");
            if (tos > 0) {
                try {
                    message.to();
                } catch (SipParseException e) {
                    error(BAD_REQUEST, "Malformed To", e.getMessage());
                }
            }
            single(callIds, "Call-ID");
            if (emptyCallId != null) {
                error(BAD_REQUEST, "Empty Call-ID", null);
            }
            single(cseqs, "CSeq");
            CSeq cseq = cseqs > 0 ? cseqOrNull() : null;
            if (cseqs > 0 && cseq == null) {
                error(BAD_REQUEST, "Malformed CSeq", message.header(HeaderNames.CSEQ));
            } else if (cseq != null && method != null && !cseq.method().equals(method)) {
                error(BAD_REQUEST, "CSeq method does not match the request method", cseq.method());
            }
            for (int i = 0; i < message.headerCount(); i++) {
                if (message.headerName(i) == HeaderNames.CONTACT && !message.headerValue(i).equals("*")) {
                    try {
                        NameAddress.parse(message.headerValue(i));
                    } catch (SipParseException e) {
                        error(BAD_REQUEST, "Malformed Contact", e.getMessage());
                    }
                }
            }
        }

        private void single(int count, String name) {
            if (count == 0) {
                error(BAD_REQUEST, "Missing " + name, null);
            } else if (count > 1) {
                error(BAD_REQUEST, "Duplicate " + name, null);
            }
        }

        private CSeq cseqOrNull() {
            try {
                return message.cseq();
            } catch (SipParseException e) {
                return null;
            }
        }

        // ---- errors --------------------------------------------------------------------------

        private void error(int code, String why, String context) {
            if (reason == null) {
                status = code;
                reason = why;
                detail = context == null ? why : why + ": " + shorten(context);
            }
        }

        private SipParseException failure() {
            if (response) {
                return new SipParseException("Malformed response, " + detail);
            }
            CSeq cseq = cseqOrNull();
            String partialMethod = method != null ? method : cseq != null ? cseq.method() : null;
            boolean hasVia = message.hasHeader(HeaderNames.VIA);
            boolean recognisable = method != null || (cseq != null && hasVia && message.hasHeader(HeaderNames.FROM)
                    && message.hasHeader(HeaderNames.TO) && message.hasHeader(HeaderNames.CALL_ID));
            if (partialMethod == null || !hasVia || !recognisable) {
                return new SipParseException("Not an answerable SIP request, " + detail);
            }
            SipRequest partial = new SipRequest(partialMethod, requestUri != null ? requestUri : toUriOrUnknown());
            partial.copyHeaders(message, HeaderNames.VIA);
            partial.copyHeaders(message, HeaderNames.FROM);
            partial.copyHeaders(message, HeaderNames.TO);
            partial.copyHeaders(message, HeaderNames.CALL_ID);
            partial.copyHeaders(message, HeaderNames.CSEQ);
            return new SipBadRequestException("Bad request, " + detail, status, reason, partial);
        }

        private SipUri toUriOrUnknown() {
            try {
                NameAddress to = message.to();
                return to != null ? to.uri() : UNKNOWN_URI;
            } catch (SipParseException e) {
                return UNKNOWN_URI;
            }
        }

        // ---- bytes ---------------------------------------------------------------------------

        /** Finds the end of the line starting at {@code from}; notes non-ASCII bytes and bare CRs. */
        private void scanLine(int from) {
            boolean high = false;
            boolean bareCr = false;
            int i = from;
            for (; i < end; i++) {
                byte c = b[i];
                if (c == '\n') {
                    break;
                }
                if (c < 0) {
                    high = true;
                } else if (c == '\r' && i + 1 < end && b[i + 1] != '\n') {
                    bareCr = true;
                }
            }
            lineEnd = i;
            contentEnd = i > from && b[i - 1] == '\r' ? i - 1 : i;
            lineNonAscii = high;
            lineBareCr = bareCr;
        }

        private int nextLine() {
            return lineEnd < end ? lineEnd + 1 : end;
        }

        private String decode(int from, int to, boolean nonAscii) {
            return new String(b, from, to - from, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }

        private static String decode(byte[] src, int from, int to) {
            return new String(src, from, to - from, StandardCharsets.UTF_8);
        }

        private boolean isTokenRange(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!isToken(b[i])) {
                    return false;
                }
            }
            return to > from;
        }

        private boolean equalsIgnoreCase(int from, int to, String ascii) {
            if (to - from != ascii.length()) {
                return false;
            }
            for (int i = 0; i < ascii.length(); i++) {
                int c = b[from + i];
                int e = ascii.charAt(i);
                if (c != e && ((c | 0x20) != (e | 0x20) || (e | 0x20) < 'a' || (e | 0x20) > 'z')) {
                    return false;
                }
            }
            return true;
        }

        private boolean equalsExact(int from, String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                if (b[from + i] != ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private String snippet(int from, int to) {
            return shorten(decode(from, Math.min(to, from + 160), true));
        }

        /** At most 160 chars of peer text for a log line, control characters shown as {@code ?}. */
        private static String shorten(String s) {
            StringBuilder sb = new StringBuilder(Math.min(s.length(), 163));
            for (int i = 0; i < s.length() && i < 160; i++) {
                char c = s.charAt(i);
                sb.append(c < ' ' || c == 0x7F ? '?' : c);
            }
            return s.length() > 160 ? sb.append("...").toString() : sb.toString();
        }
    }
}
