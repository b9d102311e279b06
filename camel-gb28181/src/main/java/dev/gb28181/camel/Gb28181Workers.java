package dev.gb28181.camel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The routing threads of a consumer: {@code concurrentConsumers} single-thread workers with a bounded
 * queue of {@code eventQueueSize} each, rejecting when full. A key (a device, a media session) always
 * picks the same worker, so its events reach the route in order while other keys run in parallel; the
 * platform's I/O threads only enqueue and never wait for a route.
 */
final class Gb28181Workers {

    private Gb28181Workers() {
    }

    static ExecutorService[] start(Object owner, Gb28181Endpoint endpoint) {
        ExecutorServiceManager manager = endpoint.getCamelContext().getExecutorServiceManager();
        ExecutorService[] started = new ExecutorService[endpoint.getConcurrentConsumers()];
        for (int i = 0; i < started.length; i++) {
            String name = "Gb28181Consumer[" + endpoint.getKind() + "]-" + (i + 1);
            ThreadPoolProfile profile = new ThreadPoolProfile(name);
            profile.setPoolSize(1);
            profile.setMaxPoolSize(1);
            profile.setKeepAliveTime(60L);
            profile.setTimeUnit(TimeUnit.SECONDS);
            profile.setMaxQueueSize(endpoint.getEventQueueSize());
            profile.setAllowCoreThreadTimeOut(false);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            started[i] = manager.newThreadPool(owner, name, profile);
        }
        return started;
    }

    /** The worker of {@code key} ({@code null}: the first). */
    static ExecutorService of(ExecutorService[] workers, String key) {
        return workers[key == null ? 0 : Math.floorMod(key.hashCode(), workers.length)];
    }

    /** Shuts the workers down gracefully: queued work is still routed, as the route's processors stop after it. */
    static void stop(Gb28181Endpoint endpoint, ExecutorService[] workers) {
        if (workers != null) {
            ExecutorServiceManager manager = endpoint.getCamelContext().getExecutorServiceManager();
            for (ExecutorService worker : workers) {
                manager.shutdownGraceful(worker);
            }
        }
    }
}
