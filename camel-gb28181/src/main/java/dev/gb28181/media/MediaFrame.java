package dev.gb28181.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * One demuxed media frame of a GB/T 28181 session (GB/T 28181-2016 §9.2, Annex C): for video one complete
 * access unit in Annex-B byte-stream form (start codes included, ITU-T H.264/H.265 Annex B), for audio the
 * payload of one PES packet. Timestamps are the PES PTS/DTS on the 90 kHz clock (ISO/IEC 13818-1 §2.4.3.7),
 * or -1 when the stream carried none for this frame.
 *
 * <p>The array is owned by the frame and handed over as is (no defensive copy: frames are on the media hot
 * path); receivers must not modify it.
 */
public final class MediaFrame {
    private final MediaCodec codec;
    private final byte[] data;
    private final long pts;
    private final long dts;
    private final boolean keyFrame;
    private final int streamId;

    public MediaFrame(MediaCodec codec, byte[] data, long pts, long dts, boolean keyFrame, int streamId) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.data = Objects.requireNonNull(data, "data");
        this.pts = pts;
        this.dts = dts;
        this.keyFrame = keyFrame;
        this.streamId = streamId;
    }

    public MediaCodec codec() {
        return codec;
    }

    /** The frame bytes, not copied: do not modify. */
    public byte[] data() {
        return data;
    }

    /** Presentation time stamp, 90 kHz, or -1 when unknown. */
    public long pts() {
        return pts;
    }

    /** Decoding time stamp, 90 kHz: the PTS when the PES had none, -1 when unknown. */
    public long dts() {
        return dts;
    }

    /** Video: an IDR (H.264) / IRAP (H.265) / I-VOP (MPEG-4) access unit; audio frames are always key frames. */
    public boolean keyFrame() {
        return keyFrame;
    }

    /** The PES stream_id the frame came from (0xE0-0xEF video, 0xC0-0xDF audio). */
    public int streamId() {
        return streamId;
    }

    /** Value equality, bytes included, like a record with content-compared data. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MediaFrame f && codec == f.codec && pts == f.pts && dts == f.dts
                && keyFrame == f.keyFrame && streamId == f.streamId && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, pts, dts, keyFrame, streamId) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "MediaFrame[" + codec + ", " + data.length + " bytes, pts=" + pts + ", dts=" + dts
                + (keyFrame ? ", key" : "") + ", stream=0x" + Integer.toHexString(streamId) + "]";
    }
}
