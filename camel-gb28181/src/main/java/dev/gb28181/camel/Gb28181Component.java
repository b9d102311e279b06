package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformStats;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.Endpoint;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
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
 *
 * <p>For operations it registers a readiness check of the SIP port ({@link Gb28181HealthCheck}) and a check
 * of the devices that went offline recently ({@link Gb28181DevicesHealthCheck}), exposes the platform's counts
 * and the SIP trace switch over JMX (with camel-management), and is listed by the {@code gb28181} dev console
 * ({@link Gb28181DevConsole}).
 */
@Component("gb28181")
@ManagedResource(description = "GB28181 platform")
public class Gb28181Component extends HealthCheckComponent {

    /** The platform settings shared by all endpoints of this component. */
    @Metadata
    private Gb28181Configuration configuration = new Gb28181Configuration();

    private volatile Gb28181Platform platform;
    /** Counters of this component's platforms: one per start, counting on where the previous one stopped. */
    private final PlatformStats stats = new PlatformStats();
    private final MediaHolds mediaHolds = new MediaHolds();
    private volatile ExecutorService replyPool;
    private Gb28181HealthCheck healthCheck;
    private Gb28181DevicesHealthCheck devicesHealthCheck;

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
        if (configuration.isSipTrace()) {
            started.sipTrace().enable(configuration.sipTraceDeviceIds());
        }
        platform = started;
        HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(getCamelContext());
        if (registry != null) {
            boolean enabled = isHealthCheckConsumerEnabled() || isHealthCheckProducerEnabled();
            healthCheck = new Gb28181HealthCheck(this);
            healthCheck.setEnabled(enabled);
            registry.register(healthCheck);
            devicesHealthCheck = new Gb28181DevicesHealthCheck(this);
            devicesHealthCheck.setEnabled(enabled);
            started.addListener(devicesHealthCheck);
            registry.register(devicesHealthCheck);
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
        HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(getCamelContext());
        if (registry != null) {
            if (healthCheck != null) {
                registry.unregister(healthCheck);
            }
            if (devicesHealthCheck != null) {
                registry.unregister(devicesHealthCheck);
            }
        }
        healthCheck = null;
        devicesHealthCheck = null;
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

    /** The holds the invite producers took on media sessions, for them and the bye producers. */
    MediaHolds mediaHolds() {
        return mediaHolds;
    }

    /** The platform while it exists (from the start of doStart to doStop), else {@code null}. */
    Gb28181Platform platformOrNull() {
        return platform;
    }

    // ---- JMX (with camel-management): the platform's counts and the SIP trace switch ----------------------

    /** Registered devices, 0 while the platform does not run. */
    @ManagedAttribute(description = "Registered devices")
    public int getDevicesRegistered() {
        Gb28181Platform running = platform;
        return running == null ? 0 : running.registry().size();
    }

    /** Registered devices that are online. */
    @ManagedAttribute(description = "Registered devices that are online")
    public long getDevicesOnline() {
        Gb28181Platform running = platform;
        return running == null ? 0 : running.registry().onlineCount();
    }

    /** Channels the devices' catalogs listed. */
    @ManagedAttribute(description = "Channels the devices' catalogs listed")
    public int getChannels() {
        Gb28181Platform running = platform;
        return running == null ? 0 : running.channelCount();
    }

    /** Media sessions alive. */
    @ManagedAttribute(description = "Media sessions alive")
    public int getMediaSessions() {
        Gb28181Platform running = platform;
        return running == null ? 0 : running.mediaSessions().size();
    }

    /** Subscriptions alive. */
    @ManagedAttribute(description = "Subscriptions alive")
    public int getSubscriptions() {
        Gb28181Platform running = platform;
        return running == null ? 0 : running.subscriptions().size();
    }

    /** MANSCDP queries and controls waiting for their answer. */
    @ManagedAttribute(description = "MANSCDP queries and controls waiting for their answer")
    public int getQueriesInFlight() {
        Gb28181Platform running = platform;
        return running == null ? 0 : running.queriesInFlight();
    }

    /** The bound SIP port, -1 when not bound. */
    @ManagedAttribute(description = "The bound SIP port, -1 when not bound")
    public int getSipPort() {
        Gb28181Platform running = platform;
        return running == null ? -1 : running.sipPort();
    }

    /** Whether SIP messages are traced now. */
    @ManagedAttribute(description = "Whether SIP messages are traced (logger dev.gb28181.sip.trace)")
    public boolean isSipTraceEnabled() {
        Gb28181Platform running = platform;
        return running == null ? configuration.isSipTrace() : running.sipTrace().isEnabled();
    }

    /** The traced device IDs, comma-separated; empty when all are traced or the trace is off. */
    @ManagedAttribute(description = "The traced device IDs; empty when all are traced or the trace is off")
    public String getSipTraceDevices() {
        Gb28181Platform running = platform;
        if (running != null) {
            return String.join(",", running.sipTrace().deviceIds());
        }
        return configuration.isSipTrace() ? String.join(",", configuration.sipTraceDeviceIds()) : "";
    }

    /**
     * Traces the SIP messages naming these device IDs (comma-separated), or every message when empty, now and
     * after a restart of the component (it sets the sipTrace and sipTraceDevices options).
     */
    @ManagedOperation(description = "Trace the SIP messages of these device IDs (comma-separated; empty: all)")
    public void enableSipTrace(String deviceIds) {
        configuration.setSipTraceDevices(deviceIds);
        configuration.setSipTrace(true);
        Gb28181Platform running = platform;
        if (running != null) {
            running.sipTrace().enable(configuration.sipTraceDeviceIds());
        }
    }

    /** Stops the SIP trace, now and after a restart of the component. */
    @ManagedOperation(description = "Stop tracing SIP messages")
    public void disableSipTrace() {
        configuration.setSipTrace(false);
        configuration.setSipTraceDevices(null);
        Gb28181Platform running = platform;
        if (running != null) {
            running.sipTrace().disable();
        }
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    /** The platform settings shared by all endpoints of this component. */
    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }
}
