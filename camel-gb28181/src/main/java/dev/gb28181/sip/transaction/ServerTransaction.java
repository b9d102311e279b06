package dev.gb28181.sip.transaction;

import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.Transport;

import java.net.InetSocketAddress;

/**
 * A server transaction (RFC 3261 §17.2): one request received, the responses sent to it.
 *
 * <p>The stack creates one per new request and hands it to the {@link SipRequestHandler} once; a
 * retransmission of the request never reaches the handler again, the transaction answers it with
 * the last response sent. Responses go back to the source address of the request (RFC 3581
 * symmetric response routing), over the connection it arrived on for TCP.
 */
public interface ServerTransaction {

    SipRequest request();

    Transport transport();

    /** The address the request came from: what a device behind NAT is reached at. */
    InetSocketAddress source();

    /**
     * Sends a response and keeps it for retransmissions of the request; a final response (2xx-6xx)
     * completes the transaction. Safe to call from any thread.
     */
    void respond(SipResponse response);

    /** Sends a response built with {@link SipRequest#createResponse(int, String)} and this transaction's To tag. */
    void respond(int status);

    /** The To tag this transaction writes into its responses (one per transaction, RFC 3261 §8.2.6.2). */
    String toTag();
}
