package dev.gb28181.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AuthFailureTrackerTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void locksAfterLimitAndReleasesAfterLockout() throws Exception {
        AuthFailureTracker tracker = new AuthFailureTracker(3, Duration.ofSeconds(60), 10, clock::get);
        InetAddress a = InetAddress.getByName("10.0.0.1");
        InetAddress b = InetAddress.getByName("10.0.0.2");
        assertThat(tracker.recordFailure(a)).isFalse();
        assertThat(tracker.recordFailure(a)).isFalse();
        assertThat(tracker.isLocked(a)).isFalse();
        assertThat(tracker.recordFailure(a)).isTrue();
        assertThat(tracker.isLocked(a)).isTrue();
        assertThat(tracker.isLocked(b)).isFalse();
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(tracker.isLocked(a)).isFalse();
        tracker.purgeExpired();
        assertThat(tracker.size()).isZero();
    }

    @Test
    void failuresOutsideTheWindowAndSuccessesReset() throws Exception {
        AuthFailureTracker tracker = new AuthFailureTracker(2, Duration.ofSeconds(10), 10, clock::get);
        InetAddress a = InetAddress.getByName("10.0.0.1");
        tracker.recordFailure(a);
        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(tracker.recordFailure(a)).isFalse();
        tracker.recordSuccess(a);
        assertThat(tracker.recordFailure(a)).isFalse();
        assertThat(tracker.recordFailure(a)).isTrue();
    }

    @Test
    void boundedAndDisableable() throws Exception {
        AuthFailureTracker tracker = new AuthFailureTracker(5, Duration.ofSeconds(10), 2, clock::get);
        for (int i = 1; i <= 5; i++) {
            tracker.recordFailure(InetAddress.getByName("10.0.0." + i));
        }
        assertThat(tracker.size()).isEqualTo(2);
        AuthFailureTracker off = new AuthFailureTracker(0, Duration.ofSeconds(10));
        InetAddress a = InetAddress.getByName("10.0.0.1");
        for (int i = 0; i < 10; i++) {
            off.recordFailure(a);
        }
        assertThat(off.isLocked(a)).isFalse();
    }
}
