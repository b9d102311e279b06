package dev.gb28181.examples.platform;

import dev.gb28181.camel.Gb28181Constants;
import dev.gb28181.camel.Gb28181Kind;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Forwards the events of every consumer kind of the gb28181 component to Kafka as JSON, keyed by
 * device ID so that the events of one device stay in order on one partition, and logs each as one
 * {@code EVENT <json>} line.
 */
@Component
public class PlatformEventRoutes extends RouteBuilder {

    /** The topic every device event goes to. */
    public static final String TOPIC = "gb28181-events";

    @Override
    public void configure() {
        for (Gb28181Kind kind : Gb28181Kind.values()) {
            from("gb28181:" + kind.uriName())
                    .routeId("gb28181-" + kind.uriName())
                    .to("direct:event");
        }

        from("direct:event")
                .routeId("events-to-kafka")
                .setHeader(KafkaConstants.KEY, header(Gb28181Constants.DEVICE_ID))
                .marshal().json()
                .convertBodyTo(String.class)
                .log("EVENT ${body}")
                .to("kafka:" + TOPIC);
    }
}
