package dev.gb28181.sip;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A SIP request or response (RFC 3261 §7): ordered header fields and an opaque body.
 *
 * <p>Header values are kept as the text the peer sent, one entry per value (a comma-separated list
 * in one line, e.g. two Via values, becomes two entries); names are stored in their
 * {@linkplain HeaderNames#canonical(String) canonical spelling}. Typed views (Via, From, To, CSeq)
 * are parsed on first use and cached, so a message that is only routed by Call-ID and CSeq never
 * pays for parsing the rest. The body is bytes: MANSCDP bodies are GB2312/GB18030 and are decoded
 * by the layer that knows their charset.
 *
 * <p>Header text is UTF-8 (RFC 3261 §7.3.1) and nearly always ASCII. An entry whose producer knows
 * it is ASCII (a decoder that saw its bytes) is marked so, and keeps the mark when a response copies
 * it, so the encoder copies it without checking each character.
 */
public abstract class SipMessage {

    private static final byte[] NO_BODY = new byte[0];

    private String[] names = new String[12];
    private String[] values = new String[12];
    private int size;
    /** Bit {@code i} set: entry {@code i} is known to be ASCII. Entries from the 65th on are never marked. */
    private long asciiEntries;
    private byte[] body = NO_BODY;

    private List<Via> vias;
    private NameAddress from;
    private NameAddress to;
    private CSeq cseq;

    /** The start line without CRLF. */
    public abstract String startLine();

    public abstract boolean isRequest();

    // ---- raw header access -------------------------------------------------------------------

    /** Adds one header value after the existing ones with the same name. */
    public SipMessage addHeader(String name, String value) {
        return insert(size, HeaderNames.canonical(name), value, false);
    }

    /**
     * {@link #addHeader(String, String)} for a name and value the caller knows to be ASCII, as a decoder
     * knows of the bytes it read: the encoder then copies them without checking each character. Text
     * with any other character must be added with {@code addHeader}, or it would be written wrongly.
     */
    public SipMessage addAsciiHeader(String name, String value) {
        return insert(size, HeaderNames.canonical(name), value, true);
    }

    /** Adds a header value in front of all others of that name (a proxy's Via, RFC 3261 §16.6). */
    public SipMessage addHeaderFirst(String name, String value) {
        String canonical = HeaderNames.canonical(name);
        int at = indexOf(canonical, 0);
        return insert(at >= 0 ? at : size, canonical, value, false);
    }

    /** Puts an entry at index {@code at}, moving the later ones up; {@code at == size} appends. */
    private SipMessage insert(int at, String canonical, String value, boolean ascii) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        if (at < size) {
            System.arraycopy(names, at, names, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            long below = bit(at) - 1; // every bit when at >= 64: nothing there is marked, nothing moves
            asciiEntries = (asciiEntries & below) | ((asciiEntries & ~below) << 1);
        }
        names[at] = canonical;
        values[at] = value;
        markAscii(at, ascii);
        size++;
        invalidate(canonical);
        return this;
    }

    /** Replaces all values of a header with one value (or removes it when {@code value} is null). */
    public SipMessage setHeader(String name, String value) {
        String canonical = HeaderNames.canonical(name);
        int first = indexOf(canonical, 0);
        if (first < 0) {
            return value == null ? this : addHeader(canonical, value);
        }
        if (value == null) {
            removeHeader(canonical);
            return this;
        }
        values[first] = value;
        markAscii(first, false);
        removeFrom(first + 1, canonical);
        return this;
    }

    /** Removes every value of a header. */
    public SipMessage removeHeader(String name) {
        removeFrom(0, HeaderNames.canonical(name));
        return this;
    }

    /** Removes the entries named {@code canonical} from index {@code from} on, keeping the others in order. */
    private void removeFrom(int from, String canonical) {
        long ascii = asciiEntries & (bit(from) - 1);
        int w = from;
        for (int r = from; r < size; r++) {
            if (!sameName(names[r], canonical)) {
                names[w] = names[r];
                values[w] = values[r];
                if ((asciiEntries & bit(r)) != 0) {
                    ascii |= bit(w);
                }
                w++;
            }
        }
        Arrays.fill(names, w, size, null);
        Arrays.fill(values, w, size, null);
        asciiEntries = ascii;
        size = w;
        invalidate(canonical);
    }

    /** The first value of a header, or {@code null}. Names are matched case-insensitively. */
    public String header(String name) {
        int i = indexOf(HeaderNames.canonical(name), 0);
        return i < 0 ? null : values[i];
    }

    /** Every value of a header in message order. */
    public List<String> headers(String name) {
        String canonical = HeaderNames.canonical(name);
        List<String> result = null;
        for (int i = 0; i < size; i++) {
            if (sameName(names[i], canonical)) {
                if (result == null) {
                    result = new ArrayList<>(2);
                }
                result.add(values[i]);
            }
        }
        return result == null ? Collections.emptyList() : result;
    }

    public boolean hasHeader(String name) {
        return indexOf(HeaderNames.canonical(name), 0) >= 0;
    }

    /** Number of header entries. */
    public int headerCount() {
        return size;
    }

    /** The canonical name of entry {@code i}, {@code 0 <= i < headerCount()}. */
    public String headerName(int i) {
        return names[i];
    }

    /** The value of entry {@code i}. */
    public String headerValue(int i) {
        return values[i];
    }

    /**
     * Whether entry {@code i}'s name and value are known to be ASCII: added with
     * {@link #addAsciiHeader(String, String)} or copied from such an entry. {@code false} means unknown.
     */
    public boolean headerIsAscii(int i) {
        return (asciiEntries & bit(i)) != 0;
    }

    /** The mask bit of entry {@code i}; 0 from the 65th entry on, which are never marked. */
    private static long bit(int i) {
        return i < 64 ? 1L << i : 0;
    }

    private void markAscii(int i, boolean ascii) {
        asciiEntries = ascii ? asciiEntries | bit(i) : asciiEntries & ~bit(i);
    }

    private int indexOf(String canonical, int from) {
        for (int i = from; i < size; i++) {
            if (sameName(names[i], canonical)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameName(String stored, String canonical) {
        // known names are interned constants after canonical(); unknown names compare ignoring case
        return stored == canonical || stored.equalsIgnoreCase(canonical);
    }

    private void invalidate(String canonical) {
        switch (canonical) {
            case HeaderNames.VIA -> vias = null;
            case HeaderNames.FROM -> from = null;
            case HeaderNames.TO -> to = null;
            case HeaderNames.CSEQ -> cseq = null;
            default -> {
            }
        }
    }

    // ---- typed views -------------------------------------------------------------------------

    /** All Via values, topmost first. */
    public List<Via> vias() {
        if (vias == null) {
            List<Via> parsed = new ArrayList<>(2);
            for (int i = 0; i < size; i++) {
                if (names[i] == HeaderNames.VIA) {
                    parsed.add(Via.parse(values[i]));
                }
            }
            vias = Collections.unmodifiableList(parsed);
        }
        return vias;
    }

    /** The topmost Via, or {@code null}. */
    public Via topVia() {
        List<Via> v = vias();
        return v.isEmpty() ? null : v.get(0);
    }

    /**
     * Replaces the topmost Via value, keeping its place among the headers: how a server records
     * {@code received} and {@code rport} (RFC 3261 §18.2.1, RFC 3581 §4). Adds a Via when there is none.
     */
    public SipMessage setTopVia(Via via) {
        for (int i = 0; i < size; i++) {
            if (names[i] == HeaderNames.VIA) {
                values[i] = via.toString();
                markAscii(i, false);
                vias = null;
                return this;
            }
        }
        return addHeader(HeaderNames.VIA, via.toString());
    }

    public NameAddress from() {
        if (from == null) {
            String v = header(HeaderNames.FROM);
            from = v == null ? null : NameAddress.parse(v);
        }
        return from;
    }

    public NameAddress to() {
        if (to == null) {
            String v = header(HeaderNames.TO);
            to = v == null ? null : NameAddress.parse(v);
        }
        return to;
    }

    public CSeq cseq() {
        if (cseq == null) {
            String v = header(HeaderNames.CSEQ);
            cseq = v == null ? null : CSeq.parse(v);
        }
        return cseq;
    }

    public String callId() {
        return header(HeaderNames.CALL_ID);
    }

    /** The Expires header as seconds, or -1 when absent or not a number. */
    public long expires() {
        String v = header(HeaderNames.EXPIRES);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String contentType() {
        return header(HeaderNames.CONTENT_TYPE);
    }

    // ---- body --------------------------------------------------------------------------------

    /** The body bytes (never {@code null}); the array is the message's own, do not modify it. */
    public byte[] body() {
        return body;
    }

    /**
     * Sets the body; the encoder writes Content-Length from its length, so callers never set
     * Content-Length themselves.
     */
    public SipMessage body(byte[] bytes) {
        this.body = bytes == null ? NO_BODY : bytes;
        return this;
    }

    /** Sets a body and its Content-Type. */
    public SipMessage body(String contentType, byte[] bytes) {
        setHeader(HeaderNames.CONTENT_TYPE, contentType);
        return body(bytes);
    }

    public String bodyAsString(Charset charset) {
        return new String(body, charset);
    }

    public String bodyAsString() {
        return bodyAsString(StandardCharsets.UTF_8);
    }

    /** Copies every header of {@code source} named {@code name} into this message. */
    public SipMessage copyHeaders(SipMessage source, String name) {
        String canonical = HeaderNames.canonical(name);
        for (int i = 0, n = source.size; i < n; i++) {
            if (sameName(source.names[i], canonical)) {
                insert(size, canonical, source.values[i], source.headerIsAscii(i));
            }
        }
        return this;
    }

    /** Copies the first header of {@code source} named {@code canonical}, if it has one, into this message. */
    void copyFirstHeader(SipMessage source, String canonical) {
        int i = source.indexOf(canonical, 0);
        if (i >= 0) {
            insert(size, canonical, source.values[i], source.headerIsAscii(i));
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(256);
        sb.append(startLine()).append("\r\n");
        for (int i = 0; i < size; i++) {
            sb.append(names[i]).append(": ").append(values[i]).append("\r\n");
        }
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        if (body.length > 0) {
            sb.append(new String(body, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
