package dev.gb28181.ptz;

/**
 * The parameters of a {@link PtzCommand} built with {@link PtzCommand#of(PtzAction, PtzParams)}: a small
 * fluent holder whose setters refuse an out-of-range value at once with an {@link IllegalArgumentException}
 * naming the parameter and its range, so nothing is ever built from a bad value.
 *
 * <p>Which field lands in which byte follows GB/T 28181-2016 Annex A.3: {@link #speed(int)} is the pan speed
 * (byte 5) of left/right, the tilt speed (byte 6) of up/down and both for the diagonals (A.3.2 notes 1-2);
 * the focus speed (byte 5) of focus and the iris speed (byte 6) of iris actions (A.3.3 notes 2-3). Annex A.3.2
 * lets a direction combine with zoom ({@link #zoomIn()}, {@link #zoomOut()}) and A.3.3 lets focus combine
 * with iris ({@link #irisOpen()}, {@link #irisClose()}); the combined part runs at {@link #zoomSpeed(int)}
 * and {@link #speed(int)} respectively.
 *
 * <p>Defaults: speed {@value #DEFAULT_SPEED}, zoom speed {@value #DEFAULT_ZOOM_SPEED} (mid-range: both
 * scales run from slow to fast, 0 being the slowest, not a standstill), group 0, aux switch 1 (the wiper,
 * A.3.7), address 0 (the target is chosen by {@code <DeviceID>}, A.3.1 note). Preset and value have no
 * default: the actions that need them refuse to build without them.
 *
 * <p>Not thread-safe: fill one per command; {@link PtzCommand#of} copies what it uses.
 */
public final class PtzParams {

    /** Speed used when {@link #speed(int)} is not called. */
    public static final int DEFAULT_SPEED = 128;
    /** Zoom speed used when {@link #zoomSpeed(int)} is not called. */
    public static final int DEFAULT_ZOOM_SPEED = 8;

    static final int UNSET = -1;

    int speed = DEFAULT_SPEED;
    int zoomSpeed = DEFAULT_ZOOM_SPEED;
    int preset = UNSET;
    int group;
    int value = UNSET;
    int aux = 1;
    int address;
    boolean zoomIn;
    boolean zoomOut;
    boolean irisOpen;
    boolean irisClose;

    /** Pan and/or tilt speed, or focus and/or iris speed, 0 (slowest) to 255. */
    public PtzParams speed(int speed) {
        this.speed = checkRange("speed", speed, 0, 255);
        return this;
    }

    /** Zoom speed, 0 (slowest) to 15: the high nibble of byte 7 (A.3.2 note 3). */
    public PtzParams zoomSpeed(int zoomSpeed) {
        this.zoomSpeed = checkRange("zoomSpeed", zoomSpeed, 0, 15);
        return this;
    }

    /**
     * Preset number, 1 to 255 (A.3.4: 0 is reserved); 0 is accepted only by {@link PtzAction#CRUISEDELETE},
     * where it deletes the whole cruise (A.3.5 note 2).
     */
    public PtzParams preset(int preset) {
        this.preset = checkRange("preset", preset, 0, 255);
        return this;
    }

    /** Cruise or scan group number, 0 to 255 (byte 5 of A.3.5 and A.3.6). */
    public PtzParams group(int group) {
        this.group = checkRange("group", group, 0, 255);
        return this;
    }

    /**
     * The 12-bit value of cruise speed, cruise dwell (seconds) and scan speed, 0 to 4095: low 8 bits in byte 6,
     * high 4 bits in the high nibble of byte 7 (A.3.5 note 2, A.3.6 note 2).
     */
    public PtzParams value(int value) {
        this.value = checkRange("value", value, 0, 4095);
        return this;
    }

    /** Auxiliary switch number, 0 to 255; 1 is the wiper (A.3.7). */
    public PtzParams aux(int aux) {
        this.aux = checkRange("aux", aux, 0, 255);
        return this;
    }

    /** Device address, 0 to 4095 (A.3.1); 0 is the broadcast address and the usual choice. */
    public PtzParams address(int address) {
        this.address = checkRange("address", address, 0, 4095);
        return this;
    }

    /** Zoom in while moving in a direction (A.3.2 allows the combination). */
    public PtzParams zoomIn() {
        if (zoomOut) {
            throw new IllegalArgumentException("zoomIn and zoomOut cannot be combined (GB/T 28181-2016 A.3.2)");
        }
        zoomIn = true;
        return this;
    }

    /** Zoom out while moving in a direction (A.3.2 allows the combination). */
    public PtzParams zoomOut() {
        if (zoomIn) {
            throw new IllegalArgumentException("zoomIn and zoomOut cannot be combined (GB/T 28181-2016 A.3.2)");
        }
        zoomOut = true;
        return this;
    }

    /** Open the iris while focusing (A.3.3 allows the combination); the iris runs at {@link #speed(int)}. */
    public PtzParams irisOpen() {
        if (irisClose) {
            throw new IllegalArgumentException("irisOpen and irisClose cannot be combined (GB/T 28181-2016 A.3.3)");
        }
        irisOpen = true;
        return this;
    }

    /** Close the iris while focusing (A.3.3 allows the combination); the iris runs at {@link #speed(int)}. */
    public PtzParams irisClose() {
        if (irisOpen) {
            throw new IllegalArgumentException("irisOpen and irisClose cannot be combined (GB/T 28181-2016 A.3.3)");
        }
        irisClose = true;
        return this;
    }

    private static int checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + value);
        }
        return value;
    }
}
