package dev.gb28181.media.ps;

import dev.gb28181.media.MediaCodec;
import dev.gb28181.media.MediaFrame;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Cuts a video elementary stream into access units. A PES need not hold exactly one frame (ffmpeg packs
 * several into one PES, devices split one into many), so boundaries come from the stream itself: the
 * first NAL unit of a new access unit (ITU-T H.264 §7.4.1.2.3, H.265 §7.4.2.4.4: AUD, parameter sets, SEI
 * or the first slice of a picture after a picture) or, for MPEG-4 Part 2, the next VOP (ISO/IEC 14496-2
 * §6.2). PTSs are attached per ISO/IEC 13818-1 §2.4.3.7: a PES PTS belongs to the first access unit that
 * starts in that PES. The codec comes from the PSM or, without one, from the first recognisable header.
 * Not thread-safe.
 */
final class VideoAssembler {
    private static final int PTS_SLOTS = 4;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final Consumer<MediaFrame> out;
    private final Counters counters;
    private final int maxFrameSize;
    private final SegmentQueue queue = new SegmentQueue();

    private MediaCodec codec;
    private int streamId = -1;

    // start-code scanner state, across feeds
    private long pos;
    private int zeros;
    private int hdrCount = -1;
    private int hdr0;
    private int hdr1;
    private int hdr2;
    private long scStart;
    private long nalStart;
    private int nal0;
    private int nal1;
    private int nal2;

    // access unit being assembled; auStart < 0 when none
    private long auStart = -1;
    private boolean auHasVcl;
    private boolean auKey;
    private int auParamSets;

    // PES PTSs not yet attached to an access unit: ring of (payload start offset, pts, dts)
    private final long[] ptsOffset = new long[PTS_SLOTS];
    private final long[] ptsValue = new long[PTS_SLOTS];
    private final long[] dtsValue = new long[PTS_SLOTS];
    private int ptsHead;
    private int ptsSize;
    private long auPts = -1;
    private long auDts = -1;

    private boolean started;
    private boolean waitKey = true;

    VideoAssembler(Consumer<MediaFrame> out, Counters counters, int maxFrameSize) {
        this.out = out;
        this.counters = counters;
        this.maxFrameSize = maxFrameSize;
    }

    int streamId() {
        return streamId;
    }

    /**
     * Binds the assembler to the stream it serves; the codec is null when no PSM named it (probed then).
     * Until the first frame has left, another stream may take over: a stray or corrupt PES before the real
     * video must not capture the session.
     */
    void bind(int id, MediaCodec streamCodec) {
        if (id != streamId) {
            if (started) {
                return;
            }
            dropFrame();
            streamId = id;
            codec = streamCodec;
        } else if (streamCodec != null) {
            codec = streamCodec;
        }
    }

    /** True once the first frame has left; the stream binding is final from then on. */
    boolean started() {
        return started;
    }

    /** A PES of this stream begins; its payload starts at the current stream offset. */
    void pesStart(long pts, long dts) {
        if (pts < 0) {
            return;
        }
        if (ptsSize == PTS_SLOTS) {
            ptsHead = (ptsHead + 1) % PTS_SLOTS;
            ptsSize--;
        }
        int slot = (ptsHead + ptsSize) % PTS_SLOTS;
        ptsOffset[slot] = pos;
        ptsValue[slot] = pts;
        dtsValue[slot] = dts;
        ptsSize++;
    }

    /**
     * Appends PES payload bytes {@code [from, from + length)} of {@code buf} and finds the NAL units in them.
     * Between start codes the bytes are skipped a word at a time ({@link #skipPlain}); only the words that
     * could hold part of a start code, and the bytes of a NAL header, go through {@link #scan} one by one.
     */
    void payload(ByteBuf buf, int from, int length) {
        queue.add(buf, from, length);
        // one JDK view of the bytes: its word reads compile to plain loads, where ByteBuf's accessors check
        // reference count and bounds per read through every slice layer (a composite buffer is merged once)
        ByteBuffer bytes = buf.nioBuffer(from, length).order(ByteOrder.LITTLE_ENDIAN);
        int i = 0;
        while (i < length) {
            if (hdrCount < 0) {
                i = skipPlain(bytes, i, length);
            }
            for (int stop = Math.min(i + Long.BYTES, length); i < stop; i++) {
                if (scan(bytes.get(i))) {
                    onNal();
                }
            }
        }
        if (auStart < 0) {
            // nothing to assemble yet: keep only what a start code being recognised may still need
            queue.discard(pos - 8);
        } else if (queue.end() - auStart > maxFrameSize) {
            counters.oversizeFrames++;
            dropFrame();
        }
    }

    /**
     * Skips, 8 bytes at a time, the words in which no start code can end: those without two adjacent zero
     * bytes, and whose first byte is neither a zero nor a one following zeros of the previous word. Over
     * such bytes {@link #scan} would only count trailing zeros, so the skip leaves exactly the state it
     * would have left (ffmpeg's H.264 parser likewise looks for zero bytes a word at a time). Emulation
     * prevention (ITU-T H.264 §7.4.1) makes zero bytes rare inside a NAL unit, so two words are first tested
     * together for any zero byte at all, with the cheaper has-zero test, and only words with one get the
     * exact test. Called between NAL headers only. Returns where byte-wise scanning resumes: the first word
     * that might hold a start code, or the tail shorter than a word.
     */
    private int skipPlain(ByteBuffer bytes, int from, int to) {
        int i = from;
        int z = zeros;
        while (to - i >= Long.BYTES) {
            if (z == 0 && to - i >= 2 * Long.BYTES) {
                long w1 = bytes.getLong(i);
                long w2 = bytes.getLong(i + Long.BYTES);
                if (((((w1 - ONES) & ~w1) | ((w2 - ONES) & ~w2)) & HIGHS) == 0) {
                    i += 2 * Long.BYTES;
                    continue;
                }
            }
            long w = bytes.getLong(i);
            // high bit of each zero byte, exactly (no borrow between bytes)
            long zero = ~(((w & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | w) & HIGHS;
            if ((zero & (zero >>> 8)) != 0 || (z > 0 && (w & 0xFE) == 0)) {
                break;
            }
            z = (int) (zero >>> 63);
            i += Long.BYTES;
        }
        zeros = z;
        pos += i - from;
        return i;
    }

    /** Scans one byte; true when a NAL/start-code header is complete. */
    private boolean scan(byte value) {
        int b = value & 0xFF;
        long p = pos++;
        boolean stop = false;
        if (hdrCount >= 0) {
            if (hdrCount == 0) {
                hdr0 = b;
            } else if (hdrCount == 1) {
                hdr1 = b;
            } else {
                hdr2 = b;
            }
            if (++hdrCount == 3) {
                headerComplete();
                stop = true;
            }
        }
        if (b == 0) {
            zeros++;
            return stop;
        }
        if (b == 1 && zeros >= 2) {
            if (hdrCount >= 0) {
                // an empty NAL: classify the little that arrived
                headerComplete();
                stop = true;
            }
            scStart = p - Math.min(zeros, 3);
            hdrCount = 0;
            hdr0 = 0;
            hdr1 = 0;
            hdr2 = 0;
        }
        zeros = 0;
        return stop;
    }

    private void headerComplete() {
        hdrCount = -1;
        nalStart = scStart;
        nal0 = hdr0;
        nal1 = hdr1;
        nal2 = hdr2;
    }

    private void onNal() {
        if (codec == null) {
            codec = probe(nal0, nal1);
            if (codec == null) {
                return;
            }
        }
        switch (codec) {
            case H264 -> h264(nal0, nal1);
            case H265 -> h265(nal0, nal1, nal2);
            case MPEG4 -> mpeg4(nal0, nal1);
            default -> { }
        }
    }

    private void h264(int h0, int h1) {
        int type = h0 & 0x1F;
        if (type == 1 || type == 5) {
            vcl((h1 & 0x80) != 0, type == 5);
        } else if (type == 7 || type == 8) {
            nonVcl(true, type == 7 ? 1 : 2);
        } else {
            nonVcl(type == 6 || type == 9 || (type >= 14 && type <= 18), 0);
        }
    }

    private void h265(int h0, int h1, int h2) {
        int type = (h0 >> 1) & 0x3F;
        if (type < 32) {
            vcl((h2 & 0x80) != 0, type >= 16 && type <= 21);
        } else if (type >= 32 && type <= 34) {
            nonVcl(true, 1 << (type - 32));
        } else {
            nonVcl(type == 35 || type == 39 || (type >= 41 && type <= 44) || (type >= 48 && type <= 55), 0);
        }
    }

    private void mpeg4(int code, int next) {
        if (code == 0xB6) {
            vcl(true, (next >> 6) == 0);
        } else if (code >= 0x20 && code <= 0x2F) {
            nonVcl(true, 7);
        } else {
            nonVcl(code == 0xB0 || code == 0xB5 || code == 0xB3 || code <= 0x1F, 0);
        }
    }

    /** A picture's slice (VOP); {@code first} when it begins a picture. */
    private void vcl(boolean first, boolean key) {
        if (auStart >= 0 && auHasVcl && first) {
            endFrame(nalStart);
        }
        if (auStart < 0) {
            beginFrame(nalStart);
        }
        auHasVcl = true;
        auKey |= key;
    }

    private void nonVcl(boolean startsAu, int paramSets) {
        if (auStart >= 0 && auHasVcl && startsAu) {
            endFrame(nalStart);
        }
        if (auStart < 0) {
            beginFrame(nalStart);
        }
        auParamSets |= paramSets;
    }

    private void beginFrame(long at) {
        auStart = Math.max(at, queue.start());
        auHasVcl = false;
        auKey = false;
        auParamSets = 0;
        auPts = -1;
        auDts = -1;
        while (ptsSize > 0 && ptsOffset[ptsHead] <= auStart) {
            auPts = ptsValue[ptsHead];
            auDts = dtsValue[ptsHead];
            ptsHead = (ptsHead + 1) % PTS_SLOTS;
            ptsSize--;
        }
    }

    /** The RTP marker or the end of the stream: the access unit in progress is complete. */
    void frameEnd() {
        if (auStart >= 0 && auHasVcl) {
            // bytes of a start code still being recognised belong to the next access unit
            long at = hdrCount >= 0 ? scStart : pos - Math.min(zeros, 3);
            endFrame(Math.max(at, auStart));
        }
    }

    private void endFrame(long at) {
        long from = auStart;
        auStart = -1;
        boolean key = auKey;
        boolean complete = auParamSets == fullParamSets();
        if ((!started && !(key && complete)) || (waitKey && !key)) {
            counters.droppedFrames++;
            queue.discard(at);
            return;
        }
        started = true;
        waitKey = false;
        byte[] data = queue.take(from, at);
        counters.videoFrames++;
        out.accept(new MediaFrame(codec, data, auPts, auDts, key, streamId));
    }

    private int fullParamSets() {
        return switch (codec) {
            case H264 -> 3;
            case H265, MPEG4 -> 7;
            default -> 0;
        };
    }

    /** Packets were lost or the PS was broken: the partial frame goes, output resumes at a key frame. */
    void dropFrame() {
        if (auStart >= 0) {
            counters.droppedFrames++;
        }
        auStart = -1;
        waitKey = true;
        hdrCount = -1;
        zeros = 0;
        ptsSize = 0;
        queue.clear();
    }

    /** Releases the retained buffers; the assembler is unusable afterwards. */
    void close() {
        queue.clear();
    }

    /**
     * Recognises the codec of a PS without PSM from one NAL/start-code header: H.265 parameter sets, AUD
     * or IRAP with nuh_layer_id 0 (second byte 0x01), H.264 SPS or AUD, MPEG-4 VOS/VO/GOV/VOP codes.
     */
    static MediaCodec probe(int h0, int h1) {
        if (h0 == 0xB0 || h0 == 0xB5 || h0 == 0xB3 || h0 == 0xB6) {
            return MediaCodec.MPEG4;
        }
        int t5 = (h0 >> 1) & 0x3F;
        if ((h0 & 0x81) == 0 && h1 == 0x01 && ((t5 >= 32 && t5 <= 35) || (t5 >= 16 && t5 <= 21))) {
            return MediaCodec.H265;
        }
        int t4 = h0 & 0x1F;
        if ((h0 & 0x80) == 0 && ((t4 == 7 && (h0 & 0x60) != 0) || (t4 == 9 && (h0 & 0x60) == 0)
                || (t4 == 5 && (h0 & 0x60) != 0))) {
            return MediaCodec.H264;
        }
        return null;
    }
}
