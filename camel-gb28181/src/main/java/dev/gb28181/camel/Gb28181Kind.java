package dev.gb28181.camel;

import dev.gb28181.platform.EventKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a {@code gb28181:kind} endpoint does. Each kind of this release is a consumer of one family
 * of platform events: registrations (GB/T 28181-2016 §9.1), keepalives (§9.6) and the online status
 * derived from them.
 */
public enum Gb28181Kind {

    /** REGISTERED, REFRESHED, UNREGISTERED and EXPIRED registrations (GB/T 28181-2016 §9.1). */
    REGISTER(EventKind.REGISTER),
    /** Every accepted keepalive (GB/T 28181-2016 §9.6). */
    KEEPALIVE(EventKind.KEEPALIVE),
    /** ONLINE and OFFLINE transitions of a device. */
    STATUS(EventKind.STATUS);

    private final EventKind eventKind;
    private final String uriName;

    Gb28181Kind(EventKind eventKind) {
        this.eventKind = eventKind;
        this.uriName = name().toLowerCase(Locale.ROOT);
    }

    /** The platform events a consumer of this kind receives. */
    public EventKind eventKind() {
        return eventKind;
    }

    /** The name used in the URI, e.g. {@code register}. */
    public String uriName() {
        return uriName;
    }

    /**
     * The kind named in a URI path, case-insensitively.
     *
     * @throws IllegalArgumentException naming the known kinds when {@code name} is none of them
     */
    public static Gb28181Kind of(String name) {
        for (Gb28181Kind kind : values()) {
            if (kind.uriName.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown gb28181 kind '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Gb28181Kind::uriName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return uriName;
    }
}
