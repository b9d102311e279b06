package dev.gb28181.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * A parsed RTP packet (RFC 3550 §5.1), the carrier of GB/T 28181-2016 media (§9.2, Annex C: PS in
 * RTP payload type 96 at 90 kHz). The header fields are decoded once; the payload is a retained
 * slice of the received buffer, never a copy, with the padding (RFC 3550 §5.1 P bit), the CSRC list
 * and any header extension (§5.3.1) removed. The packet owns one reference to its payload: whoever
 * holds the packet last calls {@link #release()}.
 */
public final class RtpPacket {

    /** Fixed header size (RFC 3550 §5.1). */
    public static final int HEADER_SIZE = 12;

    private final boolean padding;
    private final boolean extension;
    private final int csrcCount;
    private final boolean marker;
    private final int payloadType;
    private final int sequence;
    private final long timestamp;
    private final long ssrc;
    private final ByteBuf payload;

    private RtpPacket(boolean padding, boolean extension, int csrcCount, boolean marker, int payloadType,
            int sequence, long timestamp, long ssrc, ByteBuf payload) {
        this.padding = padding;
        this.extension = extension;
        this.csrcCount = csrcCount;
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.ssrc = ssrc;
        this.payload = payload;
    }

    /**
     * Parses the readable bytes of {@code buf} as one RTP packet without moving its indexes or
     * changing its reference count; the returned packet holds its own reference to the payload.
     *
     * @throws RtpParseException if the version is not 2 or a length (CSRC list, extension, padding)
     *         runs past the end of the packet
     */
    public static RtpPacket parse(ByteBuf buf) throws RtpParseException {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < HEADER_SIZE) {
            throw new RtpParseException("RTP packet of " + length + " bytes, shorter than the 12-byte header");
        }
        int b0 = buf.getUnsignedByte(start);
        if (b0 >> 6 != 2) {
            throw new RtpParseException("RTP version " + (b0 >> 6) + ", expected 2");
        }
        boolean padding = (b0 & 0x20) != 0;
        boolean extension = (b0 & 0x10) != 0;
        int csrcCount = b0 & 0x0F;
        int b1 = buf.getUnsignedByte(start + 1);
        int offset = HEADER_SIZE + 4 * csrcCount;
        if (extension) {
            if (offset + 4 > length) {
                throw new RtpParseException("RTP header extension past the end of a " + length + "-byte packet");
            }
            offset += 4 + 4 * buf.getUnsignedShort(start + offset + 2);
        }
        if (offset > length) {
            throw new RtpParseException("RTP header of " + offset + " bytes in a " + length + "-byte packet");
        }
        int end = length;
        if (padding) {
            int pad = buf.getUnsignedByte(start + length - 1);
            if (pad == 0 || pad > end - offset) {
                throw new RtpParseException("RTP padding of " + pad + " bytes in a " + length + "-byte packet");
            }
            end -= pad;
        }
        return new RtpPacket(padding, extension, csrcCount, (b1 & 0x80) != 0, b1 & 0x7F,
                buf.getUnsignedShort(start + 2), buf.getUnsignedInt(start + 4), buf.getUnsignedInt(start + 8),
                buf.retainedSlice(start + offset, end - offset));
    }

    /** Always 2: other versions are refused by {@link #parse}. */
    public int version() {
        return 2;
    }

    public boolean padding() {
        return padding;
    }

    public boolean extension() {
        return extension;
    }

    public int csrcCount() {
        return csrcCount;
    }

    /** For GB/T 28181 PS streams: set on the last packet of a frame. */
    public boolean marker() {
        return marker;
    }

    public int payloadType() {
        return payloadType;
    }

    /** 16-bit sequence number, 0..65535. */
    public int sequence() {
        return sequence;
    }

    /** 32-bit timestamp, unsigned. */
    public long timestamp() {
        return timestamp;
    }

    /** 32-bit SSRC, unsigned: the decimal SSRC of the SDP {@code y=} line (GB/T 28181-2016 Annex F). */
    public long ssrc() {
        return ssrc;
    }

    /** The payload without padding; a slice owned by this packet. */
    public ByteBuf payload() {
        return payload;
    }

    /** Releases this packet's reference to its payload. */
    public void release() {
        payload.release();
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequence + ", ts=" + timestamp + ", ssrc=" + ssrc
                + ", marker=" + marker + ", payload=" + payload.readableBytes() + ']';
    }
}
