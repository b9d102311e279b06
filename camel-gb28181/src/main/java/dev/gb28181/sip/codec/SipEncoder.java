package dev.gb28181.sip.codec;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import io.netty.buffer.ByteBuf;

/**
 * Writes a SIP message in the form of RFC 3261 §7: the start line, one {@code Name: value} line per
 * header entry in message order, {@code Content-Length} computed from the body (§20.14, mandatory on
 * streams and always written), the empty line and the body bytes unchanged.
 *
 * <p>The exact size is computed first and the text written straight into the target array: ASCII
 * characters as single bytes, anything else as UTF-8 (§7.3.1), without intermediate Strings per
 * header. A Content-Length entry added to the message by hand is ignored in favour of the body's.
 */
public final class SipEncoder {

    private static final String VERSION = "SIP/2.0";
    private static final String CONTENT_LENGTH = "Content-Length: ";

    private SipEncoder() {
    }

    /** Appends the encoded message to {@code out}. */
    public static void encode(SipMessage m, ByteBuf out) {
        String uri = requestUri(m);
        int size = encodedLength(m, uri);
        out.ensureWritable(size);
        int writerIndex = out.writerIndex();
        if (out.hasArray()) {
            write(m, uri, out.array(), out.arrayOffset() + writerIndex);
            out.writerIndex(writerIndex + size);
        } else {
            byte[] bytes = new byte[size];
            write(m, uri, bytes, 0);
            out.writeBytes(bytes);
        }
    }

    /** The encoded message as a new array. */
    public static byte[] encode(SipMessage m) {
        String uri = requestUri(m);
        byte[] bytes = new byte[encodedLength(m, uri)];
        write(m, uri, bytes, 0);
        return bytes;
    }

    private static String requestUri(SipMessage m) {
        return m instanceof SipRequest ? ((SipRequest) m).requestUri().toString() : null;
    }

    private static int encodedLength(SipMessage m, String uri) {
        int n;
        if (m instanceof SipRequest) {
            n = utf8Length(((SipRequest) m).method()) + 1 + utf8Length(uri) + 1 + VERSION.length() + 2;
        } else {
            n = VERSION.length() + 5 + utf8Length(((SipResponse) m).reason()) + 2;
        }
        for (int i = 0, count = m.headerCount(); i < count; i++) {
            String name = m.headerName(i);
            if (name != HeaderNames.CONTENT_LENGTH) {
                n += utf8Length(name) + 2 + utf8Length(m.headerValue(i)) + 2;
            }
        }
        int bodyLength = m.body().length;
        return n + CONTENT_LENGTH.length() + digits(bodyLength) + 4 + bodyLength;
    }

    private static void write(SipMessage m, String uri, byte[] dst, int p) {
        if (m instanceof SipRequest) {
            p = put(dst, p, ((SipRequest) m).method());
            dst[p++] = ' ';
            p = put(dst, p, uri);
            dst[p++] = ' ';
            p = put(dst, p, VERSION);
        } else {
            SipResponse r = (SipResponse) m;
            p = put(dst, p, VERSION);
            dst[p++] = ' ';
            p = putInt(dst, p, r.status());
            dst[p++] = ' ';
            p = put(dst, p, r.reason());
        }
        dst[p++] = '\r';
        dst[p++] = '\n';
        for (int i = 0, count = m.headerCount(); i < count; i++) {
            String name = m.headerName(i);
            if (name == HeaderNames.CONTENT_LENGTH) {
                continue;
            }
            p = put(dst, p, name);
            dst[p++] = ':';
            dst[p++] = ' ';
            p = put(dst, p, m.headerValue(i));
            dst[p++] = '\r';
            dst[p++] = '\n';
        }
        byte[] body = m.body();
        p = put(dst, p, CONTENT_LENGTH);
        p = putInt(dst, p, body.length);
        dst[p++] = '\r';
        dst[p++] = '\n';
        dst[p++] = '\r';
        dst[p++] = '\n';
        System.arraycopy(body, 0, dst, p, body.length);
    }

    /** UTF-8 length as {@link #put} writes it (an unpaired surrogate becomes {@code ?}). */
    private static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    private static int put(byte[] dst, int p, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst[p++] = (byte) c;
            } else if (c < 0x800) {
                dst[p++] = (byte) (0xC0 | (c >> 6));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[p++] = (byte) (0xF0 | (cp >> 18));
                dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                dst[p++] = '?';
            } else {
                dst[p++] = (byte) (0xE0 | (c >> 12));
                dst[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    private static int digits(int v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    private static int putInt(byte[] dst, int p, int v) {
        int d = digits(v);
        for (int i = p + d - 1; i >= p; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + d;
    }
}
