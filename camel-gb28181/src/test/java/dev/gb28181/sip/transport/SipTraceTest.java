package dev.gb28181.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the SIP trace masks, and its switch. */
class SipTraceTest {

    @Test
    void digestResponsesSdpPasswordsAndXmlPasswordsAreMasked() {
        String text = "REGISTER sip:34020000002000000001@3402000000 SIP/2.0\r\n"
                + "Authorization: Digest username=\"34020000001320000001\", realm=\"3402000000\", nonce=\"abc\","
                + " uri=\"sip:34020000002000000001@3402000000\", response=\"0123456789abcdef0123456789abcdef\","
                + " algorithm=MD5\r\n"
                + "proxy-authorization:Digest response=fedcba9876543210fedcba9876543210,nc=00000001\r\n"
                + "Content-Length: 0\r\n\r\n"
                + "v=0\r\na=password:secret1\r\na=rtpmap:96 PS/90000\r\n"
                + "<Item><DeviceID>1</DeviceID><Password>secret2</Password><password type=\"x\">secret3</password>"
                + "</Item>";

        String masked = SipTrace.mask(text);

        assertThat(masked).doesNotContain("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210",
                "secret1", "secret2", "secret3");
        assertThat(masked).contains("response=\"***\", algorithm=MD5\r\n", "proxy-authorization:Digest response=\"***\","
                + "nc=00000001\r\n", "a=password:***\r\na=rtpmap:96 PS/90000\r\n", "<Password>***</Password>",
                "<password type=\"x\">***</password>", "nonce=\"abc\"");
    }

    @Test
    void theSwitchTracesAllSomeOrNone() {
        SipTrace trace = new SipTrace();
        assertThat(trace.isEnabled()).isFalse();

        trace.enable("34020000001320000001");
        trace.enable("34020000001320000002");
        assertThat(trace.deviceIds()).containsExactly("34020000001320000001", "34020000001320000002");
        trace.disable("34020000001320000001");
        assertThat(trace.deviceIds()).containsExactly("34020000001320000002");
        trace.disable("34020000001320000002");
        assertThat(trace.isEnabled()).isFalse();

        trace.enableAll();
        trace.enable("34020000001320000003");
        assertThat(trace.isEnabled()).isTrue();
        assertThat(trace.deviceIds()).isEmpty();
        assertThatThrownBy(() -> trace.disable("34020000001320000003")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disable()");
        trace.disable();
        assertThat(trace.isEnabled()).isFalse();
        assertThatThrownBy(() -> trace.enable(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
