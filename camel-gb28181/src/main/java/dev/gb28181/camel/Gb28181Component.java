package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformStats;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.Endpoint;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The {@code gb28181} component: one GB/T 28181 platform (a SIP user agent on one host and port,
 * UDP and TCP, GB/T 28181-2016 §4.3) per component instance, started with the component and shared
 * by all its endpoints. Run a second platform by adding a second component instance under another
 * name.
 */
@Component("gb28181")
public class Gb28181Component extends HealthCheckComponent {

    /** The platform settings shared by all endpoints of this component. */
    @Metadata
    private Gb28181Configuration configuration = new Gb28181Configuration();

    private volatile Gb28181Platform platform;
    /** Counters of this component's platforms: one per start, counting on where the previous one stopped. */
    private final PlatformStats stats = new PlatformStats();
    private volatile ExecutorService replyPool;
    private Gb28181HealthCheck healthCheck;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Gb28181Endpoint endpoint = new Gb28181Endpoint(uri, this, Gb28181Kind.of(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        replyPool = executors.newThreadPool(this, "Gb28181Reply",
                new ThreadPoolProfileBuilder("Gb28181Reply", executors.getDefaultThreadPoolProfile())
                        .rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build());
        Gb28181Platform started = new Gb28181Platform(configuration.toPlatformConfig(), stats);
        platform = started;
        HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(getCamelContext());
        if (registry != null) {
            healthCheck = new Gb28181HealthCheck(this);
            healthCheck.setEnabled(isHealthCheckConsumerEnabled() || isHealthCheckProducerEnabled());
            registry.register(healthCheck);
        }
        try {
            started.start();
        } catch (RuntimeException e) {
            platform = null;
            started.stop();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        Gb28181Platform running = platform;
        platform = null;
        if (running != null) {
            running.stop();
        }
        ExecutorService pool = replyPool;
        replyPool = null;
        if (pool != null) {
            // after the platform: the answers and failures of the requests it ended still continue their exchanges
            getCamelContext().getExecutorServiceManager().shutdownGraceful(pool);
        }
        if (healthCheck != null) {
            HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(getCamelContext());
            if (registry != null) {
                registry.unregister(healthCheck);
            }
            healthCheck = null;
        }
        super.doStop();
    }

    /**
     * The running platform of this component.
     *
     * @throws IllegalStateException when the component is not started
     */
    public Gb28181Platform getPlatform() {
        Gb28181Platform running = platform;
        if (running == null) {
            throw new IllegalStateException("The gb28181 component is not started, so its platform is not running");
        }
        return running;
    }

    /**
     * Where producers continue their exchanges when a device's answer (or a failure) arrives: a pool of
     * the component, so no route runs on a SIP I/O or timer thread. Runs the task in the caller when
     * the pool is saturated or stopped, so an exchange is never left without its callback.
     */
    Executor replyExecutor() {
        return this::continueExchange;
    }

    private void continueExchange(Runnable task) {
        ExecutorService pool = replyPool;
        if (pool != null) {
            try {
                pool.execute(task);
                return;
            } catch (RejectedExecutionException e) {
                // saturated or stopping: continue here rather than lose the exchange
            }
        }
        task.run();
    }

    /**
     * The counters of this component's platform (devices, registrations, SIP messages, queries, media sessions,
     * RTP, frames), for metrics: the same instance for the component's life, whose totals keep growing across
     * restarts of the component (each start builds a new platform). Available before the first start.
     */
    public PlatformStats getStats() {
        return stats;
    }

    /** Whether the platform's SIP port is bound, i.e. devices can reach it. */
    public boolean isSipBound() {
        Gb28181Platform running = platform;
        return running != null && running.isSipBound();
    }

    /** The platform while it exists (from the start of doStart to doStop), else {@code null}. */
    Gb28181Platform platformOrNull() {
        return platform;
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    /** The platform settings shared by all endpoints of this component. */
    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }
}
