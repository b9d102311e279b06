package dev.gb28181.camel;

/**
 * The reply of {@code gb28181:subscribe}: which subscription (GB/T 28181-2016 §9.11) is now in place.
 *
 * @param deviceId the device subscribed to
 * @param event    Catalog, Alarm or MobilePosition
 * @param expires  the lifetime in seconds the device granted; the platform renews it until the route stops
 */
public record SubscriptionInfo(String deviceId, String event, long expires) {
}
