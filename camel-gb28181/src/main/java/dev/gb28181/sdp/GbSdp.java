package dev.gb28181.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The session description of a GB/T 28181-2016 media session (§9.2, Annex F): RFC 4566 SDP as the platform
 * offers it in an INVITE and the device answers it in the 200 OK, with the two GB lines {@code y=} (the
 * 10-digit SSRC, §9.2 / Annex F) and {@code f=} (the media description {@code v/.../a/...}).
 *
 * <p>Why a model of its own: GB devices write SDP that general SDP libraries refuse or reorder (the {@code y=}
 * and {@code f=} lines after the media section, {@code s=Network Video Recorder}, vendor attributes such as
 * {@code a=streamprofile:} or {@code a=username:}). {@link #parse} is tolerant (CRLF or LF, spaces around lines,
 * blank lines, missing {@code y=}/{@code f=}, unknown lines and attributes kept in order) and {@link #encode}
 * writes the RFC 4566 order with {@code y=} and {@code f=} last, as the devices of the 2024 capture expect, so a
 * description that was written in that order comes back byte for byte. {@link #offer} builds the platform's
 * offers (live over UDP, TCP passive or active, playback, download).
 *
 * <p>Immutable and thread-safe. Lines of other types than {@code v o s i u c t a m y f} are kept verbatim: at
 * session level they are written after {@code t=}, in a media section after its {@code c=}.
 */
public final class GbSdp {

    /** Bodies longer than this are refused: a GB SDP is a few hundred bytes. */
    public static final int MAX_LENGTH = 16 * 1024;

    private static final String CRLF = "\r\n";

    private final Origin origin;
    private final String sessionName;
    private final String info;
    private final String uri;
    private final Connection connection;
    private final long startTime;
    private final long stopTime;
    private final List<String> otherLines;
    private final List<Attribute> attributes;
    private final List<Media> media;
    private final String ssrc;
    private final String mediaDescription;

    /**
     * A description from its parts; {@code info}, {@code uri}, {@code connection}, {@code ssrc} and
     * {@code mediaDescription} may be null (line absent). Lists are copied.
     */
    public GbSdp(Origin origin, String sessionName, String info, String uri, Connection connection, long startTime,
            long stopTime, List<String> otherLines, List<Attribute> attributes, List<Media> media, String ssrc,
            String mediaDescription) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
        this.info = info;
        this.uri = uri;
        this.connection = connection;
        this.startTime = startTime;
        this.stopTime = stopTime;
        this.otherLines = List.copyOf(otherLines);
        this.attributes = List.copyOf(attributes);
        this.media = List.copyOf(media);
        this.ssrc = ssrc;
        this.mediaDescription = mediaDescription;
    }

    /** {@code o=}. */
    public Origin origin() {
        return origin;
    }

    /** {@code s=} as written, e.g. {@code Play} or {@code Network Video Recorder}. */
    public String sessionName() {
        return sessionName;
    }

    /** {@code s=} read as a GB session type, when it is one. */
    public Optional<SessionType> sessionType() {
        return SessionType.fromSdpName(sessionName);
    }

    /** {@code i=}, if present. */
    public Optional<String> info() {
        return Optional.ofNullable(info);
    }

    /** {@code u=}, if present: for history sessions {@code <channelId>:<n>} (Annex F). */
    public Optional<String> uri() {
        return Optional.ofNullable(uri);
    }

    /** Session-level {@code c=}, if present. */
    public Optional<Connection> connection() {
        return Optional.ofNullable(connection);
    }

    /** {@code t=} start, epoch seconds; 0 for live. */
    public long startTime() {
        return startTime;
    }

    /** {@code t=} stop, epoch seconds; 0 for live. */
    public long stopTime() {
        return stopTime;
    }

    /** Session-level lines of other types (b=, e=, k=, unknown letters), verbatim with their {@code x=}. */
    public List<String> otherLines() {
        return otherLines;
    }

    /** Session-level {@code a=} lines, in order. */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** The media sections ({@code m=} and their lines), in order. */
    public List<Media> media() {
        return media;
    }

    /** {@code y=} as written (10 decimal digits for a conforming peer), if present. */
    public Optional<String> ssrc() {
        return Optional.ofNullable(ssrc);
    }

    /** {@code f=} verbatim (may be empty), if present. */
    public Optional<String> mediaDescription() {
        return Optional.ofNullable(mediaDescription);
    }

    /** The first media section: GB sessions carry one ({@code video}, or {@code audio} for Talk). */
    public Media firstMedia() {
        if (media.isEmpty()) {
            throw new IllegalStateException("the session description has no m= line");
        }
        return media.get(0);
    }

    /** Where the first media section's RTP goes: its own {@code c=} or else the session's. */
    public Optional<Connection> mediaConnection() {
        Media first = firstMedia();
        return first.connection() != null ? Optional.of(first.connection()) : connection();
    }

    /** This description with {@code y=} replaced (null removes it). */
    public GbSdp withSsrc(String newSsrc) {
        return new GbSdp(origin, sessionName, info, uri, connection, startTime, stopTime, otherLines, attributes,
                media, newSsrc, mediaDescription);
    }

    /**
     * The RFC 4566 text with CRLF line ends: {@code v o s i u c t}, other session lines, session {@code a=},
     * each media section ({@code m c}, its other lines, its {@code a=}), then {@code y=} and {@code f=}.
     */
    public String encode() {
        StringBuilder out = new StringBuilder(320);
        out.append("v=0").append(CRLF);
        out.append("o=").append(origin.username()).append(' ').append(origin.sessionId()).append(' ')
                .append(origin.sessionVersion()).append(' ').append(origin.netType()).append(' ')
                .append(origin.addressType()).append(' ').append(origin.address()).append(CRLF);
        out.append("s=").append(sessionName).append(CRLF);
        if (info != null) {
            out.append("i=").append(info).append(CRLF);
        }
        if (uri != null) {
            out.append("u=").append(uri).append(CRLF);
        }
        if (connection != null) {
            out.append("c=").append(connection).append(CRLF);
        }
        out.append("t=").append(startTime).append(' ').append(stopTime).append(CRLF);
        for (String line : otherLines) {
            out.append(line).append(CRLF);
        }
        for (Attribute attribute : attributes) {
            out.append("a=").append(attribute).append(CRLF);
        }
        for (Media section : media) {
            section.appendTo(out);
        }
        if (ssrc != null) {
            out.append("y=").append(ssrc).append(CRLF);
        }
        if (mediaDescription != null) {
            out.append("f=").append(mediaDescription).append(CRLF);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return encode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GbSdp that && encode().equals(that.encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    /**
     * Reads a session description. Tolerates CRLF or LF, white space around lines, blank lines, a missing
     * {@code v=}, {@code c=}, {@code t=} (read as {@code 0 0}), {@code y=} or {@code f=}, and {@code y=}/{@code f=}
     * anywhere; keeps unknown lines and attributes in order. {@code a=} lines after {@code y=}/{@code f=} belong
     * to the last media section.
     *
     * @throws SdpParseException naming the line when a line is malformed, {@code o=}, {@code s=} or every
     *         {@code m=} is missing, or the text exceeds {@link #MAX_LENGTH}
     */
    public static GbSdp parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new SdpParseException("SDP of " + text.length() + " characters exceeds " + MAX_LENGTH);
        }
        Origin origin = null;
        String sessionName = null;
        String info = null;
        String uri = null;
        Connection connection = null;
        long start = 0;
        long stop = 0;
        List<String> otherLines = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        MediaBuilder current = null;
        String ssrc = null;
        String mediaDescription = null;
        int lineNumber = 0;
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(from, end).strip();
            from = end + 1;
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw bad(lineNumber, line, "is not <type>=<value>");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) {
                        throw bad(lineNumber, line, "has a version other than 0");
                    }
                }
                case 'o' -> origin = Origin.parse(value, lineNumber, line);
                case 's' -> sessionName = value;
                case 'y' -> ssrc = value.strip();
                case 'f' -> mediaDescription = value;
                case 'm' -> {
                    if (current != null) {
                        media.add(current.build());
                    }
                    current = MediaBuilder.parse(value, lineNumber, line);
                }
                case 'a' -> {
                    if (current != null) {
                        current.attributes.add(Attribute.parse(value));
                    } else {
                        attributes.add(Attribute.parse(value));
                    }
                }
                case 'c' -> {
                    Connection parsed = Connection.parse(value, lineNumber, line);
                    if (current != null) {
                        current.connection = parsed;
                    } else {
                        connection = parsed;
                    }
                }
                case 'i' -> {
                    if (current != null) {
                        current.otherLines.add(line);
                    } else {
                        info = value;
                    }
                }
                case 'u' -> uri = value;
                case 't' -> {
                    String[] times = tokens(value);
                    if (times.length != 2) {
                        throw bad(lineNumber, line, "is not t=<start> <stop>");
                    }
                    start = number(times[0], lineNumber, line);
                    stop = number(times[1], lineNumber, line);
                }
                default -> {
                    if (current != null) {
                        current.otherLines.add(line);
                    } else {
                        otherLines.add(line);
                    }
                }
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (origin == null) {
            throw new SdpParseException("SDP has no o= line");
        }
        if (sessionName == null) {
            throw new SdpParseException("SDP has no s= line");
        }
        if (media.isEmpty()) {
            throw new SdpParseException("SDP has no m= line");
        }
        return new GbSdp(origin, sessionName, info, uri, connection, start, stop, otherLines, attributes, media, ssrc,
                mediaDescription);
    }

    /**
     * A builder of the platform's INVITE offer (§9.2, Annex F; PROTOCOL.md "Media sessions") for a session of
     * {@code type} ({@link SessionType#PLAY}, {@link SessionType#PLAYBACK} or {@link SessionType#DOWNLOAD}).
     */
    public static OfferBuilder offer(SessionType type) {
        return new OfferBuilder(type);
    }

    private static SdpParseException bad(int lineNumber, String line, String why) {
        return new SdpParseException("SDP line " + lineNumber + " '" + line + "' " + why);
    }

    private static long number(String text, int lineNumber, String line) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(lineNumber, line, "has '" + text + "' where a number belongs");
        }
    }

    /** The white-space separated fields of a line value. */
    private static String[] tokens(String value) {
        List<String> out = new ArrayList<>(6);
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    /** {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <address>} (RFC 4566 §5.2). */
    public record Origin(String username, String sessionId, String sessionVersion, String netType,
            String addressType, String address) {

        public Origin {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(sessionVersion, "sessionVersion");
            Objects.requireNonNull(netType, "netType");
            Objects.requireNonNull(addressType, "addressType");
            Objects.requireNonNull(address, "address");
        }

        /** {@code o=<username> 0 0 IN IP4|IP6 <address>} as GB platforms write it. */
        public static Origin of(String username, String address) {
            return new Origin(username, "0", "0", "IN", Connection.addressTypeOf(address), address);
        }

        static Origin parse(String value, int lineNumber, String line) {
            String[] f = tokens(value);
            if (f.length != 6) {
                throw bad(lineNumber, line, "is not o=<username> <sess-id> <sess-version> IN <addrtype> <address>");
            }
            return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
        }
    }

    /** {@code c=<nettype> <addrtype> <address>} (RFC 4566 §5.7): where RTP is sent. */
    public record Connection(String netType, String addressType, String address) {

        public Connection {
            Objects.requireNonNull(netType, "netType");
            Objects.requireNonNull(addressType, "addressType");
            Objects.requireNonNull(address, "address");
        }

        /** {@code c=IN IP4|IP6 <address>}, the type read from the address (a colon means IPv6). */
        public static Connection of(String address) {
            return new Connection("IN", addressTypeOf(address), address);
        }

        static String addressTypeOf(String address) {
            return address.indexOf(':') >= 0 ? "IP6" : "IP4";
        }

        static Connection parse(String value, int lineNumber, String line) {
            String[] f = tokens(value);
            if (f.length != 3) {
                throw bad(lineNumber, line, "is not c=IN <addrtype> <address>");
            }
            return new Connection(f[0], f[1], f[2]);
        }

        @Override
        public String toString() {
            return netType + ' ' + addressType + ' ' + address;
        }
    }

    /** An {@code a=<name>[:<value>]} line; {@code value} is null for a flag such as {@code recvonly}. */
    public record Attribute(String name, String value) {

        public Attribute {
            Objects.requireNonNull(name, "name");
        }

        static Attribute parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Attribute(text, null)
                    : new Attribute(text.substring(0, colon), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return value == null ? name : name + ':' + value;
        }
    }

    /** {@code a=rtpmap:<payload type> <encoding>/<clock rate>[/<parameters>]} (RFC 4566 §6). */
    public record RtpMap(int payloadType, String encoding, int clockRate) {

        /** {@code 96 PS/90000}: MPEG-2 program stream, GB/T 28181 §9.2. */
        public static final RtpMap PS = new RtpMap(96, "PS", 90000);
        /** {@code 98 H264/90000}. */
        public static final RtpMap H264 = new RtpMap(98, "H264", 90000);
        /** {@code 97 MPEG4/90000}. */
        public static final RtpMap MPEG4 = new RtpMap(97, "MPEG4", 90000);

        Attribute toAttribute() {
            return new Attribute("rtpmap", payloadType + " " + encoding + '/' + clockRate);
        }
    }

    /** RTP direction attribute of a media section (RFC 4566 §6). */
    public enum Direction {
        SENDRECV, SENDONLY, RECVONLY, INACTIVE
    }

    /**
     * One media section: {@code m=<media> <port>[/<count>] <proto> <fmt>...}, its {@code c=}, other lines and
     * {@code a=} lines in order. The typed accessors read the attributes, so nothing is lost or reordered.
     *
     * @param portCount the {@code /<count>} of the port, 0 when absent
     * @param connection null when the section has no {@code c=}
     */
    public record Media(String type, int port, int portCount, String proto, List<String> formats,
            Connection connection, List<String> otherLines, List<Attribute> attributes) {

        public Media {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(proto, "proto");
            formats = List.copyOf(formats);
            otherLines = List.copyOf(otherLines);
            attributes = List.copyOf(attributes);
        }

        /**
         * True when RTP goes over TCP with RFC 4571 framing: {@code TCP/RTP/AVP} as the standard writes it, or
         * {@code RTP/AVP/TCP} as some devices answer.
         */
        public boolean isTcp() {
            for (int i = 0; i + 3 <= proto.length(); i++) {
                if (proto.regionMatches(true, i, "TCP", 0, 3)) {
                    return true;
                }
            }
            return false;
        }

        /** The value of the first attribute called {@code name} (empty for a flag attribute), if any. */
        public Optional<String> attribute(String name) {
            for (Attribute attribute : attributes) {
                if (attribute.name().equalsIgnoreCase(name)) {
                    return Optional.of(attribute.value() == null ? "" : attribute.value());
                }
            }
            return Optional.empty();
        }

        /** The direction attribute ({@code a=recvonly} ...), if any. */
        public Optional<Direction> direction() {
            for (Attribute attribute : attributes) {
                if (attribute.value() == null) {
                    for (Direction direction : Direction.values()) {
                        if (direction.name().equalsIgnoreCase(attribute.name())) {
                            return Optional.of(direction);
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** {@code a=setup:} ({@code active}, {@code passive}, {@code actpass}; RFC 4145), if any. */
        public Optional<String> setup() {
            return attribute("setup");
        }

        /** {@code a=connection:} ({@code new} or {@code existing}; RFC 4145), if any. */
        public Optional<String> connectionMode() {
            return attribute("connection");
        }

        /** {@code a=downloadspeed:} of a Download (Annex F), if present and numeric. */
        public OptionalInt downloadSpeed() {
            Optional<String> text = attribute("downloadspeed");
            try {
                return text.isPresent() ? OptionalInt.of(Integer.parseInt(text.get().strip())) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }

        /** {@code a=filesize:} of a device's Playback/Download answer (Annex F), if present and numeric. */
        public OptionalLong fileSize() {
            Optional<String> text = attribute("filesize");
            try {
                return text.isPresent() ? OptionalLong.of(Long.parseLong(text.get().strip())) : OptionalLong.empty();
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }

        /** The well-formed {@code a=rtpmap:} lines, in order (malformed ones stay in {@link #attributes}). */
        public List<RtpMap> rtpMaps() {
            List<RtpMap> maps = new ArrayList<>(4);
            for (Attribute attribute : attributes) {
                if (attribute.name().equalsIgnoreCase("rtpmap") && attribute.value() != null) {
                    String[] f = tokens(attribute.value());
                    if (f.length == 2) {
                        int slash = f[1].indexOf('/');
                        try {
                            int end = f[1].indexOf('/', slash + 1);
                            maps.add(new RtpMap(Integer.parseInt(f[0]), f[1].substring(0, slash),
                                    Integer.parseInt(f[1].substring(slash + 1, end < 0 ? f[1].length() : end))));
                        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                            // malformed rtpmap: kept verbatim in attributes(), not typed
                        }
                    }
                }
            }
            return maps;
        }

        void appendTo(StringBuilder out) {
            out.append("m=").append(type).append(' ').append(port);
            if (portCount > 0) {
                out.append('/').append(portCount);
            }
            out.append(' ').append(proto);
            for (String format : formats) {
                out.append(' ').append(format);
            }
            out.append(CRLF);
            if (connection != null) {
                out.append("c=").append(connection).append(CRLF);
            }
            for (String line : otherLines) {
                out.append(line).append(CRLF);
            }
            for (Attribute attribute : attributes) {
                out.append("a=").append(attribute).append(CRLF);
            }
        }
    }

    private static final class MediaBuilder {
        private final String type;
        private final int port;
        private final int portCount;
        private final String proto;
        private final List<String> formats;
        private Connection connection;
        private final List<String> otherLines = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();

        private MediaBuilder(String type, int port, int portCount, String proto, List<String> formats) {
            this.type = type;
            this.port = port;
            this.portCount = portCount;
            this.proto = proto;
            this.formats = formats;
        }

        static MediaBuilder parse(String value, int lineNumber, String line) {
            String[] f = tokens(value);
            if (f.length < 3) {
                throw bad(lineNumber, line, "is not m=<media> <port> <proto> <fmt>...");
            }
            int slash = f[1].indexOf('/');
            long port = number(slash < 0 ? f[1] : f[1].substring(0, slash), lineNumber, line);
            long count = slash < 0 ? 0 : number(f[1].substring(slash + 1), lineNumber, line);
            if (port < 0 || port > 65535 || count < 0 || count > 65535) {
                throw bad(lineNumber, line, "has a port out of range");
            }
            return new MediaBuilder(f[0], (int) port, (int) count, f[2], List.of(f).subList(3, f.length));
        }

        Media build() {
            return new Media(type, port, portCount, proto, formats, connection, otherLines, attributes);
        }
    }

    /**
     * Builds the platform's INVITE offer exactly as PROTOCOL.md "Media sessions" and the eXosip platform of the
     * 2024 capture write it:
     *
     * <pre>
     * v=0
     * o=&lt;platformId&gt; 0 0 IN IP4 &lt;address&gt;
     * s=Play|Playback|Download
     * u=&lt;channelId&gt;:0                       (history only)
     * c=IN IP4 &lt;address&gt;
     * t=0 0 | t=&lt;start&gt; &lt;end&gt;
     * m=video &lt;port&gt; RTP/AVP|TCP/RTP/AVP 96 98 97
     * a=recvonly
     * a=rtpmap:96 PS/90000
     * a=rtpmap:98 H264/90000
     * a=rtpmap:97 MPEG4/90000
     * a=downloadspeed:&lt;n&gt;                    (Download only)
     * a=setup:passive|active                  (TCP only)
     * a=connection:new                        (TCP only)
     * a=&lt;extra attributes&gt;                   (e.g. stream:1)
     * y=&lt;ssrc&gt;
     * f=
     * </pre>
     */
    public static final class OfferBuilder {
        private final SessionType type;
        private String username;
        private String address;
        private int port = -1;
        private MediaTransport transport = MediaTransport.UDP;
        private String ssrc;
        private String channelId;
        private long startTime;
        private long stopTime;
        private boolean timeRangeSet;
        private int downloadSpeed;
        private final List<Attribute> extraAttributes = new ArrayList<>();

        private OfferBuilder(SessionType type) {
            if (type == SessionType.TALK) {
                throw new IllegalArgumentException("the platform does not offer Talk: the device INVITEs (§9.12)");
            }
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The {@code o=} username: the platform's SIP ID. */
        public OfferBuilder username(String platformId) {
            this.username = platformId;
            return this;
        }

        /** The platform's media address, written in {@code o=} and {@code c=} (IPv4 or IPv6). */
        public OfferBuilder address(String mediaAddress) {
            this.address = mediaAddress;
            return this;
        }

        /** The local media port of {@code m=} (for TCP active, the port announced; 0 is allowed). */
        public OfferBuilder port(int mediaPort) {
            if (mediaPort < 0 || mediaPort > 65535) {
                throw new IllegalArgumentException("media port " + mediaPort + " is out of 0-65535");
            }
            this.port = mediaPort;
            return this;
        }

        /** UDP (default), TCP passive or TCP active. */
        public OfferBuilder transport(MediaTransport mediaTransport) {
            this.transport = Objects.requireNonNull(mediaTransport, "transport");
            return this;
        }

        /** The {@code y=} SSRC: 10 decimal digits (see {@code dev.gb28181.media.SsrcAllocator}). */
        public OfferBuilder ssrc(String value) {
            if (value == null || value.length() != 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("SSRC '" + value + "' is not 10 decimal digits (Annex F)");
            }
            this.ssrc = value;
            return this;
        }

        /** The recorded channel of a Playback or Download: {@code u=<channelId>:0}. */
        public OfferBuilder channel(String recordedChannelId) {
            this.channelId = recordedChannelId;
            return this;
        }

        /** The recording's {@code t=<start> <stop>} in epoch seconds (Playback, Download). */
        public OfferBuilder timeRange(long startEpochSeconds, long stopEpochSeconds) {
            if (startEpochSeconds <= 0 || stopEpochSeconds <= startEpochSeconds) {
                throw new IllegalArgumentException("time range " + startEpochSeconds + "-" + stopEpochSeconds
                        + " must be positive epoch seconds with start before stop");
            }
            this.startTime = startEpochSeconds;
            this.stopTime = stopEpochSeconds;
            this.timeRangeSet = true;
            return this;
        }

        /** {@code a=downloadspeed:<n>} of a Download (the multiple of real time, Annex F). */
        public OfferBuilder downloadSpeed(int speed) {
            if (speed < 1) {
                throw new IllegalArgumentException("download speed " + speed + " must be at least 1");
            }
            this.downloadSpeed = speed;
            return this;
        }

        /**
         * A further media attribute, written after the standard ones: the sub-stream selection a device wants
         * ({@code stream:1}, {@code streamnumber:1} (2022), {@code streamprofile:1} (Dahua), {@code streamMode:sub}
         * (TP-Link)).
         */
        public OfferBuilder attribute(String name, String value) {
            extraAttributes.add(new Attribute(name, value));
            return this;
        }

        /**
         * The offer.
         *
         * @throws IllegalStateException when the username, address, port or SSRC is missing, a history session
         *         lacks its channel or time range, or a live session or non-Download sets what it cannot carry
         */
        public GbSdp build() {
            require(username, "username (platform ID)");
            require(address, "address");
            require(ssrc, "ssrc");
            if (port < 0) {
                throw new IllegalStateException("an SDP offer needs a media port");
            }
            if (type.isHistory() && (channelId == null || !timeRangeSet)) {
                throw new IllegalStateException(type.sdpName() + " needs the channel and the time range");
            }
            if (!type.isHistory() && (channelId != null || timeRangeSet)) {
                throw new IllegalStateException("Play is live: no channel u= or time range");
            }
            if (downloadSpeed > 0 && type != SessionType.DOWNLOAD) {
                throw new IllegalStateException("downloadspeed belongs to Download only");
            }
            List<Attribute> attributes = new ArrayList<>(8 + extraAttributes.size());
            attributes.add(new Attribute("recvonly", null));
            attributes.add(RtpMap.PS.toAttribute());
            attributes.add(RtpMap.H264.toAttribute());
            attributes.add(RtpMap.MPEG4.toAttribute());
            if (downloadSpeed > 0) {
                attributes.add(new Attribute("downloadspeed", Integer.toString(downloadSpeed)));
            }
            if (transport != MediaTransport.UDP) {
                attributes.add(new Attribute("setup", transport == MediaTransport.TCP_PASSIVE ? "passive" : "active"));
                attributes.add(new Attribute("connection", "new"));
            }
            attributes.addAll(extraAttributes);
            Media video = new Media("video", port, 0, transport == MediaTransport.UDP ? "RTP/AVP" : "TCP/RTP/AVP",
                    List.of("96", "98", "97"), null, List.of(), attributes);
            return new GbSdp(Origin.of(username, address), type.sdpName(), null,
                    type.isHistory() ? channelId + ":0" : null, Connection.of(address), startTime, stopTime,
                    List.of(), List.of(), List.of(video), ssrc, "");
        }

        private static void require(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("an SDP offer needs the " + what);
            }
        }
    }
}
