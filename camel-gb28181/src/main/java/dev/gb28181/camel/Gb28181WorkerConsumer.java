package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;

import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.support.DefaultConsumer;

/**
 * What both gb28181 consumer kinds share. The platform calls them on its own threads (SIP I/O and timers for
 * events, RTP event loops for frames), so, as camel-netty's ordered executor does, they only hand each event
 * or frame to one of {@code concurrentConsumers} single-thread workers ({@link Gb28181Workers}) and return:
 * a slow route never blocks the protocol side. Both report to Camel's consumer health check whether they are
 * attached to a running platform and how much they dropped ({@link Gb28181ConsumerHealthCheck}).
 */
abstract class Gb28181WorkerConsumer extends DefaultConsumer implements HealthCheckAware {

    protected final Gb28181Endpoint endpoint;
    private volatile Gb28181Workers workers;
    private volatile Gb28181Platform platform;
    private volatile HealthCheck healthCheck;

    Gb28181WorkerConsumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public Gb28181Endpoint getEndpoint() {
        return endpoint;
    }

    /** Registers this consumer with the running platform as its listener. */
    protected abstract void attach(Gb28181Platform running);

    /** Unregisters it; nothing reaches it afterwards. */
    protected abstract void detach(Gb28181Platform running);

    /** What it dropped because its route was behind, for the health check. */
    protected abstract long dropped();

    /** The workers while started, else {@code null}. */
    protected final Gb28181Workers workers() {
        return workers;
    }

    /**
     * Hands {@code task} to the worker of {@code key} ({@link Gb28181Workers#offer}) unless the consumer is not
     * started or is stopping, when nothing is queued.
     *
     * @return false only when the worker's queue was full and the task was dropped
     */
    protected final boolean offer(String key, Runnable task) {
        Gb28181Workers running = workers;
        if (running == null || !isRunAllowed()) {
            return true;
        }
        try {
            return running.offer(key, task);
        } catch (RejectedExecutionException e) {
            return true; // stopping: the workers were shut down since the check
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Gb28181Platform running = endpoint.getComponent().getPlatform();
        workers = Gb28181Workers.start(this, endpoint);
        platform = running;
        attach(running);
        if (healthCheck == null) {
            healthCheck = Gb28181ConsumerHealthCheck.of(this, endpoint, this::isListening, this::dropped);
        }
    }

    @Override
    protected void doStop() throws Exception {
        Gb28181Platform running = platform;
        if (running != null) {
            detach(running);
            platform = null;
        }
        Gb28181Workers stopping = workers;
        workers = null;
        if (stopping != null) {
            stopping.stop();
        }
        super.doStop();
    }

    /**
     * The check Camel's consumer health check of this route calls: a {@link Gb28181ConsumerHealthCheck} from
     * the consumer's first start, unless one was set.
     */
    @Override
    public HealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    public void setHealthCheck(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }

    private boolean isListening() {
        return platform != null && workers != null;
    }
}
