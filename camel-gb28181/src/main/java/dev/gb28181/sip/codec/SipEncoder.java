package dev.gb28181.sip.codec;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Writes a SIP message in the form of RFC 3261 §7: the start line, one {@code Name: value} line per
 * header entry in message order, {@code Content-Length} computed from the body (§20.14, mandatory on
 * streams and always written), the empty line and the body bytes unchanged.
 *
 * <p>The text is written in one pass straight into the result array: ASCII characters as single bytes,
 * anything else as UTF-8 (§7.3.1), without intermediate Strings per header. A Content-Length entry
 * added to the message by hand is ignored in favour of the body's.
 */
public final class SipEncoder {

    private static final String VERSION = "SIP/2.0";
    private static final String CONTENT_LENGTH = "Content-Length: ";

    private SipEncoder() {
    }

    /** Appends the encoded message to {@code out}; {@code Unpooled.wrappedBuffer(encode(m))} avoids the copy. */
    public static void encode(SipMessage m, ByteBuf out) {
        out.writeBytes(encode(m));
    }

    /** The encoded message as a new array of exactly its length. */
    public static byte[] encode(SipMessage m) {
        Writer w = new Writer(m);
        if (m instanceof SipRequest) {
            SipRequest r = (SipRequest) m;
            w.put(r.method());
            w.put(' ');
            w.put(w.uri);
            w.put(' ');
            w.put(VERSION);
        } else {
            SipResponse r = (SipResponse) m;
            w.put(VERSION);
            w.put(' ');
            w.putInt(r.status());
            w.put(' ');
            w.put(r.reason());
        }
        w.crlf();
        for (int i = 0, count = m.headerCount(); i < count; i++) {
            String name = m.headerName(i);
            if (name != HeaderNames.CONTENT_LENGTH) {
                w.put(name);
                w.put(':');
                w.put(' ');
                w.put(m.headerValue(i));
                w.crlf();
            }
        }
        byte[] body = m.body();
        w.put(CONTENT_LENGTH);
        w.putInt(body.length);
        w.crlf();
        w.crlf();
        return w.finish(body);
    }

    /**
     * Writes into an array sized for one byte per character; a non-ASCII character grows it by the
     * extra bytes its UTF-8 form needs, so all-ASCII text (nearly every SIP header) is written in one pass.
     */
    private static final class Writer {
        final String uri;
        private byte[] dst;
        private int p;
        private int slack;

        Writer(SipMessage m) {
            int chars;
            if (m instanceof SipRequest) {
                uri = ((SipRequest) m).requestUri().toString();
                chars = ((SipRequest) m).method().length() + uri.length() + VERSION.length() + 4;
            } else {
                uri = null;
                chars = VERSION.length() + 7 + ((SipResponse) m).reason().length();
            }
            for (int i = 0, count = m.headerCount(); i < count; i++) {
                chars += m.headerName(i).length() + m.headerValue(i).length() + 4;
            }
            int body = m.body().length;
            dst = new byte[chars + CONTENT_LENGTH.length() + digits(body) + 4 + body];
        }

        void put(char ascii) {
            dst[p++] = (byte) ascii;
        }

        void crlf() {
            dst[p++] = '\r';
            dst[p++] = '\n';
        }

        /**
         * ASCII text (checked with an OR over its chars, a loop the JIT vectorises) is copied with
         * {@link String#getBytes(int, int, byte[], int)}, an array copy for Latin-1 strings that keeps each
         * char's low 8 bits: exact for ASCII, the only case it is used for. Other text goes char by char.
         */
        @SuppressWarnings("deprecation")
        void put(String s) {
            int n = s.length();
            int or = 0;
            for (int i = 0; i < n; i++) {
                or |= s.charAt(i);
            }
            if (or < 0x80) {
                s.getBytes(0, n, dst, p);
                p += n;
                return;
            }
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    dst[p++] = (byte) c;
                } else {
                    i = putNonAscii(s, i, c);
                }
            }
        }

        /** Writes the character at {@code i} as UTF-8 (an unpaired surrogate as {@code ?}); returns the last index used. */
        private int putNonAscii(String s, int i, char c) {
            if (c < 0x800) {
                grow(1);
                dst[p++] = (byte) (0xC0 | (c >> 6));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                grow(2); // two chars were counted for four bytes
                dst[p++] = (byte) (0xF0 | (cp >> 18));
                dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (cp & 0x3F));
                return i + 1;
            }
            if (Character.isSurrogate(c)) {
                dst[p++] = '?';
                return i;
            }
            grow(2);
            dst[p++] = (byte) (0xE0 | (c >> 12));
            dst[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            dst[p++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }

        /** Makes room for {@code extra} bytes beyond the one per character already reserved. */
        private void grow(int extra) {
            if (slack < extra) {
                int added = Math.max(extra, dst.length / 2);
                dst = Arrays.copyOf(dst, dst.length + added);
                slack += added;
            }
            slack -= extra;
        }

        void putInt(int v) {
            int d = digits(v);
            for (int i = p + d - 1; i >= p; i--) {
                dst[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            p += d;
        }

        byte[] finish(byte[] body) {
            int end = p + body.length;
            byte[] out = end == dst.length ? dst : Arrays.copyOf(dst, end);
            System.arraycopy(body, 0, out, p, body.length);
            return out;
        }
    }

    private static int digits(int v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }
}
