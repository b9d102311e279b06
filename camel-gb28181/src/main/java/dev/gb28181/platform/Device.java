package dev.gb28181.platform;

/**
 * A registered device as the registry keeps it. CONTRACT SKELETON: the platform helper completes it
 * (ID, transport, address, expiry, user agent, last keepalive, online).
 */
public interface Device {

    String deviceId();

    boolean online();
}
