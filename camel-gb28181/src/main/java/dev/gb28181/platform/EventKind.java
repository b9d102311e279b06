package dev.gb28181.platform;

/** The families of platform events; each is one consumer kind of the Camel component. */
public enum EventKind {
    /** REGISTERED, REFRESHED, UNREGISTERED, EXPIRED. */
    REGISTER,
    /** Every accepted keepalive (GB/T 28181 §9.6). */
    KEEPALIVE,
    /** ONLINE and OFFLINE transitions of a device. */
    STATUS
}
