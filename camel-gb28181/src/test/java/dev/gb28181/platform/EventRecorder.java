package dev.gb28181.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Collects platform events for assertions. */
final class EventRecorder implements PlatformListener {

    private final List<PlatformEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(PlatformEvent event) {
        events.add(event);
    }

    List<PlatformEvent> all() {
        return List.copyOf(events);
    }

    /** The event types of one device in arrival order, e.g. [REGISTERED, ONLINE, KEEPALIVE]. */
    List<String> types(String deviceId) {
        return events.stream().filter(e -> e.deviceId().equals(deviceId)).map(PlatformEvent::eventType)
                .collect(Collectors.toList());
    }

    long count(String deviceId, String eventType) {
        return events.stream().filter(e -> e.deviceId().equals(deviceId) && e.eventType().equals(eventType)).count();
    }

    <T extends PlatformEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    <T extends PlatformEvent> T last(Class<T> type) {
        List<T> list = of(type);
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
