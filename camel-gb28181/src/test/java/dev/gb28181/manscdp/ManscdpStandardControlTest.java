package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The platform's control bodies are the standard's (GB/T 28181-2016 Annex A.2.3 and the Annex J
 * examples; the 2022 additions): each typed control encodes to the body in
 * {@code manscdp/standard/}, element for element and in the same order, and that body decodes to it.
 */
class ManscdpStandardControlTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ManscdpCodec codec = new ManscdpCodec();

    static List<StandardControls.Case> cases() {
        return StandardControls.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTypedControlEncodesToTheStandardsBody(StandardControls.Case c) {
        String written = new String(codec.encode(c.control().get(), GB18030), GB18030);

        assertThat(written).startsWith("<?xml version=\"1.0\" encoding=\"GB18030\"?>");
        assertThat(StandardControls.canonical(written)).isEqualTo(StandardControls.canonical(c.xml()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theStandardsBodyDecodesToTheTypedControl(StandardControls.Case c) throws Exception {
        ManscdpMessage read = codec.decode(c.xml().getBytes(StandardCharsets.UTF_8)).message();
        ManscdpControl expected = c.control().get();

        assertThat(read).isInstanceOf(expected.getClass());
        assertThat(read.getExtensions()).isEmpty();
        assertThat(((ManscdpControl) read).expectsResponse()).isEqualTo(c.expectsResponse());
        assertThat(StandardControls.canonical(new String(codec.encode(read, GB18030), GB18030)))
                .isEqualTo(StandardControls.canonical(c.xml()));
    }

    @Test
    void theStandardsResponseToAControlDecodesAndEncodesAlike() throws Exception {
        String xml = StandardControls.xml("J.7.5-record-response.xml");
        DeviceControlResponse read = (DeviceControlResponse) codec.decode(xml.getBytes(StandardCharsets.UTF_8))
                .message();

        assertThat(read.getResult()).isEqualTo("OK");
        assertThat(read.getSn()).isEqualTo(17L);
        assertThat(read.getDeviceId()).isEqualTo("64010000002020000001");
        DeviceControlResponse typed = new DeviceControlResponse();
        typed.setSn(17L);
        typed.setDeviceId("64010000002020000001");
        typed.setResult("OK");
        assertThat(StandardControls.canonical(new String(codec.encode(typed, GB18030), GB18030)))
                .isEqualTo(StandardControls.canonical(xml));
    }

    @Test
    void aControlWithSeveralCommandsExpectsAResponseWhenOneOfThemIsAnswered() {
        DeviceControl ptzAndRecord = new DeviceControl();
        ptzAndRecord.setPtzCmd("A50F0000000000B4");
        assertThat(ptzAndRecord.expectsResponse()).isFalse();
        ptzAndRecord.setRecordCmd("Record");
        assertThat(ptzAndRecord.expectsResponse()).isTrue();
        assertThat(new DeviceConfig().expectsResponse()).isTrue();
    }
}
