package dev.gb28181.mansrtsp;

/**
 * What a MANSRTSP request asks of a playback (GB/T 28181-2016 §9.8.2, Annex B): pause it, resume it, jump to a
 * position, change its speed, or end it.
 */
public enum PlayAction {
    /** {@code PAUSE} with {@code PauseTime: now}. */
    PAUSE,
    /** {@code PLAY} with {@code Range: npt=now-}: continue where paused. */
    RESUME,
    /** {@code PLAY} with {@code Range: npt=<seconds>-}: seconds from the start of the recording. */
    SEEK,
    /** {@code PLAY} with {@code Scale}: playback speed, 1.0 is real time. */
    SCALE,
    /** {@code TEARDOWN}: the device stops sending; the platform then ends the session with BYE. */
    TEARDOWN
}
