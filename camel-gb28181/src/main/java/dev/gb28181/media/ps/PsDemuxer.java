package dev.gb28181.media.ps;

import dev.gb28181.media.MediaCodec;
import dev.gb28181.media.MediaFrame;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push-based MPEG-2 Program Stream demuxer for one GB/T 28181 media session (GB/T 28181-2016 §9.2 and
 * Annex C; ISO/IEC 13818-1 §2.5): RTP payloads in, {@link MediaFrame}s out, in-process, without an external
 * media server.
 *
 * <p>Understood: pack headers of MPEG-2 (with stuffing) and MPEG-1 (ffmpeg's {@code -f mpeg}), system
 * header (skipped), PSM with stream types 0x1B H.264, 0x24 H.265, 0x10 MPEG-4, 0x90/0x91 G.711A/U and
 * 0x0F AAC (an {@code elementary_stream_info_length} that overruns the map is bounded to it, Annex C
 * devices get it wrong), PES 0xE0-0xEF video and 0xC0-0xDF audio with MPEG-2 or MPEG-1 headers and PTS/DTS,
 * a PES spanning any number of {@link #feed} calls. Private stream 0xBD (Hikvision), padding and other
 * streams are skipped. Without a PSM the video codec is probed from the elementary stream. SVAC (0x80) is
 * recognised in the PSM but not decoded into frames yet: its PES are skipped and counted.
 *
 * <p>Video leaves as access units in Annex-B form, cut at the elementary stream's own access-unit
 * boundaries (a PES may hold part of a frame or several frames), or earlier at {@link #frameEnd()}. The first
 * frame of a session is a key frame carrying its parameter sets (SPS/PPS, VPS/SPS/PPS or VOL); earlier
 * frames are dropped, as are frames after {@link #onGap()} until the next key frame. A frame larger than
 * the maximum size is dropped. Audio leaves as one frame per PES, only for streams a PSM typed.
 *
 * <p>Copying: payload bytes are copied once, from the fed buffers into the frame's array; until then the
 * demuxer holds {@link ByteBuf#retain() retained} references to the fed buffers (it never changes their
 * indices, and they must not be modified afterwards). {@link #close()} releases them.
 *
 * <p>Malformed input never throws out of {@link #feed}: it is counted in {@link #stats()} and the parser
 * searches for the next start code. One instance per session; not thread-safe.
 */
public final class PsDemuxer implements AutoCloseable {
    /** Default bound of one video access unit, far above any GB/T 28181 camera's I-frame. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PsDemuxer.class);
    /** ISO/IEC 13818-1 §2.5.4.2: program_stream_map_length is at most 0x3FA. */
    private static final int MAX_PSM_LENGTH = 0x3FA;

    private enum State { START, COLLECT, SKIP, PAYLOAD }

    private enum Step { PACK, PACK_MPEG2, LENGTH, PSM, PES_MPEG2, PES_MPEG2_FIELDS, PES_MPEG1, PES_MPEG1_STD,
        PES_MPEG1_PTS, PES_MPEG1_PTS_DTS }

    private enum Sink { VIDEO, AUDIO, SKIP }

    private final Consumer<MediaFrame> out;
    private final Counters counters = new Counters();
    private final VideoAssembler video;
    private final SegmentQueue audio = new SegmentQueue();
    /** PSM stream type per stream_id, 0 when no PSM named it. */
    private final int[] streamTypes = new int[256];
    private final byte[] scratch = new byte[MAX_PSM_LENGTH];

    private State state = State.START;
    private int code = -1;
    private int searched;
    private Step step;
    private int need;
    private int have;
    private long skip;
    private int streamId;
    private int pesLength;
    private int pesHeaderUsed;
    private int payloadLeft;
    private Sink sink;
    private MediaCodec audioCodec;
    private long audioStart;
    private long pesPts;
    private long pesDts;
    private boolean failureLogged;

    /** A demuxer with the {@link #DEFAULT_MAX_FRAME_SIZE}. */
    public PsDemuxer(Consumer<MediaFrame> out) {
        this(out, DEFAULT_MAX_FRAME_SIZE);
    }

    public PsDemuxer(Consumer<MediaFrame> out, int maxFrameSize) {
        this.out = Objects.requireNonNull(out, "out");
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive: " + maxFrameSize);
        }
        this.video = new VideoAssembler(out, counters, maxFrameSize);
    }

    /**
     * Parses the readable bytes of {@code payload} (an RTP payload: any split of the PS). The buffer's
     * indices are left alone; it is retained, not released, for the bytes of frames still being assembled.
     * Frames are delivered to the consumer on this thread, before this method returns; nothing escapes:
     * a failure (including one thrown by the consumer) is logged once, counted as malformed, and the
     * parser resynchronises at the next start code.
     */
    public void feed(ByteBuf payload) {
        int i = payload.readerIndex();
        int end = payload.writerIndex();
        counters.bytes += end - i;
        try {
            while (i < end) {
                i = switch (state) {
                    case START -> start(payload, i, end);
                    case COLLECT -> collect(payload, i, end);
                    case SKIP -> skip(i, end);
                    case PAYLOAD -> payload(payload, i, end);
                };
            }
        } catch (RuntimeException e) {
            counters.malformed++;
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("PS demuxer failed on stream 0x{} at byte {}, resynchronising",
                        Integer.toHexString(streamId), counters.bytes, e);
            } else {
                LOG.debug("PS demuxer failed again, resynchronising", e);
            }
            resync();
        }
    }

    /**
     * The RTP marker bit (or the end of the stream): the video access unit in progress is complete and
     * leaves now instead of when the next one begins. Ignored in the middle of a PES.
     */
    public void frameEnd() {
        if (state != State.PAYLOAD) {
            video.frameEnd();
        }
    }

    /** Packets were lost: the partial frame is dropped and video resumes at the next key frame. */
    public void onGap() {
        counters.gaps++;
        resync();
    }

    public PsDemuxerStats stats() {
        return counters.snapshot();
    }

    /** Releases the buffers retained for frames in progress. */
    @Override
    public void close() {
        video.close();
        audio.clear();
    }

    private void resync() {
        video.dropFrame();
        audio.clear();
        state = State.START;
        code = -1;
        searched = 0;
    }

    private int start(ByteBuf buf, int i, int end) {
        while (i < end) {
            code = (code << 8) | (buf.getByte(i++) & 0xFF);
            searched++;
            if ((code & 0xFFFFFF00) == 0x100 && (code & 0xFF) >= 0xB9) {
                if (searched > 4) {
                    counters.resyncs++;
                }
                code = -1;
                searched = 0;
                startCode(code(buf, i));
                return i;
            }
        }
        return i;
    }

    private static int code(ByteBuf buf, int afterCode) {
        return buf.getByte(afterCode - 1) & 0xFF;
    }

    private void startCode(int id) {
        streamId = id;
        if (id == 0xBA) {
            counters.packs++;
            collect(Step.PACK, 8);
        } else if (id == 0xB9) {
            state = State.START;
        } else {
            collect(Step.LENGTH, 2);
        }
    }

    private void collect(Step next, int bytes) {
        state = State.COLLECT;
        step = next;
        need = bytes;
        have = 0;
    }

    private int collect(ByteBuf buf, int i, int end) {
        int n = Math.min(need - have, end - i);
        buf.getBytes(i, scratch, have, n);
        have += n;
        if (have == need) {
            collected();
        }
        return i + n;
    }

    private int skip(int i, int end) {
        int n = (int) Math.min(skip, end - i);
        skip -= n;
        if (skip == 0) {
            state = State.START;
        }
        return i + n;
    }

    private void skip(long bytes) {
        skip = bytes;
        state = bytes == 0 ? State.START : State.SKIP;
    }

    private void malformed() {
        counters.malformed++;
        state = State.START;
    }

    private void collected() {
        byte[] s = scratch;
        switch (step) {
            case PACK -> {
                if ((s[0] & 0xC0) == 0x40) {
                    collect(Step.PACK_MPEG2, 10);
                    have = 8;
                } else if ((s[0] & 0xF0) == 0x20) {
                    state = State.START;
                } else {
                    malformed();
                }
            }
            case PACK_MPEG2 -> skip(s[9] & 0x07);
            case LENGTH -> length((s[0] & 0xFF) << 8 | (s[1] & 0xFF));
            case PSM -> {
                psm(pesLength);
                state = State.START;
            }
            case PES_MPEG2 -> {
                if ((s[0] & 0xC0) != 0x80 || 3 + (s[2] & 0xFF) > pesLength) {
                    malformed();
                } else {
                    collect(Step.PES_MPEG2_FIELDS, 3 + (s[2] & 0xFF));
                    have = 3;
                }
            }
            case PES_MPEG2_FIELDS -> {
                int flags = (s[1] & 0xC0) >> 6;
                int fields = s[2] & 0xFF;
                if ((flags == 2 && fields < 5) || (flags == 3 && fields < 10)) {
                    malformed();
                    return;
                }
                pesPts = flags >= 2 ? timestamp(s, 3) : -1;
                pesDts = flags == 3 ? timestamp(s, 8) : pesPts;
                pesPayload(3 + fields);
            }
            case PES_MPEG1 -> pesMpeg1(s[0] & 0xFF);
            case PES_MPEG1_STD -> collect(Step.PES_MPEG1, 1);
            case PES_MPEG1_PTS -> {
                pesPts = timestamp(s, 0);
                pesDts = pesPts;
                pesPayload(pesHeaderUsed);
            }
            case PES_MPEG1_PTS_DTS -> {
                pesPts = timestamp(s, 0);
                pesDts = timestamp(s, 5);
                pesPayload(pesHeaderUsed);
            }
        }
    }

    private void length(int length) {
        pesLength = length;
        int id = streamId;
        if (id == 0xBC) {
            if (length > MAX_PSM_LENGTH || length < 10) {
                counters.malformed++;
                skip(length);
            } else {
                collect(Step.PSM, length);
            }
            return;
        }
        if (id < 0xC0 || id > 0xEF) {
            if (id != 0xBB) {
                counters.skippedPes++;
            }
            skip(length);
            return;
        }
        if (length == 0) {
            malformed();
            return;
        }
        pesHeaderUsed = 0;
        pesPts = -1;
        pesDts = -1;
        sink = route(id);
        collect(Step.PES_MPEG1, 1);
    }

    private Sink route(int id) {
        MediaCodec codec = codecOf(streamTypes[id]);
        if (id >= 0xE0) {
            if (id != video.streamId() && !video.started() && isVideo(id)) {
                video.bind(id, codec);
            }
            return video.streamId() == id ? Sink.VIDEO : Sink.SKIP;
        }
        if (codec != null && !codec.isVideo()) {
            audioCodec = codec;
            return Sink.AUDIO;
        }
        return Sink.SKIP;
    }

    /** The first header byte decides MPEG-2 ('10') or MPEG-1 (stuffing, STD buffer, then PTS/DTS). */
    private void pesMpeg1(int b) {
        pesHeaderUsed++;
        if (pesHeaderUsed == 1 && (b & 0xC0) == 0x80) {
            collect(Step.PES_MPEG2, 3);
            have = 1;
            pesHeaderUsed = 0;
            return;
        }
        if (pesHeaderUsed > pesLength || pesHeaderUsed > 28) {
            malformed();
        } else if (b == 0xFF) {
            collect(Step.PES_MPEG1, 1);
        } else if ((b & 0xC0) == 0x40) {
            pesHeaderUsed++;
            collect(Step.PES_MPEG1_STD, 1);
        } else if ((b & 0xF0) == 0x20) {
            pesHeaderUsed += 4;
            collect(Step.PES_MPEG1_PTS, 5);
            have = 1;
        } else if ((b & 0xF0) == 0x30) {
            pesHeaderUsed += 9;
            collect(Step.PES_MPEG1_PTS_DTS, 10);
            have = 1;
        } else if (b == 0x0F) {
            pesPayload(pesHeaderUsed);
        } else {
            malformed();
        }
    }

    private void pesPayload(int headerBytes) {
        payloadLeft = pesLength - headerBytes;
        if (payloadLeft < 0) {
            malformed();
            return;
        }
        if (sink == Sink.SKIP) {
            counters.skippedPes++;
            skip(payloadLeft);
            return;
        }
        if (sink == Sink.VIDEO) {
            video.pesStart(pesPts, pesDts);
        } else {
            audioStart = audio.end();
        }
        if (payloadLeft == 0) {
            pesEnd();
        } else {
            state = State.PAYLOAD;
        }
    }

    private int payload(ByteBuf buf, int i, int end) {
        int n = Math.min(payloadLeft, end - i);
        if (sink == Sink.VIDEO) {
            video.payload(buf, i, n);
        } else {
            audio.add(buf, i, n);
        }
        payloadLeft -= n;
        if (payloadLeft == 0) {
            pesEnd();
        }
        return i + n;
    }

    private void pesEnd() {
        state = State.START;
        if (sink == Sink.AUDIO && audio.end() > audioStart) {
            byte[] data = audio.take(audioStart, audio.end());
            counters.audioFrames++;
            out.accept(new MediaFrame(audioCodec, data, pesPts, pesDts, true, streamId));
        }
    }

    /**
     * ISO/IEC 13818-1 §2.5.4: version bytes, program_stream_info, then the elementary stream map of
     * (stream_type, elementary_stream_id, elementary_stream_info_length, descriptors). Lengths that
     * overrun the map are bounded to it; an entry whose info length would misalign the next entry (the
     * next "id" is not a PES stream id while the entry read without descriptors is) is read without them.
     */
    private void psm(int length) {
        byte[] s = scratch;
        int mapEnd = length - 4; // CRC_32
        int p = 4 + Math.min(u16(s, 2), Math.max(0, mapEnd - 6));
        if (p + 2 > mapEnd) {
            counters.malformed++;
            return;
        }
        int esEnd = Math.min(p + 2 + u16(s, p), mapEnd);
        p += 2;
        while (p + 4 <= esEnd) {
            int type = s[p] & 0xFF;
            int id = s[p + 1] & 0xFF;
            int info = u16(s, p + 2);
            int next = p + 4 + info;
            if (next > esEnd || (next + 4 <= esEnd && !isPesId(s[next + 1] & 0xFF)
                    && p + 8 <= esEnd && isPesId(s[p + 5] & 0xFF))) {
                counters.malformed++;
                next = Math.min(next, p + 4);
            }
            if (isPesId(id)) {
                streamTypes[id] = type;
                MediaCodec codec = codecOf(type);
                if (isVideo(id) && (id == video.streamId() || !video.started())) {
                    video.bind(id, codec);
                }
            }
            p = next;
        }
    }

    /** A video stream id the assembler can serve: untyped (probed) or typed H.264, H.265 or MPEG-4. */
    private boolean isVideo(int id) {
        MediaCodec codec = codecOf(streamTypes[id]);
        return id >= 0xE0 && (streamTypes[id] == 0 || (codec != null && codec.isVideo() && codec != MediaCodec.SVAC));
    }

    private static boolean isPesId(int id) {
        return id >= 0xC0 && id <= 0xEF;
    }

    private static int u16(byte[] s, int p) {
        return (s[p] & 0xFF) << 8 | (s[p + 1] & 0xFF);
    }

    /** GB/T 28181-2016 Annex C.2 stream types (and AAC of the 2022 edition); null for anything else. */
    static MediaCodec codecOf(int streamType) {
        return switch (streamType) {
            case 0x1B -> MediaCodec.H264;
            case 0x24 -> MediaCodec.H265;
            case 0x10 -> MediaCodec.MPEG4;
            case 0x80 -> MediaCodec.SVAC;
            case 0x90 -> MediaCodec.G711A;
            case 0x91 -> MediaCodec.G711U;
            case 0x0F -> MediaCodec.AAC;
            default -> null;
        };
    }

    /** The 33-bit PTS/DTS of ISO/IEC 13818-1 §2.4.3.7 from its 5 marker-interleaved bytes. */
    private static long timestamp(byte[] s, int p) {
        return ((long) (s[p] & 0x0E) << 29) | ((s[p + 1] & 0xFF) << 22) | ((s[p + 2] & 0xFE) << 14)
                | ((s[p + 3] & 0xFF) << 7) | ((s[p + 4] & 0xFF) >> 1);
    }
}
