package dev.gb28181.sip.transaction;

/**
 * Receives each new request once, on a Netty I/O thread: implementations answer quickly and hand
 * slow work (routes, I/O) to other threads.
 */
@FunctionalInterface
public interface SipRequestHandler {

    void onRequest(ServerTransaction transaction);
}
