package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformEvent;
import dev.gb28181.platform.PlatformListener;
import dev.gb28181.platform.StatusEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The devices of a {@link Gb28181Component}'s platform that went OFFLINE (GB/T 28181-2016 §9.6: missed
 * keepalives, an expired or ended registration) within {@code offlineDevicesWindow} and are still offline.
 *
 * <p>Neither a readiness nor a liveness check, and UP whenever the platform runs: cameras dropping off a
 * network is the fleet's state, not the application's, and must neither restart it (liveness) nor take it out
 * of service (readiness), which would only cut off the devices still online. The details say what an operator
 * looks for: {@code devices.registered}, {@code devices.online}, {@code offline.window},
 * {@code offline.recent.count} and {@code offline.recent.devices} (the IDs, most recent first, at most
 * {@value #MAX_LISTED}), and the message counts them. Alert on the count (or on the metrics), not on the state.
 * UNKNOWN while the platform does not run.
 */
final class Gb28181DevicesHealthCheck extends AbstractHealthCheck implements PlatformListener {

    static final int MAX_LISTED = 100;

    private final Gb28181Component component;
    private final Map<String, Instant> offlineSince = new ConcurrentHashMap<>();

    Gb28181DevicesHealthCheck(Gb28181Component component) {
        super("camel", "gb28181-devices-" + component.getConfiguration().getSipId());
        this.component = component;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** Remembers when each device went offline, forgets it when it comes back. */
    @Override
    public void onEvent(PlatformEvent event) {
        if (event instanceof StatusEvent status) {
            if (StatusEvent.OFFLINE.equals(status.eventType())) {
                offlineSince.put(status.deviceId(), status.timestamp());
            } else {
                offlineSince.remove(status.deviceId());
            }
        }
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Gb28181Platform platform = component.platformOrNull();
        Duration window = Duration.ofMillis(component.getConfiguration().getOfflineDevicesWindow());
        builder.detail("offline.window", window.toString());
        if (platform == null) {
            builder.message("The GB28181 platform is not running");
            builder.unknown();
            return;
        }
        Instant since = Instant.now().minus(window);
        offlineSince.values().removeIf(at -> at.isBefore(since));
        List<String> recent = offlineSince.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
        builder.detail("devices.registered", platform.registry().size());
        builder.detail("devices.online", platform.registry().onlineCount());
        builder.detail("offline.recent.count", recent.size());
        builder.detail("offline.recent.devices", recent.stream().limit(MAX_LISTED).collect(Collectors.joining(",")));
        builder.message(recent.size() + " device(s) went offline in the last " + window + " and are still offline");
        builder.up();
    }
}
