package dev.gb28181.camel;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.support.DefaultConsumer;

/**
 * The health of one gb28181 consumer (events: {@link Gb28181Consumer}; media frames: {@link Gb28181RtpConsumer}),
 * reported by Camel's consumer check of its route ({@code consumer:<routeId>}, which calls it through
 * {@link org.apache.camel.health.HealthCheckAware}): DOWN while the consumer does not listen to its platform or
 * the platform's SIP port is not bound, as nothing can reach the route then. The details name the kind, the
 * device filter and what was dropped because the route was behind.
 */
final class Gb28181ConsumerHealthCheck extends AbstractHealthCheck {

    private final Gb28181Endpoint endpoint;
    private final BooleanSupplier listening;
    private final LongSupplier dropped;

    private Gb28181ConsumerHealthCheck(Gb28181Endpoint endpoint, String routeId, BooleanSupplier listening,
            LongSupplier dropped) {
        super("camel", "gb28181-consumer-" + routeId);
        this.endpoint = endpoint;
        this.listening = listening;
        this.dropped = dropped;
    }

    /**
     * The check of a started consumer, enabled by the component's {@code healthCheckConsumerEnabled}.
     *
     * @param listening whether the consumer is attached to its platform
     * @param dropped   the events or frames it dropped because the route was behind
     */
    static Gb28181ConsumerHealthCheck of(DefaultConsumer consumer, Gb28181Endpoint endpoint, BooleanSupplier listening,
            LongSupplier dropped) {
        Gb28181ConsumerHealthCheck check = new Gb28181ConsumerHealthCheck(endpoint, consumer.getRouteId(), listening,
                dropped);
        check.setCamelContext(endpoint.getCamelContext());
        check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        return check;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("gb28181.kind", endpoint.getKind().toString());
        if (endpoint.getDeviceId() != null) {
            builder.detail("gb28181.device.id", endpoint.getDeviceId());
        }
        builder.detail("gb28181.dropped", dropped.getAsLong());
        if (!listening.getAsBoolean()) {
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
