package dev.gb28181.camel;

import dev.gb28181.platform.EventKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a {@code gb28181:kind} endpoint does. A consumer kind routes one family of platform events:
 * registrations (GB/T 28181-2016 §9.1), keepalives (§9.6), online status, catalogs (§9.5, §9.11),
 * alarms (§9.4), mobile positions (§9.11), every other MANSCDP message (Annex A), or the media
 * frames of all sessions (§9.2, Annex C). A producer kind sends commands to devices: MANSCDP queries
 * (§9.5), event subscriptions (§9.11, RFC 6665), PTZ commands (§9.3, Annex A.3), the other device
 * controls and configuration (§9.3, Annex A.2.3), and opens, controls and ends media sessions (INVITE
 * §9.2, §9.8, §9.9; MANSRTSP INFO, Annex B; BYE). A kind is one or the other, never both.
 */
public enum Gb28181Kind {

    /** REGISTERED, REFRESHED, UNREGISTERED and EXPIRED registrations (GB/T 28181-2016 §9.1). */
    REGISTER(EventKind.REGISTER),
    /** Every accepted keepalive (GB/T 28181-2016 §9.6). */
    KEEPALIVE(EventKind.KEEPALIVE),
    /** ONLINE and OFFLINE transitions of a device. */
    STATUS(EventKind.STATUS),
    /** Complete catalogs, asked or not, and catalog NOTIFY changes (GB/T 28181-2016 §9.5, §9.11). */
    CATALOG(EventKind.CATALOG),
    /** Alarm notifications by MESSAGE or NOTIFY (GB/T 28181-2016 §9.4). */
    ALARM(EventKind.ALARM),
    /** Mobile position notifications (GB/T 28181-2016 §9.11). */
    MOBILEPOSITION(EventKind.MOBILE_POSITION),
    /** Every other MANSCDP message nobody claimed, and subscription state changes. */
    MESSAGE(EventKind.MESSAGE),
    /** The frames (or PS frames) of every media session (GB/T 28181-2016 §9.2, Annex C). */
    RTP(null, true),
    /** Producer: a MANSCDP query whose reply is the (aggregated) answer (GB/T 28181-2016 §9.5). */
    QUERY(null),
    /** Producer: a Catalog, Alarm or MobilePosition subscription kept until the route stops (§9.11). */
    SUBSCRIBE(null),
    /** Producer: a PTZCmd (GB/T 28181-2016 Annex A.3) in a DeviceControl to a channel (§9.3). */
    PTZ(null),
    /** Producer: any other DeviceControl or a DeviceConfig (GB/T 28181-2016 §9.3, Annex A.2.3; 2022 additions). */
    CONTROL(null),
    /** Producer: opens a live, playback or download media session (GB/T 28181-2016 §9.2, §9.8, §9.9). */
    INVITE(null),
    /** Producer: pauses, resumes, seeks, scales or tears down a playback (MANSRTSP INFO, Annex B). */
    PLAYCONTROL(null),
    /** Producer: gives back one hold of a media session; the last ends it (BYE, GB/T 28181-2016 §9.2.2). */
    BYE(null);

    private final EventKind eventKind;
    private final boolean consumer;
    private final String uriName;

    Gb28181Kind(EventKind eventKind) {
        this(eventKind, eventKind != null);
    }

    Gb28181Kind(EventKind eventKind, boolean consumer) {
        this.eventKind = eventKind;
        this.consumer = consumer;
        this.uriName = name().toLowerCase(Locale.ROOT);
    }

    /** Whether endpoints of this kind are consumers ({@code from}); otherwise they are producers ({@code to}). */
    public boolean isConsumer() {
        return consumer;
    }

    /** Whether endpoints of this kind are producers ({@code to}). */
    public boolean isProducer() {
        return !consumer;
    }

    /**
     * The platform events a consumer of this kind receives.
     *
     * @throws IllegalStateException for a producer kind, which receives no events, and for {@code rtp},
     *                               which receives media frames
     */
    public EventKind eventKind() {
        if (eventKind == null) {
            throw new IllegalStateException("gb28181:" + uriName + (consumer ? " receives media frames, not events"
                    : " is a producer kind: it receives no events"));
        }
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
