package dev.gb28181.media.rtp;

import dev.gb28181.testing.RtpSender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RtpReorderBufferTest {

    private final List<String> events = new ArrayList<>();
    private final List<ByteBuf> buffers = new ArrayList<>();
    private final RtpStats stats = new RtpStats();
    private final RtpSink sink = new RtpSink() {
        @Override
        public void onPacket(RtpPacket p) {
            assertThat(p.payload().refCnt()).isPositive();
            events.add(Integer.toString(p.sequence()));
        }

        @Override
        public void onGap(int lost) {
            events.add("gap" + lost);
        }
    };

    private RtpPacket packet(int seq) throws RtpParseException {
        ByteBuf buf = Unpooled.buffer(16);
        buf.writeByte(0x80).writeByte(96).writeShort(seq).writeInt(0).writeInt(1).writeInt(seq);
        buffers.add(buf);
        RtpPacket p = RtpPacket.parse(buf);
        buf.release();
        return p;
    }

    private void feed(RtpReorderBuffer b, int... seqs) throws RtpParseException {
        for (int s : seqs) {
            b.add(packet(s));
        }
    }

    @AfterEach
    void noBufferLeft() {
        assertThat(buffers).allSatisfy(b -> assertThat(b.refCnt()).as("released").isZero());
    }

    @Test
    void repairsReorderingAndDropsDuplicates() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 8, stats);
        feed(b, 10, 12, 11, 11, 13, 10, 15, 14, 15);
        assertThat(events).containsExactly("10", "11", "12", "13", "14", "15");
        assertThat(stats.duplicates()).isEqualTo(3);
        assertThat(stats.reordered()).isEqualTo(2);
        assertThat(stats.lost()).isZero();
    }

    @Test
    void reportsLossWhenTheWindowIsExceeded() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 4, stats);
        feed(b, 1, 3, 4, 5);
        assertThat(events).containsExactly("1");
        feed(b, 6);
        assertThat(events).containsExactly("1", "gap1", "3", "4", "5", "6");
        feed(b, 2);
        assertThat(stats.late()).isEqualTo(1);
        assertThat(stats.lost()).isEqualTo(1);
    }

    @Test
    void bigJumpWithinDropoutSkipsWithOneGap() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 4, stats);
        feed(b, 1, 2, 100, 101);
        b.flush();
        assertThat(events).containsExactly("1", "2", "gap97", "100", "101");
    }

    @Test
    void sequenceWrapsAround() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 8, stats);
        feed(b, 65533, 65535, 65534, 1, 0, 2);
        assertThat(events).containsExactly("65533", "65534", "65535", "0", "1", "2");
        assertThat(stats.lost()).isZero();
    }

    @Test
    void flushDeliversHeldPacketsWithGaps() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 16, stats);
        feed(b, 5, 7, 10);
        assertThat(b.held()).as("gathered before the start").isEqualTo(3);
        b.flush();
        assertThat(events).containsExactly("5", "gap1", "7", "gap2", "10");
        assertThat(b.held()).isZero();
    }

    @Test
    void restartedSequenceIsFollowedOnceConfirmed() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 8, stats);
        feed(b, 40000, 40001, 7, 8, 9);
        assertThat(events).containsExactly("40000", "40001", "8", "9");
        assertThat(stats.late()).isEqualTo(1);
    }

    @Test
    void impairedStreamsComeOutInOrderWithEveryLossReported() throws Exception {
        for (long seed = 1; seed <= 100; seed++) {
            events.clear();
            RtpStats s = new RtpStats();
            RtpReorderBuffer b = new RtpReorderBuffer(sink, RtpReorderBuffer.DEFAULT_WINDOW, s);
            RtpSender sender = new RtpSender(1, 10, seed).startSequence(65400 + (int) seed).impair(0.3, 0.1, 0.05);
            List<byte[]> packets = sender.packetise(new byte[3000], null);
            List<byte[]> sent = sender.impaired(packets);
            for (byte[] p : sent) {
                ByteBuf buf = Unpooled.wrappedBuffer(p);
                buffers.add(buf);
                b.add(RtpPacket.parse(buf));
                buf.release();
            }
            b.flush();
            // the stream starts at the lowest of the first packets received: one reordered before it is late
            byte[] start = sent.get(0);
            for (byte[] p : sent.subList(0, Math.min(RtpReorderBuffer.START_PACKETS, sent.size()))) {
                if ((short) (sequence(p) - sequence(start)) < 0) {
                    start = p;
                }
            }
            List<String> expected = new ArrayList<>();
            int lost = 0;
            int lostTotal = 0;
            for (byte[] p : packets.subList(packets.indexOf(start), packets.size())) {
                if (sender.dropped().contains(p)) {
                    lost++;
                    lostTotal++;
                } else {
                    if (lost > 0) {
                        expected.add("gap" + lost);
                        lost = 0;
                    }
                    expected.add(Integer.toString(sequence(p)));
                }
            }
            assertThat(events).as("seed %d", seed).isEqualTo(expected);
            assertThat(s.lost()).isEqualTo(lostTotal);
        }
    }

    @Test
    void theFirstPacketsSwappedOnTheWayAreBothDelivered() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 8, stats);
        feed(b, 11, 10, 12);
        assertThat(events).as("gathered until the start is known").isEmpty();
        feed(b, 13, 14);
        assertThat(events).containsExactly("10", "11", "12", "13", "14");
        assertThat(stats.late()).isZero();
        assertThat(stats.lost()).isZero();
    }

    private static int sequence(byte[] packet) {
        return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
    }

    @Test
    void closeReleasesHeldPackets() throws Exception {
        RtpReorderBuffer b = new RtpReorderBuffer(sink, 8, stats);
        feed(b, 1, 3, 4, 6);
        assertThat(b.held()).isEqualTo(3);
        b.close();
        assertThat(events).containsExactly("1");
        assertThat(b.held()).isZero();
    }
}
