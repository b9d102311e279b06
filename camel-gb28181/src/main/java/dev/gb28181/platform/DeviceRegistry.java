package dev.gb28181.platform;

import java.util.Collection;
import java.util.Optional;

/**
 * The registered devices of a platform. An interface so a shared store (Redis, a database) can
 * replace the in-memory default when several platform nodes serve one fleet.
 * CONTRACT SKELETON: the platform helper completes it.
 */
public interface DeviceRegistry {

    Optional<Device> find(String deviceId);

    Collection<Device> devices();

    int size();

    long onlineCount();
}
