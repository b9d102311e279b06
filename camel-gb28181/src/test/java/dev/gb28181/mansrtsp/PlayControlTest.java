package dev.gb28181.mansrtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** MANSRTSP requests (GB/T 28181-2016 Annex B): the exact text of each control, and reading it back. */
class PlayControlTest {

    @Test
    void eachControlIsWrittenExactly() {
        assertThat(PlayControl.pause().encode(1)).isEqualTo("PAUSE RTSP/1.0\r\nCSeq: 1\r\nPauseTime: now\r\n");
        assertThat(PlayControl.resume().encode(2)).isEqualTo("PLAY RTSP/1.0\r\nCSeq: 2\r\nRange: npt=now-\r\n");
        assertThat(PlayControl.scale(2.0).encode(3)).isEqualTo("PLAY RTSP/1.0\r\nCSeq: 3\r\nScale: 2.0\r\n");
        assertThat(PlayControl.seek(30).encode(4)).isEqualTo("PLAY RTSP/1.0\r\nCSeq: 4\r\nRange: npt=30-\r\n");
        assertThat(PlayControl.teardown().encode(5)).isEqualTo("TEARDOWN RTSP/1.0\r\nCSeq: 5\r\n");
    }

    @Test
    void scalesArePlainDecimals() {
        assertThat(PlayControl.scale(0.5).encode(1)).contains("Scale: 0.5\r\n");
        assertThat(PlayControl.scale(0.25).encode(1)).contains("Scale: 0.25\r\n");
        assertThat(PlayControl.scale(16).encode(1)).contains("Scale: 16.0\r\n");
        assertThat(PlayControl.scale(-1).encode(1)).contains("Scale: -1.0\r\n");
        assertThat(PlayControl.scale(0.0001).encode(1)).contains("Scale: 0.0001\r\n");
    }

    @Test
    void actionsAndValues() {
        assertThat(PlayControl.pause().action()).isEqualTo(PlayAction.PAUSE);
        assertThat(PlayControl.resume().action()).isEqualTo(PlayAction.RESUME);
        assertThat(PlayControl.teardown().action()).isEqualTo(PlayAction.TEARDOWN);
        PlayControl scale = PlayControl.scale(4);
        assertThat(scale.action()).isEqualTo(PlayAction.SCALE);
        assertThat(scale.scale()).isEqualTo(4.0);
        assertThat(scale.position()).isEqualTo(-1);
        PlayControl seek = PlayControl.seek(90);
        assertThat(seek.action()).isEqualTo(PlayAction.SEEK);
        assertThat(seek.position()).isEqualTo(90);
        assertThat(seek.scale()).isEqualTo(1.0);
        assertThat(seek).isEqualTo(PlayControl.seek(90)).hasSameHashCodeAs(PlayControl.seek(90))
                .isNotEqualTo(PlayControl.seek(91));
        assertThat(seek).hasToString("SEEK 90");
        assertThat(PlayControl.scale(0.5)).hasToString("SCALE 0.5");
    }

    @Test
    void invalidValuesAreRefused() {
        assertThatThrownBy(() -> PlayControl.scale(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.scale(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.scale(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.scale(1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.seek(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatItWritesReadsBack() {
        for (PlayControl c : new PlayControl[] {PlayControl.pause(), PlayControl.resume(), PlayControl.scale(2),
            PlayControl.scale(0.25), PlayControl.seek(30), PlayControl.teardown()}) {
            assertThat(PlayControl.parse(c.encode(7))).isEqualTo(c);
            assertThat(PlayControl.cseq(c.encode(7))).isEqualTo(7);
        }
    }

    @Test
    void readsWhatPlatformsInTheFieldSend() {
        // the 2024 capture (eXosip platform): PauseTime 0, Scale with six decimals next to a Range
        assertThat(PlayControl.parse("PAUSE RTSP/1.0\r\nCSeq: 20\r\nPauseTime: 0\r\n\r\n"))
                .isEqualTo(PlayControl.pause());
        assertThat(PlayControl.parse("PLAY RTSP/1.0\r\nCSeq: 22\r\nScale: 2.000000\r\nRange: npt=11-\r\n"))
                .isEqualTo(PlayControl.seek(11));
        assertThat(PlayControl.parse("PLAY RTSP/1.0\nCSeq: 23\nScale: 2.000000\n")).isEqualTo(PlayControl.scale(2));
        assertThat(PlayControl.parse("PLAY RTSP/1.0\r\nCSeq: 21\r\nScale: 1.000000\r\n"))
                .isEqualTo(PlayControl.resume());
        assertThat(PlayControl.parse("play RTSP/1.0\r\ncseq: 3\r\nrange: NPT=12.5-\r\n")).isEqualTo(PlayControl.seek(12));
        assertThat(PlayControl.parse("PLAY RTSP/1.0\r\nCSeq: 3\r\n")).isEqualTo(PlayControl.resume());
    }

    @Test
    void unreadableRequestsAreRefused() {
        assertThatThrownBy(() -> PlayControl.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.parse("GET_PARAMETER RTSP/1.0\r\nCSeq: 1\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET_PARAMETER");
        assertThatThrownBy(() -> PlayControl.parse("PLAY HTTP/1.1\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.parse("PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: clock=x-\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.parse("PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=abc-\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.parse("PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: fast\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayControl.parse("PLAY RTSP/1.0\r\n" + "X: y\r\n".repeat(1000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> PlayControl.cseq("PLAY RTSP/1.0\r\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
