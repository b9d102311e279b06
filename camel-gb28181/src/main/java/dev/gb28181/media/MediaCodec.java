package dev.gb28181.media;

/**
 * The elementary-stream codecs a GB/T 28181 device may carry in its MPEG-2 PS (GB/T 28181-2016 Annex C.2,
 * PSM stream types: H.264 0x1B, H.265 0x24, MPEG-4 0x10, SVAC 0x80, G.711A 0x90, G.711U 0x91; 2022 adds AAC
 * 0x0F). The PS demuxer tags every {@link MediaFrame} with one of these.
 */
public enum MediaCodec {
    H264(true),
    H265(true),
    MPEG4(true),
    SVAC(true),
    G711A(false),
    G711U(false),
    AAC(false);

    private final boolean video;

    MediaCodec(boolean video) {
        this.video = video;
    }

    /** True for the video codecs, whose frames are access units (Annex-B for H.264/H.265). */
    public boolean isVideo() {
        return video;
    }
}
