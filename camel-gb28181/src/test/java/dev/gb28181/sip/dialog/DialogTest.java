package dev.gb28181.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipUri;

import org.junit.jupiter.api.Test;

/** The UAC dialog of RFC 3261 §12 as subscriptions use it (RFC 6665 §4.1.2). */
class DialogTest {

    private static final SipUri DEVICE = SipUri.sip("34020000001320000001", "192.168.1.64", 5060);
    private static final NameAddress PLATFORM = NameAddress.of(SipUri.sip("34020000002000000001", "3402000000", -1))
            .withTag("p1");

    private static Dialog dialog() {
        return new Dialog("call-1", PLATFORM, NameAddress.of(DEVICE), DEVICE, 0);
    }

    private static SipRequest notify(String callId, String fromTag, String toTag) {
        SipRequest r = new SipRequest("NOTIFY", SipUri.sip("34020000002000000001", "10.0.0.1", 5060));
        r.addHeader(HeaderNames.FROM, NameAddress.of(DEVICE).withTag(fromTag).toString());
        r.addHeader(HeaderNames.TO, PLATFORM.withTag(toTag).toString());
        r.addHeader(HeaderNames.CALL_ID, callId);
        r.addHeader(HeaderNames.CSEQ, new CSeq(1, "NOTIFY").toString());
        return r;
    }

    @Test
    void requestsCarryTheDialogAndIncreasingCSeq() {
        Dialog d = dialog();
        SipRequest first = d.newRequest("SUBSCRIBE");
        assertThat(first.cseq().seq()).isEqualTo(1);
        assertThat(first.to().tag()).isNull();
        assertThat(first.from().tag()).isEqualTo("p1");
        assertThat(first.requestUri()).isEqualTo(DEVICE);

        SipResponse ok = first.createResponse(200, "d7");
        ok.addHeader(HeaderNames.CONTACT, "<sip:34020000001320000001@192.168.1.64:5070>");
        d.confirm(ok);
        SipRequest renewal = d.newRequest("SUBSCRIBE");
        assertThat(renewal.cseq().seq()).isEqualTo(2);
        assertThat(renewal.to().tag()).isEqualTo("d7");
        assertThat(renewal.callId()).isEqualTo("call-1");
        assertThat(renewal.requestUri().port()).isEqualTo(5070);
    }

    @Test
    void matchesOnlyRequestsOfTheDialog() {
        Dialog d = dialog();
        assertThat(d.matches(notify("call-1", "d7", "p1"))).isTrue(); // early: any remote tag
        assertThat(d.matches(notify("call-2", "d7", "p1"))).isFalse();
        assertThat(d.matches(notify("call-1", "d7", "other"))).isFalse();
        d.confirm(notify("call-1", "d7", "p1"));
        assertThat(d.remoteTag()).isEqualTo("d7");
        assertThat(d.matches(notify("call-1", "d8", "p1"))).isFalse();
        assertThat(d.matches(notify("call-1", "d7", "p1"))).isTrue();
    }

    @Test
    void aBrokenContactKeepsTheTarget() {
        Dialog d = dialog();
        SipResponse ok = d.newRequest("SUBSCRIBE").createResponse(200, "d7");
        ok.addHeader(HeaderNames.CONTACT, "<sip:broken");
        d.confirm(ok);
        assertThat(d.remoteTarget()).isEqualTo(DEVICE);
    }
}
