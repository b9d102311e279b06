package dev.gb28181.benchmarks;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

/**
 * An in-memory GB/T 28181 PS stream (GB/T 28181-2016 §9.2, Annex C) of H.264-shaped access units, so
 * benchmarks need no media file and no encoder: each frame is a pack header, a PSM before each key
 * frame (one H.264 stream, type 0x1B, id 0xE0, as cameras send it), and the access unit in MPEG-2 PES
 * of at most 64 KiB. An access unit is an AUD, then SPS, PPS and an IDR slice on key frames or one
 * non-IDR slice, with random slice bytes that contain no zero byte (so no start-code emulation and
 * nothing for a demuxer to skip). Sizes are drawn uniformly from {@code mean ± spread} with a fixed
 * seed, so every run demuxes the same bytes. The demuxer's work (start-code scan, PES assembly) is
 * the same on these bytes as on an encoder's; only a decoder would notice the difference.
 *
 * @param bytes     the PS
 * @param frameEnds the offset in {@link #bytes} where each frame ends (the next pack header starts)
 */
public record GeneratedPs(byte[] bytes, int[] frameEnds) {

    /** 25 frames per second at the 90 kHz PTS clock. */
    public static final int TICKS_PER_FRAME = 3600;
    private static final int MAX_PES_PAYLOAD = 65_400;
    private static final byte[] PACK_HEADER = {0, 0, 1, (byte) 0xBA, 0x44, 0, 4, 0, 4, 1, 1, (byte) 0x89,
        (byte) 0xC3, (byte) 0xF8};
    /** PSM: one H.264 (0x1B) stream, id 0xE0, no descriptors, CRC not checked by receivers. */
    private static final byte[] PSM = {0, 0, 1, (byte) 0xBC, 0, 14, (byte) 0xE0, (byte) 0xFF, 0, 0, 0, 4, 0x1B,
        (byte) 0xE0, 0, 0, 0, 0, 0, 0};

    /**
     * @param frames      frames in the stream
     * @param gop         a key frame every {@code gop} frames, the first one included
     * @param keyMean     mean IDR slice size in bytes
     * @param keySpread   IDR slice sizes range over {@code keyMean ± keySpread}, {@code keySpread >= 1}
     * @param interMean   mean non-IDR slice size in bytes
     * @param interSpread non-IDR slice sizes range over {@code interMean ± interSpread}, {@code >= 1}
     */
    public static GeneratedPs h264(int frames, int gop, int keyMean, int keySpread, int interMean, int interSpread) {
        SplittableRandom random = new SplittableRandom(28181);
        ByteArrayOutputStream ps = new ByteArrayOutputStream(frames * (interMean + 64) + keyMean * (frames / gop + 1));
        int[] ends = new int[frames];
        for (int f = 0; f < frames; f++) {
            boolean key = f % gop == 0;
            ByteArrayOutputStream au = new ByteArrayOutputStream((key ? keyMean + keySpread : interMean + interSpread)
                    + 64);
            nal(au, random, 0x09, 2); // AUD
            if (key) {
                nal(au, random, 0x67, 24); // SPS
                nal(au, random, 0x68, 4); // PPS
                nal(au, random, 0x65, keyMean - keySpread + random.nextInt(2 * keySpread)); // IDR slice
            } else {
                nal(au, random, 0x41, interMean - interSpread + random.nextInt(2 * interSpread)); // non-IDR slice
            }
            ps.writeBytes(PACK_HEADER);
            if (key) {
                ps.writeBytes(PSM);
            }
            pes(ps, au.toByteArray(), (long) f * TICKS_PER_FRAME);
            ends[f] = ps.size();
        }
        return new GeneratedPs(ps.toByteArray(), ends);
    }

    /**
     * A stream of {@code seconds} at 25 fps averaging {@code bitsPerSecond}, with a key frame every
     * {@code gopFrames} frames five times the size of the others (a typical camera's proportion).
     */
    public static GeneratedPs ofBitrate(long bitsPerSecond, int seconds, int gopFrames) {
        long bytesPerGop = bitsPerSecond / 8 * gopFrames / 25;
        int inter = (int) (bytesPerGop / (gopFrames - 1 + 5));
        int key = 5 * inter;
        return h264(25 * seconds, gopFrames, key, Math.max(1, key / 10), inter, Math.max(1, inter / 3));
    }

    /** Frames in the stream. */
    public int frames() {
        return frameEnds.length;
    }

    private static void nal(ByteArrayOutputStream au, SplittableRandom random, int header, int length) {
        au.writeBytes(new byte[] {0, 0, 0, 1, (byte) header});
        for (int i = 0; i < length; i++) {
            // first_mb_in_slice = 0 (top bit set) so each slice starts an access unit; no zero bytes at all
            au.write(i == 0 ? 0x80 | random.nextInt(0x80) : 1 + random.nextInt(255));
        }
    }

    private static void pes(ByteArrayOutputStream ps, byte[] au, long pts) {
        for (int off = 0; off < au.length; off += MAX_PES_PAYLOAD) {
            int n = Math.min(MAX_PES_PAYLOAD, au.length - off);
            boolean first = off == 0;
            int header = first ? 5 : 0;
            int length = 3 + header + n;
            ps.writeBytes(new byte[] {0, 0, 1, (byte) 0xE0, (byte) (length >> 8), (byte) length, (byte) 0x80,
                (byte) (first ? 0x80 : 0), (byte) header});
            if (first) {
                ps.writeBytes(new byte[] {(byte) (0x21 | ((pts >> 29) & 0x0E)), (byte) (pts >> 22),
                    (byte) (((pts >> 14) & 0xFE) | 1), (byte) (pts >> 7), (byte) (((pts << 1) & 0xFE) | 1)});
            }
            ps.write(au, off, n);
        }
    }
}
