package dev.gb28181.camel;

import org.apache.camel.support.DefaultAsyncProducer;

/**
 * What every {@code gb28181} producer kind shares: its endpoint, and asynchronous processing (a command to a
 * device is answered later, by a SIP response or a MANSCDP message, so no thread waits for it; see
 * {@link Gb28181Exchanges#whenAnswered}).
 */
abstract class Gb28181Producer extends DefaultAsyncProducer {

    protected final Gb28181Endpoint endpoint;

    Gb28181Producer(Gb28181Endpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return endpoint;
    }
}
