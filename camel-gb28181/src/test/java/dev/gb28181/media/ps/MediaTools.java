package dev.gb28181.media.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg, ffprobe and gst-launch-1.0 (Debian packages ffmpeg, gstreamer1.0-tools,
 * gstreamer1.0-plugins-base/good/bad/ugly) as independent producers and decoders of test streams.
 */
public final class MediaTools {
    private MediaTools() {
    }

    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "tool", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("%s timed out", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", String.join(" ", command), output).isZero();
        return output;
    }

    public static Path ffmpeg(Path dir, String output, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        command.add(output);
        run(dir, command.toArray(String[]::new));
        return dir.resolve(output);
    }

    /** The number of video frames ffprobe decodes from {@code file} (optionally read as {@code format}). */
    public static int decodedFrames(Path dir, Path file, String format) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-count_frames",
                "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0"));
        if (format != null) {
            command.addAll(List.of("-f", format));
        }
        command.add(file.toString());
        String output = run(dir, command.toArray(String[]::new)).trim();
        assertThat(output).as("ffprobe output").matches("\\d+");
        return Integer.parseInt(output);
    }

    /** The PTS of every video packet (access unit) ffprobe reads from {@code file}, in order; -1 for none. */
    public static List<Long> packetPts(Path dir, Path file) throws IOException, InterruptedException {
        String output = run(dir, "ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts",
                "-of", "csv=p=0", file.toString());
        List<Long> pts = new ArrayList<>();
        for (String line : output.split("\n")) {
            String value = line.trim().replace(",", "");
            if (!value.isEmpty()) {
                pts.add(value.equals("N/A") ? -1L : Long.parseLong(value));
            }
        }
        return pts;
    }

    /** One access unit of an elementary stream as ffprobe's parser cuts it: its byte range and key flag. */
    public record AccessUnit(long pos, int size, boolean key) {
    }

    /**
     * The access units ffprobe's parser finds in a raw elementary stream {@code file} of {@code format}
     * ({@code h264}, {@code hevc}), in order: an independent reference for where each frame begins.
     */
    public static List<AccessUnit> accessUnits(Path dir, Path file, String format)
            throws IOException, InterruptedException {
        String output = run(dir, "ffprobe", "-v", "error", "-f", format, "-show_entries", "packet=pos,size,flags",
                "-of", "compact=p=0", file.toString());
        List<AccessUnit> units = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : line.trim().split("\\|")) {
                int eq = field.indexOf('=');
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
            units.add(new AccessUnit(Long.parseLong(fields.get("pos")), Integer.parseInt(fields.get("size")),
                    fields.get("flags").startsWith("K")));
        }
        return units;
    }
}
