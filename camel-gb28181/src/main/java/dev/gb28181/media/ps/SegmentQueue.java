package dev.gb28181.media.ps;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The bytes of the elementary stream not yet handed out, kept as retained references into the fed
 * {@link ByteBuf}s so that every payload byte is copied exactly once, straight into the frame array
 * (issue 5: no per-packet copying beyond assembling a frame). Positions are absolute stream offsets.
 * Not thread-safe; the arrays grow once to the largest number of pieces a frame needed and are reused.
 */
final class SegmentQueue {
    private ByteBuf[] bufs = new ByteBuf[64];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int head;
    private int tail;
    /** Absolute stream offset of the first byte of segment {@code head}. */
    private long start;
    /** Absolute stream offset just past the last queued byte. */
    private long end;

    /** Absolute offset of the oldest byte still held. */
    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** Appends {@code length} readable bytes of {@code buf} at {@code offset}; retains the buffer. */
    void add(ByteBuf buf, int offset, int length) {
        if (length == 0) {
            return;
        }
        end += length;
        if (tail > head && bufs[tail - 1] == buf && offsets[tail - 1] + lengths[tail - 1] == offset) {
            lengths[tail - 1] += length;
            return;
        }
        if (tail == bufs.length) {
            compactOrGrow();
        }
        bufs[tail] = buf.retain();
        offsets[tail] = offset;
        lengths[tail] = length;
        tail++;
    }

    /** Copies the bytes {@code [from, to)} into a new array and releases everything before {@code to}. */
    byte[] take(long from, long to) {
        discard(from);
        byte[] out = new byte[(int) (to - from)];
        int pos = 0;
        while (pos < out.length) {
            int n = Math.min(lengths[head], out.length - pos);
            bufs[head].getBytes(offsets[head], out, pos, n);
            pos += n;
            consumeHead(n);
        }
        return out;
    }

    /** Releases every byte before the absolute offset {@code to}. */
    void discard(long to) {
        long n = Math.min(to, end) - start;
        while (n > 0 && head < tail) {
            int k = (int) Math.min(lengths[head], n);
            consumeHead(k);
            n -= k;
        }
    }

    /** Releases everything; the next byte added is at offset {@link #end()}. */
    void clear() {
        discard(end);
    }

    private void consumeHead(int n) {
        start += n;
        if (n == lengths[head]) {
            bufs[head].release();
            bufs[head] = null;
            head++;
            if (head == tail) {
                head = 0;
                tail = 0;
            }
        } else {
            offsets[head] += n;
            lengths[head] -= n;
        }
    }

    private void compactOrGrow() {
        int size = tail - head;
        if (head > bufs.length / 2) {
            System.arraycopy(bufs, head, bufs, 0, size);
            System.arraycopy(offsets, head, offsets, 0, size);
            System.arraycopy(lengths, head, lengths, 0, size);
            Arrays.fill(bufs, size, tail, null);
        } else {
            bufs = Arrays.copyOf(bufs, bufs.length * 2);
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            lengths = Arrays.copyOf(lengths, lengths.length * 2);
            if (head > 0) {
                System.arraycopy(bufs, head, bufs, 0, size);
                System.arraycopy(offsets, head, offsets, 0, size);
                System.arraycopy(lengths, head, lengths, 0, size);
                Arrays.fill(bufs, size, tail, null);
            }
        }
        head = 0;
        tail = size;
    }
}
