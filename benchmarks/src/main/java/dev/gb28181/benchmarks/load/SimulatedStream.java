package dev.gb28181.benchmarks.load;

import dev.gb28181.benchmarks.GeneratedPs;
import dev.gb28181.sdp.MediaTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The media side of one simulated camera channel (GB/T 28181-2016 §9.2): where its RTP goes (the
 * platform's SDP offer), how (UDP datagrams, or RFC 4571 frames on a TCP connection it opens for
 * {@code a=setup:active} or accepts for {@code a=setup:passive}), and its RTP state (sequence number,
 * timestamp, position in the shared {@link RtpFrames} loop). After {@link #open()} it is touched by one
 * sender thread only; its counters are read once that thread has ended.
 */
final class SimulatedStream {

    private static final int TCP_SEND_BUFFER = 256 * 1024;
    /** How long the platform may take to connect (TCP active) once it reported the session up. */
    private static final int ACCEPT_TIMEOUT_MILLIS = 10_000;

    final int index;
    final String channelId;
    private final MediaTransport transport;
    private final long ssrc;
    private final InetSocketAddress target;
    private final ServerSocketChannel listener;
    private SocketChannel connection;
    private int sequence;
    private final long firstTimestamp;
    private int frame;
    long framesSent;
    long packetsSent;
    long nextDue;

    /**
     * @param target   the platform's media address of the offer (UDP, TCP passive), else {@code null}
     * @param listener the socket the platform connects to (TCP active), else {@code null}
     */
    SimulatedStream(int index, String channelId, MediaTransport transport, long ssrc, InetSocketAddress target,
            ServerSocketChannel listener) {
        this.index = index;
        this.channelId = channelId;
        this.transport = transport;
        this.ssrc = ssrc;
        this.target = target;
        this.listener = listener;
        this.sequence = (index * 7919) & 0xFFFF;
        this.firstTimestamp = index * 104_729L & 0xFFFFFFFFL;
    }

    /**
     * Opens the TCP connection once the platform has the session: connects to the platform (TCP
     * passive) or accepts the platform's connection, which is pending by then (TCP active). Nothing
     * for UDP.
     */
    void open() throws IOException {
        if (transport == MediaTransport.TCP_PASSIVE) {
            connection = SocketChannel.open(target);
        } else if (transport == MediaTransport.TCP_ACTIVE) {
            listener.socket().setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
            try {
                connection = listener.socket().accept().getChannel();
            } finally {
                listener.close();
            }
        } else {
            return;
        }
        connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
        connection.setOption(StandardSocketOptions.SO_SNDBUF, TCP_SEND_BUFFER);
    }

    /**
     * Sends the next frame: one datagram per packet from {@code udp}, or all packets of the frame,
     * RFC 4571 framed, in one write on the connection (blocking: a receiver that falls behind makes
     * the sender late, never loses data). {@code buffer} is the sender thread's scratch space.
     */
    void sendFrame(RtpFrames frames, ByteBuffer buffer, DatagramChannel udp) throws IOException {
        long timestamp = (firstTimestamp + framesSent * GeneratedPs.TICKS_PER_FRAME) & 0xFFFFFFFFL;
        int packets = frames.packets(frame);
        boolean tcp = connection != null;
        buffer.clear();
        for (int i = 0; i < packets; i++) {
            frames.put(buffer, frame, i, sequence, timestamp, ssrc, tcp);
            sequence = (sequence + 1) & 0xFFFF;
            if (!tcp) {
                buffer.flip();
                udp.send(buffer, target);
                buffer.clear();
            }
        }
        if (tcp) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                connection.write(buffer);
            }
        }
        packetsSent += packets;
        framesSent++;
        frame = frame + 1 == frames.frames() ? 0 : frame + 1;
    }

    void close() {
        try {
            if (connection != null) {
                connection.close();
            }
            if (listener != null) {
                listener.close();
            }
        } catch (IOException e) {
            // closing at the end of the run: nothing left to send
        }
    }
}
