package dev.gb28181.sip.testsupport;

import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.codec.SipEncoder;
import dev.gb28181.sip.codec.SipParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device on a plain {@link DatagramSocket} (no code of the stack on its receiving side): a reader
 * thread keeps every datagram it gets, so tests can both take them in order and count them.
 */
public final class UdpPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final Thread reader;

    public UdpPeer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::read, "udp-peer-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            all.add(text);
            inbox.add(text);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    public void send(String text, int stackPort) {
        send(text.getBytes(StandardCharsets.UTF_8), stackPort);
    }

    public void send(SipMessage message, int stackPort) {
        send(SipEncoder.encode(message), stackPort);
    }

    public void send(byte[] bytes, int stackPort) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), stackPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, waiting up to 5 s; fails the test when none comes. */
    public String take() {
        try {
            String next = inbox.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("No datagram within 5 s on port " + port());
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next datagram, parsed. */
    public SipMessage takeMessage() {
        byte[] bytes = take().getBytes(StandardCharsets.UTF_8);
        return SipParser.parse(bytes, 0, bytes.length, true);
    }

    /** Every datagram received so far. */
    public List<String> received() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        socket.close();
    }
}
