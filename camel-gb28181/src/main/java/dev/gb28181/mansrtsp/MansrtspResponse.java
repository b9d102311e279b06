package dev.gb28181.mansrtsp;

/**
 * A device's answer to a MANSRTSP request (GB/T 28181-2016 Annex B), the body of its 200 to the INFO:
 * {@code RTSP/1.0 200 OK}, the request's {@code CSeq} and, from most devices, {@code RTP-Info} (e.g.
 * {@code seq=9810092;rtptime=3450012}). Header names are read case-insensitively; other headers are ignored.
 *
 * @param status  the RTSP status code (200 when the device applied the control)
 * @param reason  the reason phrase, possibly empty
 * @param cseq    the CSeq of the request answered, -1 when the device wrote none
 * @param rtpInfo the {@code RTP-Info} value, {@code null} when absent
 */
public record MansrtspResponse(int status, String reason, long cseq, String rtpInfo) {

    /** The longest answer {@link #parse} reads; devices send well under 200 characters. */
    public static final int MAX_LENGTH = 4096;

    public MansrtspResponse {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("RTSP status " + status + " is not three digits");
        }
        reason = reason == null ? "" : reason;
    }

    /** {@code RTSP/1.0 200 OK} for request {@code cseq}, with {@code rtpInfo} when not {@code null}. */
    public static MansrtspResponse ok(long cseq, String rtpInfo) {
        return new MansrtspResponse(200, "OK", cseq, rtpInfo);
    }

    /** true for a 2xx status. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The answer's text, lines ending in CRLF, as devices write it. */
    public String encode() {
        StringBuilder text = new StringBuilder(64).append(PlayControl.VERSION).append(' ').append(status);
        if (!reason.isEmpty()) {
            text.append(' ').append(reason);
        }
        text.append("\r\nCSeq: ").append(cseq).append("\r\n");
        if (rtpInfo != null) {
            text.append("RTP-Info: ").append(rtpInfo).append("\r\n");
        }
        return text.toString();
    }

    /**
     * Reads an answer: an {@code RTSP/<version> <status> <reason>} line, then headers (LF or CRLF lines).
     *
     * @throws IllegalArgumentException when the text is longer than {@link #MAX_LENGTH}, its first line is not an
     *         RTSP status line or its CSeq is not a number
     */
    public static MansrtspResponse parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("MANSRTSP answer of " + text.length() + " characters, at most "
                    + MAX_LENGTH);
        }
        String[] lines = PlayControl.lines(text);
        String first = lines.length == 0 ? "" : lines[0];
        int space = first.indexOf(' ');
        if (!first.startsWith("RTSP/") || space < 0) {
            throw new IllegalArgumentException("Not an RTSP status line: " + first);
        }
        int end = first.indexOf(' ', space + 1);
        String code = end < 0 ? first.substring(space + 1) : first.substring(space + 1, end);
        int status;
        try {
            status = Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an RTSP status code: " + first, e);
        }
        String reason = end < 0 ? "" : first.substring(end + 1).trim();
        String cseq = PlayControl.header(lines, "CSeq");
        return new MansrtspResponse(status, reason, cseq == null ? -1 : PlayControl.number(cseq, "CSeq"),
                PlayControl.header(lines, "RTP-Info"));
    }
}
