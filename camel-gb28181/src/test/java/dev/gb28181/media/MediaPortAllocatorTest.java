package dev.gb28181.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gb28181.media.MediaPortAllocator.PortRange;
import dev.gb28181.media.MediaPortAllocator.Protocol;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MediaPortAllocatorTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final SteppingClock clock = new SteppingClock();

    @Test
    void rangesParse() {
        assertThat(PortRange.parse("30000-30999")).isEqualTo(new PortRange(30000, 30999));
        assertThat(PortRange.parse(" 30000 - 30000 ").size()).isEqualTo(1);
        assertThat(PortRange.parse("30000-30999").size()).isEqualTo(1000);
        assertThatThrownBy(() -> PortRange.parse("30000")).hasMessageContaining("'30000' is not first-last");
        assertThatThrownBy(() -> PortRange.parse("a-b")).hasMessageContaining("'a-b'");
        assertThatThrownBy(() -> PortRange.parse("31000-30000")).hasMessageContaining("first <= last");
        assertThatThrownBy(() -> PortRange.parse("0-10")).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> PortRange.parse("65000-65536")).hasMessageContaining("1-65535");
    }

    @Test
    void aUdpPortHeldByAnotherSocketIsSkipped() throws IOException {
        try (DatagramSocket held = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            int busy = held.getLocalPort();
            MediaPortAllocator allocator = allocator(new PortRange(busy, Math.min(busy + 40, 65535)));

            int port = allocator.allocate(Protocol.UDP);

            assertThat(port).isNotEqualTo(busy).isBetween(busy + 1, busy + 40);
            try (DatagramSocket mine = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                assertThat(mine.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aTcpPortHeldByAnotherSocketIsSkippedAndExhaustionNamesTheRange() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, LOOPBACK)) {
            int busy = held.getLocalPort();
            MediaPortAllocator allocator = allocator(new PortRange(busy, busy));

            assertThatThrownBy(() -> allocator.allocate(Protocol.TCP)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no free TCP media port in mediaPortRange " + busy + "-" + busy
                            + ": 0 allocated, 0 released less than 5000 ms ago, 1 in use by other processes");
        }
    }

    @Test
    void exhaustionAndReleaseDelay() throws IOException {
        int port = freeUdpPort();
        MediaPortAllocator allocator = allocator(new PortRange(port, port));

        assertThat(allocator.allocate(Protocol.UDP)).isEqualTo(port);
        assertThatThrownBy(() -> allocator.allocate(Protocol.UDP))
                .hasMessageContaining("mediaPortRange " + port + "-" + port).hasMessageContaining("1 allocated");

        assertThat(allocator.release(port)).isTrue();
        assertThat(allocator.release(port)).isFalse();
        assertThat(allocator.allocatedCount()).isZero();
        clock.advance(Duration.ofMillis(4999));
        assertThatThrownBy(() -> allocator.allocate(Protocol.UDP))
                .hasMessageContaining("1 released less than 5000 ms ago");

        clock.advance(Duration.ofMillis(1));
        assertThat(allocator.allocate(Protocol.UDP)).isEqualTo(port);
    }

    @Test
    void portsOutsideTheRangeOrNotAllocatedAreNotReleased() {
        MediaPortAllocator allocator = allocator(new PortRange(40000, 40009));

        assertThat(allocator.release(39999)).isFalse();
        assertThat(allocator.release(40000)).isFalse();
    }

    @Test
    void concurrentAllocationsAreDistinct() throws Exception {
        int base = freeUdpPort();
        int first = Math.max(1024, Math.min(base, 65535 - 199));
        MediaPortAllocator allocator = allocator(new PortRange(first, first + 199));
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        assertThat(seen.add(allocator.allocate(Protocol.UDP))).isTrue();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(40);
        assertThat(allocator.allocatedCount()).isEqualTo(40);
    }

    private MediaPortAllocator allocator(PortRange range) {
        return new MediaPortAllocator(range, LOOPBACK, Duration.ofSeconds(5), clock);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return socket.getLocalPort();
        }
    }
}
