package dev.gb28181.platform;

import dev.gb28181.manscdp.CatalogItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels of each device as its catalogs tell (GB/T 28181-2016 §9.5.2; split answers of Annex N; change
 * notifications of §9.11.1), kept from the platform's own {@link CatalogEvent}s so operators can see what a
 * device offers without querying it again.
 *
 * <p>A complete catalog (answer or unsolicited Response) replaces the device's channels; an incomplete one
 * adds and updates the items that arrived. A notification applies each item's Event: DEL removes the channel,
 * ADD and UPDATE put it, ON, OFF, VLOST and DEFECT set its status. A device that unregisters or whose
 * registration expires loses its channels; one that only missed keepalives keeps them.
 */
final class ChannelDirectory implements PlatformListener {

    private final Map<String, Map<String, Channel>> byDevice = new ConcurrentHashMap<>();

    @Override
    public void onEvent(PlatformEvent event) {
        if (event instanceof CatalogEvent catalog) {
            apply(catalog);
        } else if (event instanceof StatusEvent status && StatusEvent.OFFLINE.equals(status.eventType())
                && !DeviceLifecycle.REASON_KEEPALIVE_TIMEOUT.equals(status.reason())) {
            byDevice.remove(status.deviceId());
        }
    }

    private void apply(CatalogEvent catalog) {
        Instant now = catalog.timestamp();
        boolean notify = CatalogEvent.NOTIFY.equals(catalog.source());
        byDevice.compute(catalog.deviceId(), (deviceId, known) -> {
            Map<String, Channel> channels = known == null || catalog.complete() && !notify
                    ? new ConcurrentHashMap<>() : known;
            for (CatalogItem item : catalog.items()) {
                String id = item.getDeviceId();
                if (id == null) {
                    continue;
                }
                String change = notify && item.getEvent() != null ? item.getEvent().toUpperCase(Locale.ROOT) : "";
                switch (change) {
                    case "DEL" -> channels.remove(id);
                    case "ON", "OFF", "VLOST", "DEFECT" -> channels.compute(id, (k, c) -> c == null
                            ? channel(deviceId, item, change, now)
                            : new Channel(deviceId, id, c.name(), change, c.parentId(), now));
                    default -> channels.put(id, channel(deviceId, item, item.getStatus(), now));
                }
            }
            return channels.isEmpty() ? null : channels;
        });
    }

    private static Channel channel(String deviceId, CatalogItem item, String status, Instant now) {
        return new Channel(deviceId, item.getDeviceId(), item.getName(), status, item.getParentId(), now);
    }

    /** The known channels of one device. */
    List<Channel> channels(String deviceId) {
        Map<String, Channel> channels = byDevice.get(deviceId);
        return channels == null ? List.of() : List.copyOf(channels.values());
    }

    /** The known channels of every device. */
    List<Channel> all() {
        List<Channel> all = new ArrayList<>();
        for (Map<String, Channel> channels : byDevice.values()) {
            all.addAll(channels.values());
        }
        return all;
    }

    /** How many channels are known. */
    int count() {
        int n = 0;
        for (Map<String, Channel> channels : byDevice.values()) {
            n += channels.size();
        }
        return n;
    }
}
