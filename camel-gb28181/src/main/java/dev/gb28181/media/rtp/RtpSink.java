package dev.gb28181.media.rtp;

/**
 * Receives the RTP packets of one media session (GB/T 28181-2016 §9.2, Annex C: PS over RTP) in
 * sequence order from an {@link RtpReorderBuffer}. Calls come from one thread at a time (the
 * receiver's event loop); the packet and its payload are valid only during {@link #onPacket}: retain
 * the payload to keep it.
 */
public interface RtpSink {

    /** The next packet in sequence order; its payload is released after this returns. */
    void onPacket(RtpPacket packet);

    /**
     * {@code lostPackets} packets before the next one delivered never arrived in time: a partial
     * frame must be dropped and decoding resumed at the next key frame.
     */
    void onGap(int lostPackets);

    /**
     * The session's TCP media connection (RFC 4571; TCP passive or active) closed other than by
     * {@link RtpReceiver#close()}: the device closed or reset it, or the receiver dropped it for a frame
     * longer than the largest packet accepted. Called after the packets held for reordering were delivered;
     * never for UDP, whose loss only shows as silence. A TCP passive receiver still accepts the device's next
     * connection: whether the session goes on is the caller's choice.
     */
    default void onConnectionLost() {
    }
}
