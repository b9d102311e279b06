package dev.gb28181.sip;

/** The SIP transports of GB/T 28181 §4.3 (TLS is a 2022 option not offered yet). */
public enum Transport {
    UDP,
    TCP;

    /** Reads a Via transport token or a URI {@code transport} parameter, case-insensitively. */
    public static Transport of(String name) {
        return Transport.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
