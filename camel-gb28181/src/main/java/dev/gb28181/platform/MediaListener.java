package dev.gb28181.platform;

import dev.gb28181.media.MediaFrame;

/**
 * Receives the frames demultiplexed from the PS stream of media sessions (GB/T 28181-2016 §9.2,
 * Annex C: MPEG-2 PS over RTP). Called on the session's RTP event loop, one frame at a time per
 * session: return quickly and hand slow work to another thread. A listener that throws is logged and
 * does not end the session.
 *
 * <p>A session's {@link MediaSessionEvent#SESSION_ENDED} is emitted once its receiver closed, after its last
 * frame went to the listeners: a listener that queues frames and also listens to the events can queue the
 * session's end behind its frames.
 */
public interface MediaListener {

    void onFrame(MediaSession session, MediaFrame frame);
}
