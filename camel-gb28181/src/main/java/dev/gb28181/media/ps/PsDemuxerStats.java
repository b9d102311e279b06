package dev.gb28181.media.ps;

/**
 * A snapshot of one {@link PsDemuxer}'s counters. Bad input never throws (issue 5: malformed media is
 * counted and dropped), so these counters are how a session's media health is observed.
 *
 * @param bytes          PS bytes fed
 * @param packs          pack headers (0xBA) seen
 * @param videoFrames    video access units emitted
 * @param audioFrames    audio frames emitted
 * @param droppedFrames  complete or partial video frames dropped: before the first key frame with its
 *                       parameter sets, after a gap until the next key frame, or cut by a gap
 * @param oversizeFrames video frames dropped because they outgrew the maximum frame size
 * @param skippedPes     PES packets skipped: private stream 0xBD, padding 0xBE, private 2, ECM/EMM and
 *                       other system streams, audio or video of an unknown or unsupported stream type,
 *                       a second video stream
 * @param resyncs        times the parser lost the start-code grid and searched for the next start code
 * @param malformed      structurally invalid headers (PES length, header length, PSM, pack header)
 * @param gaps           {@link PsDemuxer#onGap()} calls
 */
public record PsDemuxerStats(long bytes, long packs, long videoFrames, long audioFrames, long droppedFrames,
        long oversizeFrames, long skippedPes, long resyncs, long malformed, long gaps) {
}
