package dev.gb28181.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtpPacketTest {

    /** V=2, flags from {@code b0}, PT 96 with marker, seq 0xFFFE, ts 0xF0000001, SSRC 0100000001. */
    private static ByteBuf packet(int b0, byte[] afterHeader) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(b0).writeByte(0x80 | 96).writeShort(0xFFFE).writeInt(0xF0000001).writeInt(100000001);
        buf.writeBytes(afterHeader);
        return buf;
    }

    @Test
    void parsesHeaderFieldsAndSlicesPayloadWithoutCopy() throws Exception {
        ByteBuf buf = packet(0x80, new byte[] {1, 2, 3});
        RtpPacket p = RtpPacket.parse(buf);
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.sequence()).isEqualTo(0xFFFE);
        assertThat(p.timestamp()).isEqualTo(0xF0000001L);
        assertThat(p.ssrc()).isEqualTo(100000001L);
        assertThat(p.payload().readableBytes()).isEqualTo(3);
        assertThat(p.payload().getByte(0)).isEqualTo((byte) 1);
        buf.setByte(12, 9);
        assertThat(p.payload().getByte(0)).as("a slice, not a copy").isEqualTo((byte) 9);
        assertThat(buf.readerIndex()).isZero();
        assertThat(buf.refCnt()).isEqualTo(2);
        p.release();
        buf.release();
        assertThat(buf.refCnt()).isZero();
    }

    @Test
    void unsignedSsrc() throws Exception {
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(0x80).writeByte(96).writeShort(1).writeInt(0).writeInt(0xFFFFFFFF);
        RtpPacket p = RtpPacket.parse(buf);
        assertThat(p.ssrc()).isEqualTo(0xFFFFFFFFL);
        assertThat(p.marker()).isFalse();
        assertThat(p.payload().readableBytes()).isZero();
        p.release();
        buf.release();
    }

    @Test
    void skipsCsrcListAndHeaderExtensionAndRemovesPadding() throws Exception {
        // P, X, CC=2: two CSRCs, extension of one word, payload 5,6, padding of 3
        byte[] rest = {0, 0, 0, 1, 0, 0, 0, 2, (byte) 0xBE, (byte) 0xDE, 0, 1, 7, 7, 7, 7, 5, 6, 0, 0, 3};
        ByteBuf buf = packet(0x80 | 0x20 | 0x10 | 2, rest);
        RtpPacket p = RtpPacket.parse(buf);
        assertThat(p.padding()).isTrue();
        assertThat(p.extension()).isTrue();
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.payload().readableBytes()).isEqualTo(2);
        assertThat(p.payload().getByte(0)).isEqualTo((byte) 5);
        assertThat(p.payload().getByte(1)).isEqualTo((byte) 6);
        p.release();
        buf.release();
    }

    @Test
    void refusesMalformedPacketsWithoutTouchingTheBuffer() {
        ByteBuf[] bad = {
                Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 96, 0, 1}),
                packet(0x40, new byte[4]),
                packet(0x80 | 3, new byte[8]),
                packet(0x80 | 0x10, new byte[] {0, 0, 0, 5, 1}),
                packet(0x80 | 0x20, new byte[] {1, 2, 9}),
                packet(0x80 | 0x20, new byte[] {1, 2, 0}),
                packet(0x80 | 0x20, new byte[0]),
        };
        for (ByteBuf buf : bad) {
            assertThatThrownBy(() -> RtpPacket.parse(buf)).isInstanceOf(RtpParseException.class);
            assertThat(buf.refCnt()).isEqualTo(1);
            buf.release();
        }
    }
}
