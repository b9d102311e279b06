package dev.gb28181.examples.platform;

import dev.gb28181.camel.Gb28181Constants;
import dev.gb28181.camel.Gb28181Kind;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Forwards the events of every event consumer kind of the gb28181 component (all but the media frames
 * of {@code rtp}; media sessions starting and ending are MESSAGE events) to Kafka as JSON, keyed by
 * device ID so that the events of one device stay in order on one partition, and logs each as one
 * {@code EVENT <json>} line. When a device registers it is asked for its DeviceInfo, whose answer
 * becomes an event too, and for its Catalog, which arrives as a CATALOG event of the catalog
 * consumer. A query that fails (device gone, no answer) is logged once and not retried: the next
 * registration asks again.
 */
@Component
public class PlatformEventRoutes extends RouteBuilder {

    /** The topic every device event goes to. */
    public static final String TOPIC = "gb28181-events";

    @Override
    public void configure() {
        for (Gb28181Kind kind : Gb28181Kind.values()) {
            // media frames are no events: RecordingRoutes writes the live ones to files
            if (kind.isConsumer() && kind != Gb28181Kind.RTP) {
                from("gb28181:" + kind.uriName())
                        .routeId("gb28181-" + kind.uriName())
                        .to("direct:event");
            }
        }

        from("gb28181:register")
                .routeId("query-on-register")
                .filter(header(Gb28181Constants.EVENT_TYPE).isEqualTo("REGISTERED"))
                // a copy each: the DeviceInfo reply's CamelGb28181CmdType header would win over cmd=Catalog
                .multicast().to("direct:query-device-info", "direct:query-catalog");

        from("direct:query-device-info")
                .routeId("query-device-info")
                .doTry()
                    .to("gb28181:query?cmd=DeviceInfo")
                    .to("direct:event")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "DeviceInfo query to ${header.CamelGb28181DeviceId} failed:"
                            + " ${exception.message}")
                .end();

        // the answer is not forwarded here: every complete catalog is a CATALOG event of gb28181:catalog
        from("direct:query-catalog")
                .routeId("query-catalog")
                .doTry()
                    .to("gb28181:query?cmd=Catalog")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "Catalog query to ${header.CamelGb28181DeviceId} failed:"
                            + " ${exception.message}")
                .end();

        from("direct:event")
                .routeId("events-to-kafka")
                .setHeader(KafkaConstants.KEY, header(Gb28181Constants.DEVICE_ID))
                .marshal().json()
                .convertBodyTo(String.class)
                .log("EVENT ${body}")
                .to("kafka:" + TOPIC);
    }
}
