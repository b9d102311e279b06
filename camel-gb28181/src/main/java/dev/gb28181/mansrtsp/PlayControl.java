package dev.gb28181.mansrtsp;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One playback control of GB/T 28181-2016 §9.8.2 (Annex B, MANSRTSP): the body of a SIP INFO sent in the
 * INVITE dialog of a playback with {@code Content-Type: Application/MANSRTSP}. Immutable; made by the
 * factories and written by {@link #encode(long)} exactly as the standard's examples:
 *
 * <pre>
 * pause     PAUSE RTSP/1.0 / CSeq: n / PauseTime: now
 * resume    PLAY RTSP/1.0 / CSeq: n / Range: npt=now-
 * scale     PLAY RTSP/1.0 / CSeq: n / Scale: 2.0
 * seek      PLAY RTSP/1.0 / CSeq: n / Range: npt=30-
 * teardown  TEARDOWN RTSP/1.0 / CSeq: n
 * </pre>
 *
 * each line ending in CRLF. {@link #parse(String)} reads them back (for devices and device simulators),
 * including what platforms in the field send: {@code PauseTime: 0}, {@code Scale: 2.000000} and a {@code Range}
 * in the same PLAY (GB/T 28181 capture, WVP).
 */
public final class PlayControl {

    static final String VERSION = "RTSP/1.0";
    /** The longest request {@link #parse} reads. */
    public static final int MAX_LENGTH = 4096;
    /** The largest speed accepted; devices offer up to 16 or 32 times. */
    public static final double MAX_SCALE = 256;

    private static final PlayControl PAUSE = new PlayControl(PlayAction.PAUSE, 1, -1);
    private static final PlayControl RESUME = new PlayControl(PlayAction.RESUME, 1, -1);
    private static final PlayControl TEARDOWN = new PlayControl(PlayAction.TEARDOWN, 1, -1);

    private final PlayAction action;
    private final double scale;
    private final long position;

    private PlayControl(PlayAction action, double scale, long position) {
        this.action = action;
        this.scale = scale;
        this.position = position;
    }

    /** Pauses the playback ({@code PauseTime: now}). */
    public static PlayControl pause() {
        return PAUSE;
    }

    /** Resumes a paused playback where it stopped ({@code Range: npt=now-}). */
    public static PlayControl resume() {
        return RESUME;
    }

    /**
     * Plays at {@code scale} times real time: 0.25, 0.5, 2, 4 ... (devices support what their recorder
     * supports); a negative value plays backwards (RFC 2326 §12.34) on devices that can.
     *
     * @throws IllegalArgumentException for 0, a value beyond ±{@link #MAX_SCALE}, NaN or infinity
     */
    public static PlayControl scale(double scale) {
        if (!(Math.abs(scale) <= MAX_SCALE) || scale == 0) {
            throw new IllegalArgumentException("scale " + scale + " is not a non-zero speed within ±" + MAX_SCALE);
        }
        return new PlayControl(PlayAction.SCALE, scale, -1);
    }

    /**
     * Jumps to {@code seconds} from the start of the recording's time range ({@code Range: npt=<seconds>-}).
     *
     * @throws IllegalArgumentException for a negative value
     */
    public static PlayControl seek(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seek position " + seconds + " s is negative");
        }
        return new PlayControl(PlayAction.SEEK, 1, seconds);
    }

    /** Ends the playback; the platform follows it with the session's BYE. */
    public static PlayControl teardown() {
        return TEARDOWN;
    }

    public PlayAction action() {
        return action;
    }

    /** The speed of a SCALE, else 1. */
    public double scale() {
        return scale;
    }

    /** The position in seconds of a SEEK, else -1. */
    public long position() {
        return position;
    }

    /** The request text with CSeq {@code cseq}, each line ending in CRLF. */
    public String encode(long cseq) {
        StringBuilder text = new StringBuilder(64);
        text.append(switch (action) {
            case PAUSE -> "PAUSE";
            case TEARDOWN -> "TEARDOWN";
            default -> "PLAY";
        }).append(' ').append(VERSION).append("\r\nCSeq: ").append(cseq).append("\r\n");
        switch (action) {
            case PAUSE -> text.append("PauseTime: now\r\n");
            case RESUME -> text.append("Range: npt=now-\r\n");
            case SEEK -> text.append("Range: npt=").append(position).append("-\r\n");
            case SCALE -> text.append("Scale: ").append(formatScale(scale)).append("\r\n");
            case TEARDOWN -> {
                // the request line and CSeq say everything
            }
        }
        return text.toString();
    }

    /**
     * Reads a MANSRTSP request. PAUSE is {@link PlayAction#PAUSE} and TEARDOWN {@link PlayAction#TEARDOWN}
     * whatever their headers; a PLAY with a numeric {@code Range: npt=<seconds>-} is a SEEK (fractions of a
     * second dropped), else one with a {@code Scale} other than 1 is a SCALE, else it is a RESUME.
     *
     * @throws IllegalArgumentException for text longer than {@link #MAX_LENGTH}, another method or version, an
     *         unreadable Scale or Range
     */
    public static PlayControl parse(String text) {
        String[] lines = lines(text);
        String first = lines.length == 0 ? "" : lines[0].trim();
        int space = first.indexOf(' ');
        if (space < 0 || !first.substring(space + 1).trim().startsWith("RTSP/")) {
            throw new IllegalArgumentException("Not a MANSRTSP request line: " + first);
        }
        String method = first.substring(0, space).toUpperCase(Locale.ROOT);
        switch (method) {
            case "PAUSE":
                return PAUSE;
            case "TEARDOWN":
                return TEARDOWN;
            case "PLAY":
                break;
            default:
                throw new IllegalArgumentException("MANSRTSP method " + method + " is not PLAY, PAUSE or TEARDOWN");
        }
        String range = header(lines, "Range");
        if (range != null) {
            String r = range.toLowerCase(Locale.ROOT);
            if (!r.startsWith("npt=")) {
                throw new IllegalArgumentException("MANSRTSP Range is not npt: " + range);
            }
            int dash = r.indexOf('-', 4);
            String from = (dash < 0 ? r.substring(4) : r.substring(4, dash)).trim();
            if (!from.equals("now") && !from.isEmpty()) {
                try {
                    return seek((long) Double.parseDouble(from));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("MANSRTSP Range is not a number of seconds: " + range, e);
                }
            }
        }
        String scale = header(lines, "Scale");
        if (scale != null) {
            double value;
            try {
                value = Double.parseDouble(scale);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MANSRTSP Scale is not a number: " + scale, e);
            }
            if (value != 1) {
                return scale(value);
            }
        }
        return RESUME;
    }

    /**
     * The CSeq of a MANSRTSP request or answer text, so a device can answer with the same one.
     *
     * @throws IllegalArgumentException when there is none or it is not a number
     */
    public static long cseq(String text) {
        String value = header(lines(text), "CSeq");
        if (value == null) {
            throw new IllegalArgumentException("MANSRTSP text without CSeq");
        }
        return number(value, "CSeq");
    }

    /** Lines of a MANSRTSP text, LF or CRLF, bounded to {@link #MAX_LENGTH} characters. */
    static String[] lines(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("MANSRTSP text of " + text.length() + " characters, at most "
                    + MAX_LENGTH);
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            lines[i] = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
        return lines;
    }

    /** The trimmed value of the first header {@code name} (any case) after the first line, or {@code null}. */
    static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    static long number(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MANSRTSP " + name + " is not a number: " + value, e);
        }
    }

    /** {@code 2.0}, {@code 0.5}, {@code 0.25}: plain decimal, never an exponent. */
    private static String formatScale(double scale) {
        if (scale == Math.rint(scale)) {
            return (long) scale + ".0";
        }
        return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlayControl other && action == other.action
                && Double.compare(scale, other.scale) == 0 && position == other.position;
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, scale, position);
    }

    @Override
    public String toString() {
        return switch (action) {
            case SCALE -> "SCALE " + formatScale(scale);
            case SEEK -> "SEEK " + position;
            default -> action.name();
        };
    }
}
