package dev.gb28181.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The recorder on its own, on a real folder: a session's file starts at its first key frame and holds
 * the access units as given and is closed, with every byte, by the end of the stream right after its last
 * frame; H.265 goes to {@code .h265}, other codecs are not written, a stream that resumes after its end
 * starts a new part at its next key frame, a later session of the channel appends, the open files are bounded, and a failing disk or
 * an unusable name is logged once without throwing.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamRecorderTest {

    private static final String DEVICE = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";
    private static final byte[] KEY = { 0, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 4, 5 };
    private static final byte[] DELTA = { 0, 0, 0, 1, 0x41, 6, 7, 8 };

    @TempDir
    Path dir;

    private StreamRecorder recorder;

    @BeforeEach
    void open() {
        recorder = new StreamRecorder(dir.resolve("recordings"), 4);
    }

    @AfterEach
    void close() {
        recorder.close();
    }

    private Path file(String channel, String extension) {
        return dir.resolve("recordings").resolve(DEVICE + '_' + channel + '.' + extension);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void theFileStartsAtTheFirstKeyFrameAndTheEndRightAfterTheLastFrameClosesItWhole() throws Exception {
        recorder.write("call-1", DEVICE, CHANNEL, "H264", false, DELTA);
        assertThat(file(CHANNEL, "h264")).doesNotExist();
        assertThat(recorder.openFiles()).isZero();

        recorder.write("call-1", DEVICE, CHANNEL, "H264", true, KEY);
        recorder.write("call-1", DEVICE, CHANNEL, "H264", false, DELTA);
        assertThat(recorder.openFiles()).isOne();
        recorder.write("call-1", DEVICE, CHANNEL, "H264", false, DELTA);
        recorder.end("call-1");

        assertThat(recorder.openFiles()).as("closed").isZero();
        assertThat(Files.readAllBytes(file(CHANNEL, "h264"))).isEqualTo(concat(KEY, DELTA, DELTA));
    }

    @Test
    void aStreamThatResumesAfterItsEndStartsANewPartAtItsNextKeyFrame() throws Exception {
        recorder.write("call-10", DEVICE, CHANNEL, "H264", true, KEY);
        recorder.end("call-10");
        recorder.write("call-10", DEVICE, CHANNEL, "H264", false, DELTA);
        assertThat(recorder.openFiles()).isZero();
        recorder.write("call-10", DEVICE, CHANNEL, "H264", true, KEY);
        recorder.write("call-10", DEVICE, CHANNEL, "H264", false, DELTA);

        assertThat(recorder.openFiles()).isOne();
        assertThat(Files.readAllBytes(file(CHANNEL, "h264"))).isEqualTo(concat(KEY, KEY, DELTA));
    }

    @Test
    void h265GoesToItsOwnExtensionAndOtherCodecsAreLoggedOnce(CapturedOutput output) throws Exception {
        recorder.write("call-2", DEVICE, CHANNEL, "G711A", true, new byte[] { 1, 2 });
        recorder.write("call-2", DEVICE, CHANNEL, "H265", true, KEY);
        recorder.write("call-2", DEVICE, CHANNEL, "G711A", true, new byte[] { 1, 2 });
        recorder.write("call-2", DEVICE, CHANNEL, "H265", false, DELTA);
        recorder.write("call-3", DEVICE, "34020000001310000002", "MPEG4", true, KEY);

        assertThat(Files.readAllBytes(file(CHANNEL, "h265"))).isEqualTo(concat(KEY, DELTA));
        assertThat(file(CHANNEL, "h264")).doesNotExist();
        assertThat(file("34020000001310000002", "h264")).doesNotExist();
        assertThat(output.getOut().split("G711A frames are not recorded", -1)).hasSize(2);
        assertThat(output.getOut()).contains("call-3").contains("MPEG4 frames are not recorded");
    }

    @Test
    void aLaterSessionOfTheChannelAppendsAndSupersedesAnUnendedOne() throws Exception {
        recorder.write("call-4", DEVICE, CHANNEL, "H264", true, KEY);
        recorder.end("call-4");
        recorder.write("call-5", DEVICE, CHANNEL, "H264", true, KEY);
        // call-5's end is not handled before call-6 starts: call-5 stops writing, one writer per file
        recorder.write("call-6", DEVICE, CHANNEL, "H264", true, KEY);
        recorder.write("call-5", DEVICE, CHANNEL, "H264", false, DELTA);
        recorder.write("call-6", DEVICE, CHANNEL, "H264", false, DELTA);

        assertThat(recorder.openFiles()).isOne();
        assertThat(Files.readAllBytes(file(CHANNEL, "h264"))).isEqualTo(concat(KEY, KEY, KEY, DELTA));
    }

    @Test
    void theOpenFilesAreBounded(CapturedOutput output) {
        for (int i = 0; i < 6; i++) {
            String channel = "3402000000131000010" + i;
            recorder.write("call-" + i, DEVICE, channel, "H264", true, KEY);
            recorder.write("call-" + i, DEVICE, channel, "H264", true, KEY);
        }
        assertThat(recorder.openFiles()).isEqualTo(4);
        assertThat(file("34020000001310000104", "h264")).doesNotExist();
        assertThat(output.getOut().split("4 recordings are open already", -1)).hasSize(3);

        recorder.end("call-0");
        recorder.write("call-9", DEVICE, "34020000001310000109", "H264", true, KEY);
        assertThat(file("34020000001310000109", "h264")).exists();
    }

    @Test
    void aFailingDiskIsLoggedOnceAndNothingIsThrown(CapturedOutput output) throws Exception {
        Files.createDirectories(dir.resolve("recordings"));
        Files.createSymbolicLink(file(CHANNEL, "h264"), Paths.get("/dev/full"));

        recorder.write("call-7", DEVICE, CHANNEL, "H264", true, KEY);
        recorder.write("call-7", DEVICE, CHANNEL, "H264", false, DELTA);

        assertThat(output.getOut().split("Recording of session call-7", -1)).hasSize(2);
        assertThat(recorder.openFiles()).isZero();
    }

    @Test
    void aFolderThatCannotBeCreatedIsLoggedOnceAndNothingIsThrown(CapturedOutput output) throws Exception {
        Files.writeString(dir.resolve("recordings"), "a file, not a folder");
        recorder.write("call-8", DEVICE, CHANNEL, "H264", true, KEY);
        recorder.write("call-8", DEVICE, CHANNEL, "H264", true, KEY);

        assertThat(output.getOut().split("cannot be opened", -1)).hasSize(2);
        assertThat(output.getOut()).contains("Session call-8");
        assertThat(recorder.openFiles()).isZero();
    }

    @Test
    void anIdThatIsNoFileNameIsNotRecorded(CapturedOutput output) {
        recorder.write("call-9", DEVICE, "../../escape", "H264", true, KEY);

        assertThat(output.getOut()).contains("Session call-9 is not recorded");
        assertThat(recorder.openFiles()).isZero();
        assertThat(dir.resolve("recordings")).doesNotExist();
    }
}
