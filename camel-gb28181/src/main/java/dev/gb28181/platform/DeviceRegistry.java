package dev.gb28181.platform;

import java.util.Collection;
import java.util.Optional;

/**
 * The registered devices of a platform (GB/T 28181-2016 §9.1). An interface so a shared store
 * (Redis, a database) can replace the {@linkplain InMemoryDeviceRegistry in-memory default} when
 * several platform nodes serve one fleet; set one with {@link PlatformConfig#deviceRegistry}.
 *
 * <p>The platform adds a device only after it authenticated and removes it when it unregisters or
 * its registration expires; state changes (address, expiry, online) happen on the {@link Device}
 * itself, so {@link #find} must return the very instance that was added while it stays registered.
 * Implementations must be thread-safe: Netty I/O threads and the status timer call them concurrently.
 */
public interface DeviceRegistry {

    /** The registered device with this ID. */
    Optional<Device> find(String deviceId);

    /** A snapshot-or-live view of all registered devices; never {@code null}. */
    Collection<Device> devices();

    /** Number of registered devices. */
    int size();

    /** Number of registered devices that are online. */
    long onlineCount();

    /**
     * Adds a device unless one with its ID is registered (atomically: concurrent first REGISTERs of
     * one device create exactly one entry).
     *
     * @return the device already registered under that ID, or {@code null} when {@code device} was added
     */
    Device putIfAbsent(Device device);

    /**
     * Removes {@code device} if it is still the one registered under its ID (a device that
     * re-registered meanwhile is a new entry and stays).
     *
     * @return {@code true} when it was removed
     */
    boolean remove(Device device);
}
