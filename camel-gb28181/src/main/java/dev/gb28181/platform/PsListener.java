package dev.gb28181.platform;

import io.netty.buffer.ByteBuf;

/**
 * Receives the MPEG-2 PS of media sessions as the device sent it (GB/T 28181-2016 Annex C: PS over RTP), one
 * frame at a time: the payloads of the RTP packets up to and including one with the marker bit, in sequence
 * order after reordering. For recording or forwarding the stream untouched. PS frames are assembled only while
 * a listener is registered; a frame cut by lost packets is not delivered.
 *
 * <p>Called on the session's RTP event loop, one frame at a time per session: return quickly. {@code ps} is
 * valid only during the call: copy the bytes to keep them (the buffer is reused for the next
 * frame, so retaining it does not keep them); never release it. A listener that throws is
 * logged and does not end the session. As for {@link MediaListener}, a session's
 * {@link MediaSessionEvent#SESSION_ENDED} is emitted after its last PS frame went to the listeners.
 */
public interface PsListener {

    void onPs(MediaSession session, ByteBuf ps);
}
