package dev.gb28181.mansrtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A device's MANSRTSP answer (GB/T 28181-2016 Annex B), as the 2024 capture's NVR writes it. */
class MansrtspResponseTest {

    @Test
    void readsTheCapturesAnswer() {
        MansrtspResponse r = MansrtspResponse.parse("RTSP/1.0 200 OK\r\nCSeq: 20\r\n"
                + "RTP-Info: seq=9810092;rtptime=3450012\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("OK");
        assertThat(r.cseq()).isEqualTo(20);
        assertThat(r.rtpInfo()).isEqualTo("seq=9810092;rtptime=3450012");
        assertThat(r.isSuccess()).isTrue();
    }

    @Test
    void toleratesMissingHeadersAndLfLines() {
        MansrtspResponse r = MansrtspResponse.parse("RTSP/1.0 457 Invalid Range\ncseq:  4\n");
        assertThat(r.status()).isEqualTo(457);
        assertThat(r.reason()).isEqualTo("Invalid Range");
        assertThat(r.cseq()).isEqualTo(4);
        assertThat(r.rtpInfo()).isNull();
        assertThat(r.isSuccess()).isFalse();
        MansrtspResponse bare = MansrtspResponse.parse("RTSP/1.0 200");
        assertThat(bare.cseq()).isEqualTo(-1);
        assertThat(bare.reason()).isEmpty();
    }

    @Test
    void writesWhatItReads() {
        MansrtspResponse ok = MansrtspResponse.ok(3, "seq=1;rtptime=2");
        assertThat(ok.encode()).isEqualTo("RTSP/1.0 200 OK\r\nCSeq: 3\r\nRTP-Info: seq=1;rtptime=2\r\n");
        assertThat(MansrtspResponse.parse(ok.encode())).isEqualTo(ok);
        assertThat(MansrtspResponse.ok(4, null).encode()).isEqualTo("RTSP/1.0 200 OK\r\nCSeq: 4\r\n");
    }

    @Test
    void serialisesToJson() throws Exception {
        String json = new ObjectMapper().writeValueAsString(MansrtspResponse.ok(3, "seq=1"));
        assertThat(json).contains("\"status\":200", "\"cseq\":3", "\"rtpInfo\":\"seq=1\"", "\"reason\":\"OK\"");
    }

    @Test
    void refusesWhatIsNotAnRtspAnswer() {
        assertThatThrownBy(() -> MansrtspResponse.parse("SIP/2.0 200 OK\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MansrtspResponse.parse("RTSP/1.0 abc\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MansrtspResponse.parse("RTSP/1.0 200 OK\r\nCSeq: x\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MansrtspResponse.parse("RTSP/1.0 200 OK\r\n" + "X".repeat(5000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MansrtspResponse.parse(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
