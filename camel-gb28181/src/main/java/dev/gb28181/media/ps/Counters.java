package dev.gb28181.media.ps;

/** The demuxer's mutable counters, written by the feeding thread only; {@link PsDemuxerStats} snapshots them. */
final class Counters {
    long bytes;
    long packs;
    long videoFrames;
    long audioFrames;
    long droppedFrames;
    long oversizeFrames;
    long skippedPes;
    long resyncs;
    long malformed;
    long gaps;

    PsDemuxerStats snapshot() {
        return new PsDemuxerStats(bytes, packs, videoFrames, audioFrames, droppedFrames, oversizeFrames,
                skippedPes, resyncs, malformed, gaps);
    }
}
