package dev.gb28181.sip.transaction;

/** What the server transaction table holds for one key: a live transaction or a completed one's echo. */
interface ServerEntry {

    String key();

    /** The request arrived again (RFC 3261 §17.2.3 matched it to this entry). */
    void onRetransmission();

    void terminate();
}
