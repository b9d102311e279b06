package dev.gb28181.sdp;

/**
 * How the device sends RTP to the platform (GB/T 28181-2016 §9.2, Annex F; RFC 4145 {@code a=setup}, RFC 4571
 * framing over TCP): {@code UDP} ({@code m=... RTP/AVP}), {@code TCP_PASSIVE} (the platform listens and the
 * device connects: the platform offers {@code TCP/RTP/AVP} with {@code a=setup:passive}) or {@code TCP_ACTIVE}
 * (the platform connects to the address of the device's answer: {@code a=setup:active}). The option names are
 * those of the {@code mediaTransport} endpoint option (API.md).
 */
public enum MediaTransport {
    UDP("udp"),
    TCP_PASSIVE("tcp-passive"),
    TCP_ACTIVE("tcp-active");

    private final String optionName;

    MediaTransport(String optionName) {
        this.optionName = optionName;
    }

    /** The {@code mediaTransport} option value, e.g. {@code tcp-passive}. */
    public String optionName() {
        return optionName;
    }

    /** The transport for an option value ({@code udp}, {@code tcp-passive}, {@code tcp-active}, any case). */
    public static MediaTransport fromOptionName(String name) {
        for (MediaTransport transport : values()) {
            if (transport.optionName.equalsIgnoreCase(name)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("mediaTransport must be udp, tcp-passive or tcp-active, not " + name);
    }
}
