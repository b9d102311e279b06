package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;

import java.util.Map;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Turn the application into a GB/T 28181 video surveillance platform: cameras and NVRs register over
 * SIP with digest authentication and send keepalives, and their registration, keepalive and
 * online/offline events flow through routes.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181", title = "GB28181", syntax = "gb28181:kind",
        consumerOnly = true, remote = true, category = { Category.NETWORKING, Category.IOT },
        headersClass = Gb28181Constants.class)
public class Gb28181Endpoint extends DefaultEndpoint
        implements AsyncEndpoint, EndpointServiceLocation, MultipleConsumersSupport {

    /** What the endpoint does: the family of device events it consumes. */
    @UriPath(enums = "register,keepalive,status")
    @Metadata(required = true)
    private final Gb28181Kind kind;

    /** Only the events of this 20-digit device ID; all devices when not set. */
    @UriParam
    private String deviceId;

    /**
     * The number of threads that route the events of this endpoint. The events of one device always
     * go to the same thread, so they reach the route in the order the platform saw them.
     */
    @UriParam(label = "consumer", defaultValue = "4")
    private int concurrentConsumers = 4;

    /**
     * How many events may wait per routing thread. When a thread's queue is full, new events for it
     * are dropped, logged and counted (droppedEvents in JMX) so that a stalled route never holds up
     * the SIP side.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "10000")
    private int eventQueueSize = 10_000;

    public Gb28181Endpoint(String uri, Gb28181Component component, Gb28181Kind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    /** No kind of this release sends anything to devices: they are all consumers. */
    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("gb28181:" + kind + " is consumer-only; use it in from(\"gb28181:"
                + kind + "\"), not in to(...)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (concurrentConsumers < 1 || eventQueueSize < 1) {
            throw new IllegalArgumentException("gb28181:" + kind
                    + " needs concurrentConsumers and eventQueueSize of at least 1");
        }
        Gb28181Consumer consumer = new Gb28181Consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Every consumer listens to the platform on its own, so several routes may consume one URI. */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    public String getServiceUrl() {
        Gb28181Configuration configuration = getComponent().getConfiguration();
        String host = configuration.getAdvertisedHost() != null ? configuration.getAdvertisedHost()
                : configuration.getHost();
        Gb28181Platform platform = getComponent().platformOrNull();
        int port = platform != null && platform.isSipBound() ? platform.sipPort() : configuration.getPort();
        return host + ":" + port;
    }

    @Override
    public String getServiceProtocol() {
        return "sip";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("sipId", getComponent().getConfiguration().getSipId(),
                "transports", getComponent().getConfiguration().getTransports());
    }

    public Gb28181Kind getKind() {
        return kind;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getEventQueueSize() {
        return eventQueueSize;
    }

    public void setEventQueueSize(int eventQueueSize) {
        this.eventQueueSize = eventQueueSize;
    }
}
