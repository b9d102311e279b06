package dev.gb28181.media.rtp;

import java.net.InetSocketAddress;

/**
 * What one RTP receiver accepts: the session's SSRC (the SDP {@code y=} value, GB/T 28181-2016
 * Annex F), the device's media address, the reorder window and the largest packet.
 *
 * @param ssrc the SSRC to accept, or {@link #ANY_SSRC} to lock onto the first one received (devices
 *        that ignore the offered {@code y=})
 * @param source the device's address: packets (UDP) or connections (TCP passive) from elsewhere are
 *        dropped and counted; port 0 accepts any port of that host; {@code null} accepts any source
 * @param window reorder window in packets ({@link RtpReorderBuffer})
 * @param maxPacketSize largest RTP packet accepted, at most 65535 (the RFC 4571 length field); a
 *        longer TCP frame closes the connection, as the framing can no longer be trusted
 * @param totals where the receiver's {@link RtpStats} also add their counts (totals over many sessions), or
 *        {@code null}
 */
public record RtpReceiverConfig(long ssrc, InetSocketAddress source, int window, int maxPacketSize,
        RtpStats totals) {

    /** Accept the first SSRC received. */
    public static final long ANY_SSRC = -1;
    /** The RFC 4571 length field's maximum. */
    public static final int MAX_PACKET_SIZE = 65535;

    public RtpReceiverConfig {
        if (ssrc < ANY_SSRC || ssrc > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("SSRC " + ssrc + " is not a 32-bit unsigned value");
        }
        if (source != null && source.isUnresolved()) {
            throw new IllegalArgumentException("source " + source + " is not resolved");
        }
        if (window < 1 || window > RtpReorderBuffer.MAX_MISORDER) {
            throw new IllegalArgumentException("window " + window + " not in 1.." + RtpReorderBuffer.MAX_MISORDER);
        }
        if (maxPacketSize < RtpPacket.HEADER_SIZE || maxPacketSize > MAX_PACKET_SIZE) {
            throw new IllegalArgumentException("maxPacketSize " + maxPacketSize + " not in 12.." + MAX_PACKET_SIZE);
        }
    }

    /** The default window and packet size for {@code ssrc} from {@code source}. */
    public static RtpReceiverConfig of(long ssrc, InetSocketAddress source) {
        return new RtpReceiverConfig(ssrc, source, RtpReorderBuffer.DEFAULT_WINDOW, MAX_PACKET_SIZE, null);
    }

    /** This config with the receiver's counts also added to {@code totals}. */
    public RtpReceiverConfig withTotals(RtpStats totals) {
        return new RtpReceiverConfig(ssrc, source, window, maxPacketSize, totals);
    }

    boolean acceptsSource(InetSocketAddress sender) {
        return source == null || source.getAddress().equals(sender.getAddress())
                && (source.getPort() == 0 || source.getPort() == sender.getPort());
    }
}
