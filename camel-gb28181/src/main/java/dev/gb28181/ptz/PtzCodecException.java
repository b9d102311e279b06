package dev.gb28181.ptz;

/**
 * A PTZCmd string that is not a valid GB/T 28181-2016 Annex A.3 front-end control command: wrong length,
 * a non-hex character, a first byte other than A5H, a wrong version or check nibble (A.3.1 byte 2), a wrong
 * checksum (A.3.1 byte 8) or an instruction Annex A.3 does not define. The message names which.
 *
 * <p>It is an {@link IllegalArgumentException} because a bad PTZCmd is bad input, like an out-of-range
 * {@link PtzParams} value: callers refuse both the same way.
 */
public final class PtzCodecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PtzCodecException(String message) {
        super(message);
    }
}
