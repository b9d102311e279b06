package dev.gb28181.ptz;

import java.util.Locale;

/**
 * What a PTZCmd asks the front-end device to do, one constant per command of GB/T 28181-2016 Annex A.3:
 * pan/tilt directions, zoom and stop (A.3.2), focus and iris (A.3.3), presets (A.3.4), cruise (A.3.5),
 * scan (A.3.6) and auxiliary switches (A.3.7). The lower-case {@link #uriName()} is the {@code action}
 * value of the {@code gb28181:ptz} producer.
 *
 * <p>Cruise and scan have no stop of their own: Annex A.3.5 note 4 and A.3.6 note 3 stop them with
 * {@link #STOP}.
 */
public enum PtzAction {
    /** A.3.2 byte 4 = 00H: every PTZ movement stops (also ends cruise and scan). */
    STOP(0x00),
    UP(0x08),
    DOWN(0x04),
    LEFT(0x02),
    RIGHT(0x01),
    UPLEFT(0x0A),
    UPRIGHT(0x09),
    DOWNLEFT(0x06),
    DOWNRIGHT(0x05),
    ZOOMIN(0x10),
    ZOOMOUT(0x20),
    /** A.3.3 byte 4 bit 1. */
    FOCUSNEAR(0x42),
    /** A.3.3 byte 4 bit 0. */
    FOCUSFAR(0x41),
    /** A.3.3 byte 4 bit 2: iris opens (enlarges). */
    IRISOPEN(0x44),
    /** A.3.3 byte 4 bit 3: iris closes (shrinks). */
    IRISCLOSE(0x48),
    /** A.3.3 byte 4 = 40H: every focus and iris action stops. */
    FISTOP(0x40),
    PRESETSET(0x81),
    PRESETCALL(0x82),
    PRESETDELETE(0x83),
    /** A.3.5 84H: adds a preset to a cruise group. */
    CRUISEADD(0x84),
    /** A.3.5 85H: removes a preset from a cruise group; preset 0 removes the whole cruise. */
    CRUISEDELETE(0x85),
    CRUISESPEED(0x86),
    /** A.3.5 87H: dwell time at each point, in seconds. */
    CRUISEDWELL(0x87),
    CRUISESTART(0x88),
    /** A.3.6 89H with byte 6 = 0. */
    SCANSTART(0x89),
    /** A.3.6 89H with byte 6 = 1: the current position becomes the left limit. */
    SCANLEFT(0x89),
    /** A.3.6 89H with byte 6 = 2: the current position becomes the right limit. */
    SCANRIGHT(0x89),
    SCANSPEED(0x8A),
    /** A.3.7 8CH: switch on (an analogue target steps up one unit); switch 1 is the wiper. */
    AUXON(0x8C),
    /** A.3.7 8DH: switch off (an analogue target steps down one unit). */
    AUXOFF(0x8D);

    private static final PtzAction[] VALUES = values();
    private static final String NAMES;

    static {
        StringBuilder names = new StringBuilder();
        for (PtzAction action : VALUES) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(action.uriName);
        }
        NAMES = names.toString();
    }

    private final int code;
    private final String uriName;

    PtzAction(int code) {
        this.code = code;
        this.uriName = name().toLowerCase(Locale.ROOT);
    }

    /** Byte 4 of the command for this action alone (scan actions share 89H). */
    int code() {
        return code;
    }

    /** The lower-case name used in URIs, options and headers, e.g. {@code presetcall}. */
    public String uriName() {
        return uriName;
    }

    /**
     * The action named {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException if no action has that name; the message lists the names
     */
    public static PtzAction of(String name) {
        if (name != null) {
            for (PtzAction action : VALUES) {
                if (action.uriName.equalsIgnoreCase(name)) {
                    return action;
                }
            }
        }
        String shown = name != null && name.length() > 32 ? name.substring(0, 32) + "..." : name;
        throw new IllegalArgumentException("unknown PTZ action '" + shown + "', expected one of: " + NAMES);
    }
}
