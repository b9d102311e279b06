package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipUri;
import dev.gb28181.testing.TestDevice;

import org.junit.jupiter.api.Test;

/** OPTIONS, methods the platform does not serve, requests outside any session (RFC 3261 §8.2, §11). */
class RequestDispatchTest {

    private static final String DEVICE = "34020000001320000001";

    @Test
    void optionsListsWhatThePlatformAnswers() {
        try (PlatformFixture f = new PlatformFixture()) {
            SipResponse ok = f.udp(DEVICE).options();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(String.join(", ", ok.headers(HeaderNames.ALLOW)))
                    .contains("REGISTER", "MESSAGE", "NOTIFY", "OPTIONS", "ACK", "BYE", "CANCEL").doesNotContain("INVITE");
        }
    }

    @Test
    void unsupportedMethodsGet405WithAllow() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE);
            SipUri platform = SipUri.sip(PlatformFixture.PLATFORM_ID, "127.0.0.1", f.platform.sipPort());
            for (String method : new String[] {"SUBSCRIBE", "INVITE", "PUBLISH"}) {
                SipResponse response = device.send(device.request(method, platform));
                assertThat(response.status()).as(method).isEqualTo(405);
                assertThat(response.headers(HeaderNames.ALLOW)).as(method).isNotEmpty();
            }
        }
    }

    @Test
    void byeAndCancelOutsideADialogAre481() {
        try (PlatformFixture f = new PlatformFixture()) {
            TestDevice device = f.udp(DEVICE);
            SipUri platform = SipUri.sip(PlatformFixture.PLATFORM_ID, "127.0.0.1", f.platform.sipPort());
            assertThat(device.send(device.request("BYE", platform)).status()).isEqualTo(481);
            assertThat(device.send(device.request("CANCEL", platform)).status()).isEqualTo(481);
        }
    }
}
