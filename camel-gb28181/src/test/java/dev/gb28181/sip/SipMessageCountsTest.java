package dev.gb28181.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.sip.SipMessageCounts.Direction;
import dev.gb28181.sip.SipMessageCounts.Series;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link SipMessageCounts}: bounded series, told to watchers once each. */
class SipMessageCountsTest {

    @Test
    void seriesAreCountedApartAndUnknownMethodsShareOther() {
        SipMessageCounts counts = new SipMessageCounts();
        counts.countRequest(Direction.IN, SipMethod.MESSAGE);
        counts.countRequest(Direction.IN, SipMethod.MESSAGE);
        counts.countRequest(Direction.OUT, SipMethod.MESSAGE);
        counts.countResponse(Direction.OUT, SipMethod.MESSAGE, 200);
        counts.countRequest(Direction.IN, "PUBLISH");
        counts.countRequest(Direction.IN, "UPDATE");
        counts.countResponse(Direction.OUT, null, 400);
        counts.countResponse(Direction.OUT, SipMethod.MESSAGE, 700);

        assertThat(counts.count(new Series(Direction.IN, SipMethod.MESSAGE, 0))).isEqualTo(2);
        assertThat(counts.count(new Series(Direction.OUT, SipMethod.MESSAGE, 0))).isEqualTo(1);
        assertThat(counts.count(new Series(Direction.OUT, SipMethod.MESSAGE, 200))).isEqualTo(1);
        assertThat(counts.count(new Series(Direction.IN, SipMessageCounts.OTHER, 0))).isEqualTo(2);
        assertThat(counts.count(new Series(Direction.OUT, SipMessageCounts.OTHER, 400))).isEqualTo(1);
        assertThat(counts.count(new Series(Direction.IN, SipMethod.INVITE, 0))).isZero();
    }

    @Test
    void aSeriesWithAStatusNoResponseHasCountsNothing() {
        SipMessageCounts counts = new SipMessageCounts();
        for (String method : SipMethod.ALL) {
            counts.countRequest(Direction.IN, method);
            counts.countResponse(Direction.IN, method, 100);
            counts.countResponse(Direction.IN, method, 699);
        }
        counts.countRequest(Direction.IN, "PUBLISH");

        for (String method : SipMethod.ALL) {
            for (int status : new int[] {1, 99, 700, 1000, -1}) {
                assertThat(counts.count(new Series(Direction.IN, method, status))).as("%s %d", method, status)
                        .isZero();
            }
        }
    }

    @Test
    void aWatcherLearnsOfExistingSeriesAndOfEachNewOneOnce() {
        SipMessageCounts counts = new SipMessageCounts();
        counts.countRequest(Direction.IN, SipMethod.REGISTER);
        List<Series> told = new ArrayList<>();
        counts.watch(told::add);
        assertThat(told).containsExactly(new Series(Direction.IN, SipMethod.REGISTER, 0));

        counts.countResponse(Direction.OUT, SipMethod.REGISTER, 401);
        counts.countResponse(Direction.OUT, SipMethod.REGISTER, 401);
        counts.countRequest(Direction.IN, SipMethod.REGISTER);
        assertThat(told).containsExactly(new Series(Direction.IN, SipMethod.REGISTER, 0),
                new Series(Direction.OUT, SipMethod.REGISTER, 401));
    }

    @Test
    void aFailingWatcherDoesNotStopTheCount() {
        SipMessageCounts counts = new SipMessageCounts();
        counts.watch(series -> {
            throw new IllegalStateException("registry closed");
        });
        counts.countRequest(Direction.IN, SipMethod.BYE);
        assertThat(counts.count(new Series(Direction.IN, SipMethod.BYE, 0))).isEqualTo(1);
    }
}
