package dev.gb28181.testing;

import static org.awaitility.Awaitility.await;

import dev.gb28181.media.ps.MediaTools;
import dev.gb28181.platform.MediaSession;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The device's media side of media-session tests (GB/T 28181-2016 §9.2, Annex C, Annex F): a real
 * H.264 PS stream made by ffmpeg, the SDP answer a camera writes, and RTP sent over UDP at the pace
 * the platform counts it (loopback socket buffers are small).
 */
public final class MediaStreams {

    /** Frames of {@link #h264Ps}: testsrc2 at 25 fps for 2 s. */
    public static final int FRAMES = 50;

    private MediaStreams() {
    }

    /**
     * testsrc2 320x240 at 25 fps for 2 s in H.264 (a key frame every 25 frames, no B-frames) muxed by
     * ffmpeg into MPEG-2 PS, as a camera sends it; made in {@code dir}.
     */
    public static byte[] h264Ps(Path dir) throws IOException, InterruptedException {
        return Files.readAllBytes(MediaTools.ffmpeg(dir, "x.ps", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-t", "2", "-c:v", "libx264", "-g", "25", "-bf", "0", "-f", "mpeg"));
    }

    /**
     * ffmpeg's own extraction of the video of {@link #h264Ps} made in {@code dir} ({@code -c copy -f h264}):
     * the bytes the platform's access units must add up to.
     */
    public static byte[] h264Extraction(Path dir) throws IOException, InterruptedException {
        return Files.readAllBytes(MediaTools.ffmpeg(dir, "x.h264", "-i", "x.ps", "-map", "0:v", "-c", "copy", "-f",
                "h264"));
    }

    /**
     * The RTP marker positions for {@code ps}: one, at its end. ffmpeg's 2048-byte packs cut frames anywhere,
     * so a marker at a pack end would end a frame early (a camera marks its frames' real ends); without
     * markers inside, the demuxer cuts the access units from the NAL stream.
     */
    public static int[] endOnly(byte[] ps) {
        return new int[] {ps.length};
    }

    /** The SDP answer of a camera {@code channelId} sending PS from 127.0.0.1 (Annex F, {@code y=} its SSRC). */
    public static String answer(String channelId, String ssrc, int port, String proto, String extra) {
        return "v=0\r\no=" + channelId + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=video " + port + ' ' + proto + " 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\n" + extra
                + "y=" + ssrc + "\r\n";
    }

    /**
     * Sends {@code packets} from {@code first} on to the session's local media port in batches of 32,
     * each once the platform counted the previous one (the earlier packets counted already).
     */
    public static void sendPaced(MediaSession session, List<byte[]> packets, int first, DatagramSocket media,
            Duration wait) throws IOException {
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", session.localMediaAddress().getPort());
        for (int from = first; from < packets.size(); from += 32) {
            int end = Math.min(packets.size(), from + 32);
            RtpSender.sendUdp(packets.subList(from, end), media, to);
            await().atMost(wait).until(() -> session.rtpStats().packets() >= end);
        }
    }
}
