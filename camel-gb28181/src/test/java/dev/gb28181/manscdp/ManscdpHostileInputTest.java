package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Whatever arrives, decoding ends with a message or a {@link ManscdpException}, never anything else. */
class ManscdpHostileInputTest {

    private final ManscdpCodec codec = new ManscdpCodec();

    private static byte[] capture(String name) throws IOException {
        try (InputStream in = ManscdpHostileInputTest.class.getResourceAsStream("/manscdp/capture-" + name + ".xml")) {
            return in.readAllBytes();
        }
    }

    private void decodeOrRefuse(byte[] body) {
        try {
            assertThat(codec.decode(body).message()).isNotNull();
        } catch (ManscdpException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String body = "<Notify><CmdType>Foo</CmdType><SN>1</SN>" + "<a>".repeat(12_000) + "x" + "</a>".repeat(12_000)
                + "</Notify>";
        ManscdpCodec large = new ManscdpCodec(1 << 20);
        assertThatThrownBy(() -> large.decode(body.getBytes(StandardCharsets.UTF_8))).isInstanceOf(ManscdpException.class);
    }

    @Test
    void everyTruncationAndRandomCorruptionOfTheCaptureBodies() throws Exception {
        Random random = new Random(28181);
        for (String name : new String[] { "05-keepalive", "09-catalog-response", "17-devicestatus-response",
                "36-recordinfo-response" }) {
            byte[] body = capture(name);
            for (int length = 0; length <= body.length; length++) {
                decodeOrRefuse(Arrays.copyOf(body, length));
            }
            for (int round = 0; round < 500; round++) {
                byte[] corrupt = body.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
                }
                decodeOrRefuse(corrupt);
            }
        }
    }
}
