package dev.gb28181.camel;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health of one {@link Gb28181Consumer}, reported by Camel's consumer check of its route
 * ({@code consumer:<routeId>}, which calls it through {@link org.apache.camel.health.HealthCheckAware}): DOWN
 * while the consumer does not listen to its platform or the platform's SIP port is not bound, as no event can
 * reach the route then. The details name the kind, the device filter and the events dropped because the route
 * was behind.
 */
final class Gb28181ConsumerHealthCheck extends AbstractHealthCheck {

    private final Gb28181Consumer consumer;

    Gb28181ConsumerHealthCheck(Gb28181Consumer consumer, String routeId) {
        super("camel", "gb28181-consumer-" + routeId);
        this.consumer = consumer;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Gb28181Endpoint endpoint = consumer.getEndpoint();
        builder.detail("gb28181.kind", endpoint.getKind().toString());
        if (endpoint.getDeviceId() != null) {
            builder.detail("gb28181.device.id", endpoint.getDeviceId());
        }
        builder.detail("gb28181.events.dropped", consumer.getDroppedEvents());
        if (!consumer.isListening()) {
            builder.message("The consumer does not receive the platform's events");
            builder.down();
        } else if (!endpoint.getComponent().isSipBound()) {
            builder.message("The GB28181 SIP port is not bound");
            builder.down();
        } else {
            builder.up();
        }
    }
}
