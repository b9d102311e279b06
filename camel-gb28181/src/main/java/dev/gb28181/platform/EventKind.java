package dev.gb28181.platform;

/** The families of platform events; each is one consumer kind of the Camel component. */
public enum EventKind {
    /** REGISTERED, REFRESHED, UNREGISTERED, EXPIRED. */
    REGISTER,
    /** Every accepted keepalive (GB/T 28181 §9.6). */
    KEEPALIVE,
    /** ONLINE and OFFLINE transitions of a device. */
    STATUS,
    /** Complete (or idle-timed-out) catalogs and catalog NOTIFY changes (§9.5.2, §9.11, Annex N). */
    CATALOG,
    /** Alarm notifications (§9.4). */
    ALARM,
    /** Mobile position notifications (§9.13). */
    MOBILE_POSITION,
    /**
     * Every other MANSCDP message, subscription state changes (§9.11) and media session starts and ends
     * ({@link MediaSessionEvent}, §9.2, §9.8).
     */
    MESSAGE
}
