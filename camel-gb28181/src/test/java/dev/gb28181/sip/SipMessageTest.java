package dev.gb28181.sip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-entry ASCII marks of {@link SipMessage} (what lets the encoder skip re-checking text) must
 * follow their entries through every header edit, or the encoder would write non-ASCII text on its
 * ASCII-only path.
 */
class SipMessageTest {

    private static SipResponse message() {
        SipResponse m = new SipResponse(200, "OK");
        m.addAsciiHeader("X-A", "a");
        m.addHeader("X-B", "前");
        m.addAsciiHeader("X-C", "c");
        return m;
    }

    private static String marks(SipMessage m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.headerCount(); i++) {
            sb.append(m.headerName(i)).append(m.headerIsAscii(i) ? '+' : '-');
        }
        return sb.toString();
    }

    @Test
    void marksFollowEntriesWhenAHeaderIsInsertedFirst() {
        SipResponse m = message();
        m.addHeaderFirst("X-B", "b");
        assertThat(marks(m)).isEqualTo("X-A+X-B-X-B-X-C+");
        m.addHeaderFirst("X-C", "c2");
        assertThat(marks(m)).isEqualTo("X-A+X-B-X-B-X-C-X-C+");
    }

    @Test
    void setHeaderClearsTheMarkOfTheReplacedEntryOnly() {
        SipResponse m = message();
        m.setHeader("X-A", "后");
        assertThat(marks(m)).isEqualTo("X-A-X-B-X-C+");
        assertThat(m.header("X-A")).isEqualTo("后");
    }

    @Test
    void removeHeaderShiftsTheMarksOfLaterEntries() {
        SipResponse m = message();
        m.removeHeader("X-B");
        assertThat(marks(m)).isEqualTo("X-A+X-C+");
        m.removeHeader("X-A");
        assertThat(marks(m)).isEqualTo("X-C+");
    }

    @Test
    void copyHeadersCarriesTheMarks() {
        SipResponse target = new SipResponse(200, "OK");
        target.addHeader("X-Z", "z");
        target.copyHeaders(message(), "X-C");
        target.copyHeaders(message(), "X-B");
        assertThat(marks(target)).isEqualTo("X-Z-X-C+X-B-");
    }
}
