package dev.gb28181.platform;

import dev.gb28181.mansrtsp.MansrtspResponse;

/**
 * A device accepted the INFO of a playback control with 200 but its MANSRTSP answer (GB/T 28181-2016
 * §9.8.2, Annex B; RFC 2326 §7.1 status codes) refused it, e.g. {@code RTSP/1.0 457 Invalid Range} for a
 * seek beyond the recording. Carries that answer.
 */
public class PlayControlRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient MansrtspResponse response;

    public PlayControlRefusedException(MansrtspResponse response, String message) {
        super(message);
        this.response = response;
    }

    /** The device's MANSRTSP answer with a status other than 2xx. */
    public MansrtspResponse response() {
        return response;
    }
}
