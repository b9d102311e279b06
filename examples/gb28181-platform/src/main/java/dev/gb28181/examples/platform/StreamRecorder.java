package dev.gb28181.examples.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the video of live sessions (GB/T 28181-2016 §9.2) as raw elementary streams, one file per
 * channel: {@code <directory>/<deviceId>_<channelId>.h264} or {@code .h265}, the access units in
 * Annex-B form (ITU-T H.264 / H.265 Annex B) exactly as the PS demuxer gave them (GB/T 28181-2016
 * Annex C), appended one after the other, so that {@code ffplay} or {@code ffmpeg -f h264} read the
 * file as it grows.
 *
 * <p>A session's file is opened (created, or appended to after an earlier session of the channel)
 * when its first key frame arrives, which carries the parameter sets, so that every session's part
 * of the file decodes on its own; frames before it are skipped. It is closed at the end of the session's
 * stream ({@link #end}, which the caller gives after the session's last frame), or when a newer session of
 * the same channel opens it. Frames of other codecs
 * (MPEG-4, SVAC, audio) are not written, logged once per session. At most {@code maxOpenFiles}
 * files are open at once: a session beyond that is not recorded, logged once. A write that fails
 * (disk full, folder removed) is logged once and ends that session's recording; nothing is thrown
 * to the caller. Thread-safe: frames of one session must arrive in order, sessions may be written in
 * parallel.
 */
public final class StreamRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRecorder.class);

    private final Path directory;
    private final int maxOpenFiles;
    private final Semaphore openFiles;
    /** The sessions being recorded or waiting for their first key frame, by call ID. */
    private final Map<String, Recording> sessions = new ConcurrentHashMap<>();
    /** The session whose file each open file is. */
    private final Map<Path, Recording> files = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param directory    where the files are written, created at the first recording
     * @param maxOpenFiles how many files may be open at once (1 or more)
     */
    public StreamRecorder(Path directory, int maxOpenFiles) {
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles " + maxOpenFiles + " is not 1 or more");
        }
        this.directory = directory;
        this.maxOpenFiles = maxOpenFiles;
        this.openFiles = new Semaphore(maxOpenFiles);
    }

    /** The folder the recordings are written to. */
    public Path directory() {
        return directory;
    }

    /** How many recording files are open now. */
    public int openFiles() {
        return maxOpenFiles - openFiles.availablePermits();
    }

    /**
     * Appends one access unit of a live session to its channel's file.
     *
     * @param callId     the session's Call-ID
     * @param codec      the frame's codec name ({@code H264}, {@code H265}, ...)
     * @param keyFrame   whether the frame is an IDR / IRAP access unit with its parameter sets
     * @param accessUnit the Annex-B bytes, written as they are
     */
    public void write(String callId, String deviceId, String channelId, String codec, boolean keyFrame,
            byte[] accessUnit) {
        if (closed) {
            return;
        }
        Recording recording = sessions.computeIfAbsent(callId, id -> new Recording(id, deviceId, channelId));
        synchronized (recording) {
            // close() may have run since the check above, past a recording it could not see yet: open nothing
            if (closed) {
                recording.finish();
                return;
            }
            recording.write(codec, keyFrame, accessUnit);
        }
    }

    /**
     * Closes the file of a session whose stream ended, after its last frame was written. A later frame of the
     * session (its stream resumed, e.g. a restarted route) starts a new part at its next key frame.
     */
    public void end(String callId) {
        Recording recording = sessions.remove(callId);
        if (recording != null) {
            synchronized (recording) {
                recording.finish();
            }
        }
    }

    /** Closes every open file. */
    @Override
    public void close() {
        closed = true;
        for (Recording recording : sessions.values()) {
            synchronized (recording) {
                recording.finish();
            }
        }
        sessions.clear();
    }

    /** The file extension of a recorded codec, or {@code null} for one that is not recorded. */
    static String extension(String codec) {
        return switch (codec) {
            case "H264" -> "h264";
            case "H265" -> "h265";
            default -> null;
        };
    }

    /** Whether an ID is safe as part of a file name: letters, digits, '-' (GB IDs are 20 digits). */
    static boolean safeName(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** One session's recording; guarded by its own monitor. */
    private final class Recording {
        private final String callId;
        private final String deviceId;
        private final String channelId;
        /** The codec written, set when the file opens. */
        private String codec;
        private Path file;
        private FileChannel channel;
        /** Nothing more is written: not recordable, failed, superseded or ended. */
        private boolean done;
        private boolean otherCodecLogged;

        Recording(String callId, String deviceId, String channelId) {
            this.callId = callId;
            this.deviceId = deviceId;
            this.channelId = channelId;
        }

        void write(String frameCodec, boolean keyFrame, byte[] accessUnit) {
            if (done) {
                return;
            }
            if (channel == null) {
                if (extension(frameCodec) == null) {
                    logOtherCodec(frameCodec);
                    return;
                }
                if (!keyFrame || !open(frameCodec)) {
                    return;
                }
            } else if (!codec.equals(frameCodec)) {
                logOtherCodec(frameCodec);
                return;
            }
            try {
                ByteBuffer bytes = ByteBuffer.wrap(accessUnit);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                LOG.warn("Recording of session {} ({}/{}) to {} failed, the rest of the session is not recorded: {}",
                        callId, deviceId, channelId, file, e.toString());
                finish();
            }
        }

        private void logOtherCodec(String frameCodec) {
            if (!otherCodecLogged) {
                otherCodecLogged = true;
                LOG.info("Session {} ({}/{}): {} frames are not recorded ({})", callId, deviceId, channelId,
                        frameCodec, codec == null ? "only H264 and H265 are" : "the recording is " + codec);
            }
        }

        /** Opens the file at the session's first key frame; false (logged once) when it cannot. */
        private boolean open(String frameCodec) {
            if (!safeName(deviceId) || !safeName(channelId)) {
                LOG.warn("Session {} is not recorded: device {} / channel {} is not usable as a file name", callId,
                        deviceId, channelId);
                done = true;
                return false;
            }
            if (!openFiles.tryAcquire()) {
                LOG.warn("Session {} ({}/{}) is not recorded: {} recordings are open already", callId, deviceId,
                        channelId, maxOpenFiles);
                done = true;
                return false;
            }
            Path target = directory.resolve(deviceId + '_' + channelId + '.' + extension(frameCodec));
            try {
                Files.createDirectories(directory);
                channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                openFiles.release();
                LOG.warn("Session {} ({}/{}) is not recorded: {} cannot be opened: {}", callId, deviceId, channelId,
                        target, e.toString());
                done = true;
                return false;
            }
            codec = frameCodec;
            file = target;
            Recording previous = files.put(target, this);
            if (previous != null) {
                // an earlier session of the channel whose end was not handled yet: one writer per file
                synchronized (previous) {
                    previous.finish();
                }
            }
            LOG.info("Recording session {} ({}/{}) to {}", callId, deviceId, channelId, target);
            return true;
        }

        /** Closes the file if open; nothing more is written for the session. */
        void finish() {
            done = true;
            if (channel == null) {
                return;
            }
            files.remove(file, this);
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Closing recording {} of session {} failed: {}", file, callId, e.toString());
            }
            channel = null;
            openFiles.release();
        }
    }
}
