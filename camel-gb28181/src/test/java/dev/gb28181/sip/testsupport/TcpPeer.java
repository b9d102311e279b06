package dev.gb28181.sip.testsupport;

import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.codec.SipEncoder;
import dev.gb28181.sip.codec.SipFraming;
import dev.gb28181.sip.codec.SipParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A device on a plain {@link Socket}: writes raw bytes, reads whole SIP messages (blocking, 5 s limit). */
public final class TcpPeer implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteBuf buffer = Unpooled.buffer();

    public TcpPeer(Socket socket) {
        try {
            this.socket = socket;
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TcpPeer connect(int port) {
        try {
            return new TcpPeer(new Socket(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The peer's own address, as the stack sees it. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(SipMessage message) {
        write(SipEncoder.encode(message));
    }

    public void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next complete message on the stream. */
    public SipMessage readMessage() {
        byte[] bytes = readText().getBytes(StandardCharsets.UTF_8);
        return SipParser.parse(bytes, 0, bytes.length, false);
    }

    /** The next complete message on the stream, as text. */
    public String readText() {
        while (true) {
            int length = SipFraming.messageLength(buffer);
            if (length > 0) {
                String text = buffer.readCharSequence(length, StandardCharsets.UTF_8).toString();
                buffer.discardReadBytes();
                return text;
            }
            if (length < 0) {
                buffer.skipBytes(length == SipFraming.PING ? 4 : -length);
                continue;
            }
            if (fill() < 0) {
                throw new AssertionError("Connection closed before a complete message");
            }
        }
    }

    /** Exactly {@code n} raw bytes. */
    public String readRaw(int n) {
        while (buffer.readableBytes() < n) {
            if (fill() < 0) {
                throw new AssertionError("Connection closed after " + buffer.readableBytes() + " bytes");
            }
        }
        String text = buffer.readCharSequence(n, StandardCharsets.UTF_8).toString();
        buffer.discardReadBytes();
        return text;
    }

    /** True when the stack closed the connection (end of stream or reset) within 5 s. */
    public boolean closedByPeer() {
        try {
            while (true) {
                if (fillOrThrow() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int fill() {
        try {
            return fillOrThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int fillOrThrow() throws IOException {
        byte[] chunk = new byte[8192];
        int n = in.read(chunk);
        if (n > 0) {
            buffer.writeBytes(chunk, 0, n);
        }
        return n;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
