package dev.gb28181.camel;

import dev.gb28181.platform.MediaSession;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The holds the component's {@code invite} producers took on media sessions (one per successful invite,
 * {@link MediaSession#holders()}), so that stopping a route gives back only the holds that are still its own.
 * A {@code bye} gives back the hold of the invite on its own exchange ({@link #PROPERTY}) when it has one, else
 * the session's most recent hold (a REST call ending what another call opened); either way the producer that
 * took that hold does not give it back a second time when it stops. Without this, a route that invited and then
 * byed would release another holder's hold at its stop and end the session under it.
 */
final class MediaHolds {

    /** The exchange property the invite producer sets to the {@link Hold} it took for the exchange. */
    static final String PROPERTY = "CamelGb28181MediaHold";

    /** One hold a producer took. */
    static final class Hold {
        final MediaSession session;
        final Object owner;

        Hold(MediaSession session, Object owner) {
            this.session = session;
            this.owner = owner;
        }
    }

    /** By Call-ID, oldest first; sessions that ended are pruned as holds are taken. */
    private final Map<String, Deque<Hold>> bySession = new HashMap<>();

    /** Records the hold {@code owner} took by inviting {@code session}. */
    synchronized Hold take(MediaSession session, Object owner) {
        bySession.values().removeIf(holds -> !holds.getFirst().session.isActive());
        Hold hold = new Hold(session, owner);
        bySession.computeIfAbsent(session.callId(), k -> new ArrayDeque<>()).addLast(hold);
        return hold;
    }

    /**
     * Forgets the hold a bye of {@code session} gives back: {@code own} (the exchange's) while still recorded,
     * else the session's most recent; nothing when no producer holds the session (a hold taken through the
     * platform's Java API).
     */
    synchronized void release(MediaSession session, Hold own) {
        Deque<Hold> holds = bySession.get(session.callId());
        if (holds == null) {
            return;
        }
        if (own == null || own.session != session || !holds.remove(own)) {
            holds.pollLast();
        }
        if (holds.isEmpty()) {
            bySession.remove(session.callId());
        }
    }

    /**
     * Forgets {@code hold} itself, for the invite producer that took it while stopping; false when it was not
     * recorded any more ({@link #releaseAll} of its stop, which ran between the take and the producer's check, gave
     * it back already), so that the hold is given back exactly once and no other producer's hold with it.
     */
    synchronized boolean forget(Hold hold) {
        Deque<Hold> holds = bySession.get(hold.session.callId());
        if (holds == null || !holds.remove(hold)) {
            return false;
        }
        if (holds.isEmpty()) {
            bySession.remove(hold.session.callId());
        }
        return true;
    }

    /** Forgets and returns the holds {@code owner} still has, for it to give back. */
    synchronized List<Hold> releaseAll(Object owner) {
        List<Hold> released = new ArrayList<>();
        for (Iterator<Deque<Hold>> it = bySession.values().iterator(); it.hasNext();) {
            Deque<Hold> holds = it.next();
            holds.removeIf(h -> h.owner == owner && released.add(h));
            if (holds.isEmpty()) {
                it.remove();
            }
        }
        return released;
    }
}
