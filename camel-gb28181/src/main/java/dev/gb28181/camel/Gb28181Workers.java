package dev.gb28181.camel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The routing threads of a consumer: {@code concurrentConsumers} single-thread workers holding at most
 * {@code eventQueueSize} waiting tasks each. A key (a device, a media session) always picks the same worker,
 * so its tasks reach the route in order while other keys run in parallel; the platform's I/O threads only
 * enqueue and never wait for a route.
 *
 * <p>The bound is counted here rather than by the executor's queue so that a task which must not be lost
 * ({@link #put}: the end of a media stream, one per session) still goes behind the ones already waiting when
 * the queue is full, where ordinary tasks ({@link #offer}) are refused.
 */
final class Gb28181Workers {

    private final ExecutorService[] executors;
    private final AtomicInteger[] waiting;
    private final int capacity;
    private final ExecutorServiceManager manager;

    private Gb28181Workers(ExecutorService[] executors, int capacity, ExecutorServiceManager manager) {
        this.executors = executors;
        this.capacity = capacity;
        this.manager = manager;
        this.waiting = new AtomicInteger[executors.length];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = new AtomicInteger();
        }
    }

    static Gb28181Workers start(Object owner, Gb28181Endpoint endpoint) {
        ExecutorServiceManager manager = endpoint.getCamelContext().getExecutorServiceManager();
        ExecutorService[] started = new ExecutorService[endpoint.getConcurrentConsumers()];
        for (int i = 0; i < started.length; i++) {
            String name = "Gb28181Consumer[" + endpoint.getKind() + "]-" + (i + 1);
            ThreadPoolProfile profile = new ThreadPoolProfile(name);
            profile.setPoolSize(1);
            profile.setMaxPoolSize(1);
            profile.setKeepAliveTime(60L);
            profile.setTimeUnit(TimeUnit.SECONDS);
            profile.setMaxQueueSize(Integer.MAX_VALUE); // bounded by offer, see the class comment
            profile.setAllowCoreThreadTimeOut(false);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            started[i] = manager.newThreadPool(owner, name, profile);
        }
        return new Gb28181Workers(started, endpoint.getEventQueueSize(), manager);
    }

    /**
     * Queues {@code task} on the worker of {@code key} ({@code null}: the first) unless {@code eventQueueSize}
     * tasks wait there already.
     *
     * @return false when the worker's queue is full and the task was not queued
     * @throws RejectedExecutionException when the workers are shutting down
     */
    boolean offer(String key, Runnable task) {
        int i = index(key);
        if (waiting[i].incrementAndGet() > capacity) {
            waiting[i].decrementAndGet();
            return false;
        }
        execute(i, task);
        return true;
    }

    /**
     * Queues {@code task} on the worker of {@code key} even when its queue is full: for the few tasks that must
     * not be lost, whose number the caller bounds (one per media session).
     *
     * @throws RejectedExecutionException when the workers are shutting down
     */
    void put(String key, Runnable task) {
        int i = index(key);
        waiting[i].incrementAndGet();
        execute(i, task);
    }

    private void execute(int i, Runnable task) {
        AtomicInteger count = waiting[i];
        try {
            executors[i].execute(() -> {
                count.decrementAndGet();
                task.run();
            });
        } catch (RejectedExecutionException e) {
            count.decrementAndGet();
            throw e;
        }
    }

    private int index(String key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), executors.length);
    }

    /** Shuts the workers down gracefully: queued work is still routed, as the route's processors stop after it. */
    void stop() {
        for (ExecutorService worker : executors) {
            manager.shutdownGraceful(worker);
        }
    }
}
