package dev.gb28181.benchmarks.load;

import dev.gb28181.benchmarks.GeneratedPs;

import java.nio.ByteBuffer;

/**
 * One PS stream cut once into RTP payloads as a GB/T 28181 camera sends it (GB/T 28181-2016 Annex C,
 * RFC 3550): payload type 96, at most {@code maxPayload} bytes of PS per packet, the marker bit on the
 * last packet of each frame, every packet of a frame carrying the frame's 90 kHz timestamp. The cuts
 * are shared by every simulated stream; a stream writes its own header (sequence number, timestamp,
 * SSRC) in front of each payload as it sends, so N streams cost one copy of the PS, not N.
 */
final class RtpFrames {

    static final int PAYLOAD_TYPE = 96;
    static final int HEADER = 12;
    /** RFC 4571 length prefix. */
    static final int TCP_PREFIX = 2;

    private final byte[] ps;
    private final int[] frameFirstPacket;
    private final int[] packetOffset;
    private final int[] packetLength;
    private final int maxFrameBytes;

    RtpFrames(GeneratedPs stream, int maxPayload) {
        this.ps = stream.bytes();
        int frames = stream.frames();
        int packets = 0;
        int start = 0;
        for (int end : stream.frameEnds()) {
            packets += (end - start + maxPayload - 1) / maxPayload;
            start = end;
        }
        frameFirstPacket = new int[frames + 1];
        packetOffset = new int[packets];
        packetLength = new int[packets];
        int p = 0;
        int largest = 0;
        start = 0;
        for (int f = 0; f < frames; f++) {
            int end = stream.frameEnds()[f];
            frameFirstPacket[f] = p;
            for (int at = start; at < end; at += maxPayload) {
                packetOffset[p] = at;
                packetLength[p] = Math.min(maxPayload, end - at);
                p++;
            }
            largest = Math.max(largest, end - start + (p - frameFirstPacket[f]) * (HEADER + TCP_PREFIX));
            start = end;
        }
        frameFirstPacket[frames] = p;
        maxFrameBytes = largest;
    }

    int frames() {
        return frameFirstPacket.length - 1;
    }

    int packets(int frame) {
        return frameFirstPacket[frame + 1] - frameFirstPacket[frame];
    }

    /** All packets of the stream, one loop. */
    int packets() {
        return packetOffset.length;
    }

    /** The largest frame with its RTP headers and RFC 4571 prefixes: what one TCP write of a frame needs. */
    int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** PS bytes of one loop. */
    int psBytes() {
        return ps.length;
    }

    /**
     * Writes packet {@code i} of {@code frame} (header and payload) at the buffer's position, with an
     * RFC 4571 length prefix when {@code tcp}.
     */
    void put(ByteBuffer out, int frame, int i, int sequence, long timestamp, long ssrc, boolean tcp) {
        int p = frameFirstPacket[frame] + i;
        int length = packetLength[p];
        boolean last = p + 1 == frameFirstPacket[frame + 1];
        if (tcp) {
            out.putShort((short) (HEADER + length));
        }
        out.put((byte) 0x80).put((byte) ((last ? 0x80 : 0) | PAYLOAD_TYPE)).putShort((short) sequence)
                .putInt((int) timestamp).putInt((int) ssrc).put(ps, packetOffset[p], length);
    }
}
