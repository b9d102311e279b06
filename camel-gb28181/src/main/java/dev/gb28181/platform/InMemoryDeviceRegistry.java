package dev.gb28181.platform;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link DeviceRegistry} of registered devices (GB/T 28181-2016 §9.1): a
 * {@link ConcurrentHashMap} from device ID to device, for one platform node. {@link #onlineCount()} walks the map (O(n), about a millisecond for 100,000 devices).
 */
public final class InMemoryDeviceRegistry implements DeviceRegistry {

    private final ConcurrentHashMap<String, Device> devices = new ConcurrentHashMap<>();

    @Override
    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    @Override
    public Collection<Device> devices() {
        return Collections.unmodifiableCollection(devices.values());
    }

    @Override
    public int size() {
        return devices.size();
    }

    @Override
    public long onlineCount() {
        long n = 0;
        for (Device d : devices.values()) {
            if (d.online()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Device putIfAbsent(Device device) {
        return devices.putIfAbsent(device.deviceId(), device);
    }

    @Override
    public boolean remove(Device device) {
        return devices.remove(device.deviceId(), device);
    }
}
