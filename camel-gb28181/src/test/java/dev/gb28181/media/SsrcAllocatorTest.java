package dev.gb28181.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SsrcAllocatorTest {

    private final SteppingClock clock = new SteppingClock();

    @Test
    void formatIsPrefixDomainDigitsAndSequence() {
        SsrcAllocator allocator = new SsrcAllocator("13010000002000000001", Duration.ofSeconds(30), clock);

        assertThat(allocator.domainDigits()).isEqualTo("10000");
        assertThat(allocator.allocateLive()).isEqualTo("0100000000");
        assertThat(allocator.allocateLive()).isEqualTo("0100000001");
        assertThat(allocator.allocateHistory()).isEqualTo("1100000000");
        assertThat(new SsrcAllocator("3402000000").domainDigits()).isEqualTo("20000");
    }

    @Test
    void badDomainsAreRefused() {
        assertThatThrownBy(() -> new SsrcAllocator("3402000")).hasMessageContaining("shorter than 8");
        assertThatThrownBy(() -> new SsrcAllocator("340A000000")).hasMessageContaining("'A0000'");
    }

    @Test
    void valuesAreUniqueAmongAllocatedAndConcurrentAllocationsNeverCollide() throws Exception {
        SsrcAllocator allocator = new SsrcAllocator("3402000000", Duration.ofSeconds(30), clock);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2500; i++) {
                        assertThat(seen.add(allocator.allocateLive())).isTrue();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(10_000).allMatch(s -> s.matches("020000\\d{4}"));
        assertThat(allocator.allocatedCount()).isEqualTo(10_000);
    }

    @Test
    void exhaustionSaysAllValuesOfThePrefixAreInUse() {
        SsrcAllocator allocator = new SsrcAllocator("3402000000", Duration.ofSeconds(30), clock);
        for (int i = 0; i < 10_000; i++) {
            allocator.allocateHistory();
        }

        assertThatThrownBy(allocator::allocateHistory).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all 10000 SSRCs 120000").hasMessageContaining("10000 allocated");
        assertThat(allocator.allocateLive()).isEqualTo("0200000000");
    }

    @Test
    void aReleasedValueComesBackOnlyAfterTheQuarantine() {
        SsrcAllocator allocator = new SsrcAllocator("3402000000", Duration.ofSeconds(30), clock);
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            all.add(allocator.allocateLive());
        }
        assertThat(allocator.release("0200000042")).isTrue();
        assertThat(allocator.release("0200000042")).isFalse();

        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(allocator::allocateLive).hasMessageContaining("1 released less than 30000 ms ago");

        clock.advance(Duration.ofSeconds(1));
        assertThat(allocator.allocateLive()).isEqualTo("0200000042");
        assertThat(all).hasSize(10_000);
    }

    @Test
    void releasedValuesAreNotReusedBeforeTheRestOfThePool() {
        SsrcAllocator allocator = new SsrcAllocator("3402000000", Duration.ZERO, clock);
        String first = allocator.allocateLive();
        allocator.release(first);

        assertThat(allocator.allocateLive()).isEqualTo("0200000001");
    }

    @Test
    void foreignOrMalformedValuesAreNotReleased() {
        SsrcAllocator allocator = new SsrcAllocator("3402000000", Duration.ofSeconds(30), clock);
        allocator.allocateLive();

        assertThat(allocator.release("0100000000")).isFalse();
        assertThat(allocator.release("2200000000")).isFalse();
        assertThat(allocator.release("02000000x0")).isFalse();
        assertThat(allocator.release("020000000")).isFalse();
        assertThat(allocator.release(null)).isFalse();
        assertThat(allocator.allocatedCount()).isEqualTo(1);
    }

    @Test
    void wireValueIsTheDecimalNumberAsUnsigned32Bits() {
        assertThat(SsrcAllocator.wireValue("0100000001")).isEqualTo(0x05F5E101L);
        assertThat(SsrcAllocator.wireValue("1999999999")).isEqualTo(1_999_999_999L);
        assertThat(SsrcAllocator.wireValue("4294967295")).isEqualTo(0xFFFF_FFFFL);
        assertThat(SsrcAllocator.wireValue("1002")).isEqualTo(1002L);
        assertThatThrownBy(() -> SsrcAllocator.wireValue("4294967296")).hasMessageContaining("32 bits");
        assertThatThrownBy(() -> SsrcAllocator.wireValue("01000000011")).hasMessageContaining("1-10 decimal");
        assertThatThrownBy(() -> SsrcAllocator.wireValue("0x10")).hasMessageContaining("1-10 decimal");
        assertThatThrownBy(() -> SsrcAllocator.wireValue("")).hasMessageContaining("1-10 decimal");
    }
}
