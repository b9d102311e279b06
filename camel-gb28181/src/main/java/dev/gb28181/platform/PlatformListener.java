package dev.gb28181.platform;

/**
 * Receives platform events. Called on the thread that produced the event (a Netty I/O thread or
 * the status timer): implementations hand the event to their own executor and return.
 */
@FunctionalInterface
public interface PlatformListener {

    void onEvent(PlatformEvent event);
}
