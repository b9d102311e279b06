package dev.gb28181.sip.codec;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a SIP message in the form of RFC 3261 §7: the start line, one {@code Name: value} line per
 * header entry in message order, {@code Content-Length} computed from the body (§20.14, mandatory on
 * streams and always written), the empty line and the body bytes unchanged.
 *
 * <p>Nearly every SIP message is ASCII text, so the encoder sizes the output from the string lengths,
 * allocates it once and copies each string into it with a single array copy, checking that every
 * character was ASCII (header entries the message {@linkplain SipMessage#headerIsAscii(int) knows}
 * to be ASCII, such as those a parsed message was read with, are not checked again). Text with other
 * characters is written as UTF-8 (§7.3.1) on a slower path. A Content-Length entry added to the
 * message by hand is ignored in favour of the body's.
 */
public final class SipEncoder {

    private static final String VERSION = "SIP/2.0";
    private static final String CONTENT_LENGTH = "Content-Length: ";

    private SipEncoder() {
    }

    /**
     * Appends the encoded message to {@code out}, growing it as needed. A buffer with an accessible
     * array (a heap buffer) is written in place; a direct buffer gets one copy of the encoded bytes.
     */
    public static void encode(SipMessage m, ByteBuf out) {
        String uri = requestUri(m);
        int size = asciiSize(m, uri);
        if (out.hasArray()) {
            out.ensureWritable(size);
            if (writeAscii(m, uri, out.array(), out.arrayOffset() + out.writerIndex()) < 0x80) {
                out.writerIndex(out.writerIndex() + size);
                return;
            }
        } else {
            byte[] bytes = new byte[size];
            if (writeAscii(m, uri, bytes, 0) < 0x80) {
                out.writeBytes(bytes);
                return;
            }
        }
        out.writeBytes(encodeUtf8(m, uri));
    }

    /** The encoded message as a new array of exactly its length. */
    public static byte[] encode(SipMessage m) {
        String uri = requestUri(m);
        byte[] bytes = new byte[asciiSize(m, uri)];
        return writeAscii(m, uri, bytes, 0) < 0x80 ? bytes : encodeUtf8(m, uri);
    }

    private static String requestUri(SipMessage m) {
        return m instanceof SipRequest ? ((SipRequest) m).requestUri().toString() : null;
    }

    /** The encoded length when all text is ASCII (one byte per character). */
    private static int asciiSize(SipMessage m, String uri) {
        int size;
        if (uri != null) {
            size = ((SipRequest) m).method().length() + uri.length() + VERSION.length() + 4;
        } else {
            SipResponse r = (SipResponse) m;
            size = VERSION.length() + digits(r.status()) + r.reason().length() + 4;
        }
        for (int i = 0, count = m.headerCount(); i < count; i++) {
            String name = m.headerName(i);
            if (name != HeaderNames.CONTENT_LENGTH) {
                size += name.length() + m.headerValue(i).length() + 4;
            }
        }
        int body = m.body().length;
        return size + CONTENT_LENGTH.length() + digits(body) + 4 + body;
    }

    /**
     * Writes the message from {@code dst[p]} taking each character's low byte, and returns the OR of
     * all characters of the text not known to be ASCII: below 0x80 when it was all ASCII and the bytes
     * are right.
     */
    private static int writeAscii(SipMessage m, String uri, byte[] dst, int p) {
        int or;
        if (uri != null) {
            String method = ((SipRequest) m).method();
            or = or(method) | or(uri);
            p = put(dst, p, method);
            dst[p++] = ' ';
            p = put(dst, p, uri);
            dst[p++] = ' ';
            p = put(dst, p, VERSION);
        } else {
            SipResponse r = (SipResponse) m;
            or = or(r.reason());
            p = put(dst, p, VERSION);
            dst[p++] = ' ';
            p = putInt(dst, p, r.status());
            dst[p++] = ' ';
            p = put(dst, p, r.reason());
        }
        p = crlf(dst, p);
        for (int i = 0, count = m.headerCount(); i < count; i++) {
            String name = m.headerName(i);
            if (name != HeaderNames.CONTENT_LENGTH) {
                String value = m.headerValue(i);
                if (!m.headerIsAscii(i)) {
                    or |= or(name) | or(value);
                }
                p = put(dst, p, name);
                dst[p++] = ':';
                dst[p++] = ' ';
                p = put(dst, p, value);
                p = crlf(dst, p);
            }
        }
        byte[] body = m.body();
        p = put(dst, p, CONTENT_LENGTH);
        p = putInt(dst, p, body.length);
        p = crlf(dst, p);
        p = crlf(dst, p);
        System.arraycopy(body, 0, dst, p, body.length);
        return or;
    }

    /** The OR of all chars of {@code s}: a loop the JIT compiles to a few instructions per char. */
    private static int or(String s) {
        int or = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            or |= s.charAt(i);
        }
        return or;
    }

    /**
     * Copies the low byte of each char with {@link String#getBytes(int, int, byte[], int)}, an array copy
     * for Latin-1 strings: exact for ASCII, the only case whose result is kept.
     */
    @SuppressWarnings("deprecation")
    private static int put(byte[] dst, int p, String s) {
        int n = s.length();
        s.getBytes(0, n, dst, p);
        return p + n;
    }

    private static int crlf(byte[] dst, int p) {
        dst[p] = '\r';
        dst[p + 1] = '\n';
        return p + 2;
    }

    private static int putInt(byte[] dst, int p, int v) {
        int d = digits(v);
        for (int i = p + d - 1; i >= p; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + d;
    }

    private static int digits(int v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    /**
     * The rare path for text with non-ASCII characters: the head as UTF-8 (an unpaired surrogate,
     * which UTF-8 cannot carry, becomes {@code ?}), then the body.
     */
    private static byte[] encodeUtf8(SipMessage m, String uri) {
        StringBuilder head = new StringBuilder(512);
        if (uri != null) {
            head.append(((SipRequest) m).method()).append(' ').append(uri).append(' ').append(VERSION);
        } else {
            SipResponse r = (SipResponse) m;
            head.append(VERSION).append(' ').append(r.status()).append(' ').append(r.reason());
        }
        head.append("\r\n");
        for (int i = 0, count = m.headerCount(); i < count; i++) {
            String name = m.headerName(i);
            if (name != HeaderNames.CONTENT_LENGTH) {
                head.append(name).append(": ").append(m.headerValue(i)).append("\r\n");
            }
        }
        byte[] body = m.body();
        head.append(CONTENT_LENGTH).append(body.length).append("\r\n\r\n");
        byte[] text = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(text, text.length + body.length);
        System.arraycopy(body, 0, out, text.length, body.length);
        return out;
    }
}
