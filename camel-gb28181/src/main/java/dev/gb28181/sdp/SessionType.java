package dev.gb28181.sdp;

import java.util.Optional;

/**
 * The {@code s=} session name of a GB/T 28181-2016 media session (§9.2, Annex F): live view, playback or
 * download of a recording, or voice broadcast / talk (§9.12). Devices answer with any text (an NVR writes
 * {@code s=Network Video Recorder}), so the raw name is kept by {@link GbSdp} and this type is only read from
 * it when it matches.
 */
public enum SessionType {
    PLAY("Play"),
    PLAYBACK("Playback"),
    DOWNLOAD("Download"),
    TALK("Talk");

    private final String sdpName;

    SessionType(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The {@code s=} text, e.g. {@code Playback}. */
    public String sdpName() {
        return sdpName;
    }

    /** True for the history sessions (Playback, Download): {@code u=} and {@code t=} carry the recording. */
    public boolean isHistory() {
        return this == PLAYBACK || this == DOWNLOAD;
    }

    /** The type whose {@code s=} text equals {@code name} ignoring case, if any. */
    public static Optional<SessionType> fromSdpName(String name) {
        for (SessionType type : values()) {
            if (type.sdpName.equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
