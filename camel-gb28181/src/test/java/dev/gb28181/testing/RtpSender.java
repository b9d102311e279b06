package dev.gb28181.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Plays a GB/T 28181 device's media side in tests: packetises a PS byte stream into RTP (RFC 3550,
 * payload type 96 at 90 kHz as GB/T 28181-2016 Annex C requires, marker on the last packet of a
 * frame, all packets of a frame sharing one timestamp as 2022 §C.2 asks) and sends it over UDP, or
 * over TCP with RFC 4571 framing as a client or as the accepting side (for a platform in TCP active
 * mode). Impairments (reordering, duplication, loss) are drawn from a seeded {@link Random}, so a
 * failing test replays exactly. Uses plain JDK sockets, independent of the receivers under test.
 */
public final class RtpSender {

    public static final int PAYLOAD_TYPE = 96;
    /** 25 frames per second at 90 kHz. */
    public static final int TICKS_PER_FRAME = 3600;

    private final long ssrc;
    private final int maxPayload;
    private final Random random;
    private int sequence;
    private final long firstTimestamp;
    private double reorder;
    private double duplicate;
    private double drop;
    private final List<byte[]> dropped = new ArrayList<>();

    /**
     * @param ssrc the SSRC of every packet
     * @param maxPayload largest payload per packet; a frame is split at this size
     * @param seed seeds the first sequence number, the first timestamp and the impairments
     */
    public RtpSender(long ssrc, int maxPayload, long seed) {
        this.ssrc = ssrc;
        this.maxPayload = maxPayload;
        this.random = new Random(seed);
        this.sequence = random.nextInt(65536);
        this.firstTimestamp = random.nextInt() & 0xFFFFFFFFL;
    }

    /** Starts the sequence numbers at {@code first} (to test the wrap at 65535). */
    public RtpSender startSequence(int first) {
        this.sequence = first & 0xFFFF;
        return this;
    }

    /**
     * Per packet probabilities: swapped with the next one, sent twice, not sent (the last packet is
     * never dropped, so a receiver can see every loss).
     */
    public RtpSender impair(double reorderProbability, double duplicateProbability, double dropProbability) {
        this.reorder = reorderProbability;
        this.duplicate = duplicateProbability;
        this.drop = dropProbability;
        return this;
    }

    /**
     * Splits {@code stream} into RTP packets in sending order, without impairments.
     *
     * @param frameEnds the offsets where frames end, ascending, the last one the stream's length;
     *        {@code null}: each packet-sized chunk is a frame
     */
    public List<byte[]> packetise(byte[] stream, int[] frameEnds) {
        List<byte[]> packets = new ArrayList<>();
        long timestamp = firstTimestamp;
        int start = 0;
        int[] ends = frameEnds != null ? frameEnds : chunkEnds(stream.length);
        for (int end : ends) {
            for (int at = start; at < end; at += maxPayload) {
                int len = Math.min(maxPayload, end - at);
                ByteBuffer p = ByteBuffer.allocate(12 + len);
                p.put((byte) 0x80).put((byte) ((at + len == end ? 0x80 : 0) | PAYLOAD_TYPE))
                        .putShort((short) sequence).putInt((int) timestamp).putInt((int) ssrc)
                        .put(stream, at, len);
                packets.add(p.array());
                sequence = (sequence + 1) & 0xFFFF;
            }
            timestamp = (timestamp + TICKS_PER_FRAME) & 0xFFFFFFFFL;
            start = end;
        }
        return packets;
    }

    private int[] chunkEnds(int length) {
        int[] ends = new int[(length + maxPayload - 1) / maxPayload];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = Math.min(length, (i + 1) * maxPayload);
        }
        return ends;
    }

    /** The packets as sent with the configured impairments; the dropped ones are in {@link #dropped()}. */
    public List<byte[]> impaired(List<byte[]> packets) {
        List<byte[]> out = new ArrayList<>(packets);
        for (int i = 0; i < out.size() - 1; i++) {
            if (random.nextDouble() < drop) {
                dropped.add(out.remove(i--));
            }
        }
        for (int i = 0; i < out.size() - 1; i++) {
            if (random.nextDouble() < duplicate) {
                out.add(i + 1, out.get(i));
                i++;
            }
        }
        for (int i = 0; i < out.size() - 1; i++) {
            if (random.nextDouble() < reorder) {
                byte[] a = out.get(i);
                out.set(i, out.get(i + 1));
                out.set(i + 1, a);
                i++;
            }
        }
        return out;
    }

    /** Packets left out by {@link #impaired}. */
    public List<byte[]> dropped() {
        return dropped;
    }

    /** The payload of a packet built by {@link #packetise}. */
    public static byte[] payload(byte[] packet) {
        return Arrays.copyOfRange(packet, 12, packet.length);
    }

    /** One datagram per packet from {@code socket} to {@code to}. */
    public static void sendUdp(List<byte[]> packets, DatagramSocket socket, InetSocketAddress to) throws IOException {
        for (byte[] p : packets) {
            socket.send(new DatagramPacket(p, p.length, to));
        }
    }

    /** RFC 4571: each packet behind its 2-byte length. */
    public static void sendTcp(List<byte[]> packets, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        for (byte[] p : packets) {
            data.writeShort(p.length);
            data.write(p);
        }
        data.flush();
    }

    /** Connects to {@code to} (a platform in TCP passive mode), sends and keeps the connection open. */
    public static Socket connectAndSend(List<byte[]> packets, InetSocketAddress to) throws IOException {
        Socket socket = new Socket(to.getAddress(), to.getPort());
        sendTcp(packets, socket.getOutputStream());
        return socket;
    }

    /** Accepts one connection (from a platform in TCP active mode), sends and keeps it open. */
    public static Socket acceptAndSend(List<byte[]> packets, ServerSocket server) throws IOException {
        Socket socket = server.accept();
        sendTcp(packets, socket.getOutputStream());
        return socket;
    }
}
