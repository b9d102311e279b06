package dev.gb28181.manscdp;

/**
 * A status word normalised (GB/T 28181-2016 Annex A: {@code statusType} ON/OFF, {@code Online}
 * ONLINE/OFFLINE, {@code resultType} OK/ERROR). Devices write {@code ON}, {@code On}, {@code ONLINE},
 * {@code OK}, {@code OFF}, {@code OFFLINE} and more; the typed classes keep the raw text in their
 * XML property and expose this value beside it (JSON only), so nothing a device wrote is lost.
 */
public enum OnOff {
    ON,
    OFF;

    /** ON for on/online/ok/true/1, OFF for off/offline/false/0 (any case), else {@code null}. */
    public static OnOff of(String raw) {
        if (raw == null) {
            return null;
        }
        String word = raw.trim();
        if (word.equalsIgnoreCase("ON") || word.equalsIgnoreCase("ONLINE") || word.equalsIgnoreCase("OK")
                || word.equalsIgnoreCase("TRUE") || word.equals("1")) {
            return ON;
        }
        if (word.equalsIgnoreCase("OFF") || word.equalsIgnoreCase("OFFLINE") || word.equalsIgnoreCase("FALSE")
                || word.equals("0")) {
            return OFF;
        }
        return null;
    }
}
