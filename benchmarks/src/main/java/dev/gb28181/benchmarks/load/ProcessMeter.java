package dev.gb28181.benchmarks.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * What the load generators read about their own JVM and machine: heap used after full collections,
 * CPU time of the process and of named threads, allocation of named threads, GC counts, the machine's
 * CPU load and load average. Every figure of a shared machine is printed beside the load average,
 * since other processes skew them all.
 */
final class ProcessMeter {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Used heap after full collections, so only live objects count. */
    long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process (every thread, GC and JIT included), in nanoseconds. */
    long processCpuNanos() {
        return os.getProcessCpuTime();
    }

    /** CPU time of the current thread. */
    long currentThreadCpuNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    long threadCpuNanos(Thread thread) {
        return Math.max(0, threads.getThreadCpuTime(thread.getId()));
    }

    /** CPU time of the live threads whose name starts with {@code prefix}. */
    long threadCpuNanos(String prefix) {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** Bytes allocated on the heap by the live threads whose name starts with {@code prefix}. */
    long threadAllocatedBytes(String prefix) {
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, hotspot.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return sum;
    }

    /** Collections of every collector so far, and their total time in milliseconds. */
    long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** The machine's CPU load since the previous call (0..1, all CPUs). */
    double machineLoad() {
        return os.getCpuLoad();
    }

    double loadAverage() {
        return os.getSystemLoadAverage();
    }

    static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }
}
