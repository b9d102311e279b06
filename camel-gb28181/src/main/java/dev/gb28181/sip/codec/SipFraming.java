package dev.gb28181.sip.codec;

import dev.gb28181.sip.SipParseException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/**
 * Finds message boundaries on a stream transport (TCP). RFC 3261 §18.3: on a stream the header section
 * ends at the first empty line and Content-Length, mandatory there, gives the body's length; CRLFs
 * before a start line are ignored (§7.5). RFC 5626 §4.4.1: a client keeps a connection alive with a
 * double-CRLF "ping", which the server answers with a single-CRLF "pong".
 *
 * <p>{@link #messageLength(ByteBuf)} inspects the bytes at the reader index and returns:
 * <ul>
 *   <li>a positive number: the length of the complete message starting there, to hand to
 *       {@link SipParser#parse(byte[], int, int, boolean)} with {@code datagram = false};</li>
 *   <li>{@link #INCOMPLETE}: more bytes are needed;</li>
 *   <li>{@link #PING}: a CRLFCRLF keepalive: discard its 4 bytes and write {@link #pong()};</li>
 *   <li>any other negative number {@code -n}: {@code n} stray line-break bytes to discard unanswered.</li>
 * </ul>
 * It throws {@link SipParseException} when the stream cannot be framed any more (a header section or
 * message over {@link SipParser#MAX_MESSAGE_SIZE}, a missing or invalid Content-Length, a bare CR); the
 * connection should then be closed, as RFC 4475 §3.3.9 advises for a framing error on a stream.
 */
public final class SipFraming {

    /** More bytes are needed before anything can be consumed. */
    public static final int INCOMPLETE = 0;

    /** A CRLFCRLF keepalive ping (RFC 5626 §4.4.1) of 4 bytes; answer it with {@link #pong()}. */
    public static final int PING = -4;

    private static final int MAX = SipParser.MAX_MESSAGE_SIZE;
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);

    private SipFraming() {
    }

    /** The CRLF pong that answers a {@link #PING}, as a new buffer. */
    public static ByteBuf pong() {
        return Unpooled.wrappedBuffer(new byte[] {'\r', '\n'});
    }

    /** {@link #messageLength(ByteBuf)} over {@code buf[offset, offset + length)}. */
    public static int messageLength(byte[] buf, int offset, int length) {
        return messageLength(Unpooled.wrappedBuffer(buf, offset, length));
    }

    /** Frames the bytes from the reader index to the writer index; does not move either index. */
    public static int messageLength(ByteBuf buf) {
        int start = buf.readerIndex();
        int limit = buf.writerIndex();
        int readable = limit - start;
        if (readable == 0) {
            return INCOMPLETE;
        }
        byte first = buf.getByte(start);
        if (first == '\n') {
            return -1;
        }
        if (first == '\r') {
            return keepalive(buf, start, readable);
        }
        return message(buf, start, limit);
    }

    private static int keepalive(ByteBuf buf, int start, int readable) {
        if (readable < 2) {
            return INCOMPLETE;
        }
        if (buf.getByte(start + 1) != '\n') {
            throw new SipParseException("Bare CR on the stream");
        }
        if (readable == 2 || (readable == 3 && buf.getByte(start + 2) == '\r')) {
            return INCOMPLETE; // the first half of a ping, or a stray CRLF: the next bytes tell
        }
        return buf.getByte(start + 2) == '\r' && buf.getByte(start + 3) == '\n' ? PING : -2;
    }

    private static int message(ByteBuf buf, int start, int limit) {
        int searchLimit = Math.min(limit, start + MAX);
        ContentLength cl = new ContentLength();
        int line = start;
        while (true) {
            int lf = buf.indexOf(line, searchLimit, (byte) '\n');
            if (lf < 0) {
                if (limit - start >= MAX) {
                    throw new SipParseException("SIP header section exceeds " + MAX + " bytes");
                }
                return INCOMPLETE;
            }
            int contentEnd = lf > line && buf.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            if (contentEnd == line) {
                cl.endHeader();
                if (cl.value < 0) {
                    throw new SipParseException("Stream message without Content-Length (RFC 3261 §18.3)");
                }
                long total = (long) lf + 1 - start + cl.value;
                if (total > MAX) {
                    throw new SipParseException("SIP message of " + total + " bytes exceeds " + MAX + " bytes");
                }
                return limit - start < total ? INCOMPLETE : (int) total;
            }
            byte c = buf.getByte(line);
            if (c == ' ' || c == '\t') {
                cl.feed(buf, line, contentEnd);
            } else {
                cl.endHeader();
                int valueStart = contentLengthValue(buf, line, contentEnd);
                if (valueStart >= 0) {
                    cl.startHeader();
                    cl.feed(buf, valueStart, contentEnd);
                }
            }
            line = lf + 1;
        }
    }

    /** Index after the colon when the line is a Content-Length ({@code l}) header, else -1. */
    private static int contentLengthValue(ByteBuf buf, int from, int to) {
        int i = from;
        while (i < to) {
            byte c = buf.getByte(i);
            if (c == ':' || c == ' ' || c == '\t') {
                break;
            }
            i++;
        }
        int nameLength = i - from;
        if (nameLength == 1) {
            if ((buf.getByte(from) | 0x20) != 'l') {
                return -1;
            }
        } else if (nameLength == CONTENT_LENGTH.length) {
            for (int k = 0; k < nameLength; k++) {
                if ((buf.getByte(from + k) | 0x20) != CONTENT_LENGTH[k]) {
                    return -1;
                }
            }
        } else {
            return -1;
        }
        while (i < to && (buf.getByte(i) == ' ' || buf.getByte(i) == '\t')) {
            i++;
        }
        return i < to && buf.getByte(i) == ':' ? i + 1 : -1;
    }

    /** The Content-Length value being read, possibly over folded lines (RFC 3261 §7.3.1). */
    private static final class ContentLength {
        long value = -1;
        private boolean reading;
        private long current;
        private boolean blankAfterDigits;

        void startHeader() {
            reading = true;
            current = -1;
            blankAfterDigits = false;
        }

        void feed(ByteBuf buf, int from, int to) {
            if (!reading) {
                return;
            }
            for (int i = from; i < to; i++) {
                byte c = buf.getByte(i);
                if (c == ' ' || c == '\t') {
                    blankAfterDigits = current >= 0;
                } else if (c < '0' || c > '9' || blankAfterDigits) {
                    throw new SipParseException("Invalid Content-Length on a stream");
                } else {
                    current = (current < 0 ? 0 : current * 10) + (c - '0');
                    if (current > MAX) {
                        throw new SipParseException("Content-Length exceeds " + MAX + " bytes");
                    }
                }
            }
        }

        void endHeader() {
            if (!reading) {
                return;
            }
            reading = false;
            if (current < 0) {
                throw new SipParseException("Empty Content-Length on a stream");
            }
            if (value >= 0 && value != current) {
                throw new SipParseException("Conflicting Content-Length values on a stream");
            }
            value = current;
        }
    }
}
