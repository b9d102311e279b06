package dev.gb28181.sip.transport;

import dev.gb28181.sip.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIP message trace: when on, every SIP message the transport layer receives or writes (retransmissions
 * included) is logged at INFO on the logger {@value #LOGGER} with its direction, transport, remote address,
 * local port and full text, secrets masked. It is what field engineers ask for first when a camera "does not
 * register": the exact messages, without a packet capture on the server.
 *
 * <p>Switchable at run time from any thread: {@link #enableAll()}, {@link #enable(String)} per device,
 * {@link #disable(String)}, {@link #disable()}. A message is traced for a device when its text contains the
 * device's ID (its From, To, Request-URI or MANSCDP DeviceID); list a channel ID too to trace the INVITEs and
 * BYEs addressed to that channel. When off, the cost per message is one volatile read.
 *
 * <p>Masked: the digest {@code response} of {@code Authorization} and {@code Proxy-Authorization}
 * headers, SDP attributes whose name contains {@code password} ({@code a=password:...}), and XML elements whose name contains {@code Password} (the {@code <Password>} of
 * catalog items, Annex A.2.6). Passwords themselves never travel in SIP digest; these are what could be
 * replayed or reveal one.
 */
public final class SipTrace {

    /** The logger every traced message is written to, at INFO. */
    public static final String LOGGER = "dev.gb28181.sip.trace";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String MASK = "***";
    private static final Pattern AUTHORIZATION = Pattern.compile("(?im)^(?:proxy-)?authorization[ \\t]*:[^\\r\\n]*");
    private static final Pattern DIGEST_RESPONSE = Pattern.compile("(?i)\\b(response\\s*=\\s*)(\"[^\"]*\"|[^,\\s]+)");
    private static final Pattern SDP_PASSWORD = Pattern.compile("(?im)^(a=[\\w-]*password[\\w-]*:)[^\\r\\n]*");
    private static final Pattern XML_PASSWORD = Pattern.compile(
            "(?is)(<([\\w:]*password\\w*)(?:\\s[^>]*)?>).*?(</\\2\\s*>)");

    /** {@code null}: off; empty: every message; else the IDs a traced message must contain. */
    private volatile Set<String> devices;

    /** Traces every message. */
    public synchronized void enableAll() {
        devices = Set.of();
    }

    /** Traces the messages naming {@code deviceId} as well (no change while every message is traced). */
    public synchronized void enable(String deviceId) {
        String id = requireId(deviceId);
        Set<String> current = devices;
        if (current != null && current.isEmpty()) {
            return;
        }
        Set<String> next = current == null ? new LinkedHashSet<>() : new LinkedHashSet<>(current);
        next.add(id);
        devices = Collections.unmodifiableSet(next);
    }

    /**
     * Traces every message when {@code deviceIds} is empty, else exactly the messages naming one of them,
     * replacing what was traced before.
     */
    public synchronized void enable(Collection<String> deviceIds) {
        Set<String> next = new LinkedHashSet<>();
        for (String id : deviceIds) {
            next.add(requireId(id));
        }
        devices = Collections.unmodifiableSet(next);
    }

    /**
     * Stops tracing one device enabled with {@link #enable(String)}; the trace is off once no device is left.
     *
     * @throws IllegalStateException while every message is traced: use {@link #disable()}
     */
    public synchronized void disable(String deviceId) {
        Set<String> current = devices;
        if (current == null) {
            return;
        }
        if (current.isEmpty()) {
            throw new IllegalStateException("The SIP trace covers every device: disable() stops it");
        }
        Set<String> next = new LinkedHashSet<>(current);
        next.remove(requireId(deviceId));
        devices = next.isEmpty() ? null : Collections.unmodifiableSet(next);
    }

    /** Stops tracing. */
    public synchronized void disable() {
        devices = null;
    }

    /** Whether messages are traced (all or some devices). */
    public boolean isEnabled() {
        return devices != null;
    }

    /** The traced device IDs, in the order enabled: empty when every message is traced or the trace is off (see {@link #isEnabled()}). */
    public Set<String> deviceIds() {
        Set<String> current = devices;
        return current == null ? Set.of() : current;
    }

    private static String requireId(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("A device ID to trace is required");
        }
        return deviceId.trim();
    }

    // ---- for the transport layer --------------------------------------------------------------

    /** A message received ({@code bytes} from its reader index, not consumed). */
    void inbound(ByteBuf bytes, Transport transport, SocketAddress remote, int localPort) {
        Set<String> traced = devices;
        if (traced != null) {
            log(traced, "IN", "from", bytes, transport, remote, localPort);
        }
    }

    /** A message written to a socket ({@code bytes} from its reader index, not consumed). */
    void outbound(ByteBuf bytes, Transport transport, SocketAddress remote, int localPort) {
        Set<String> traced = devices;
        if (traced != null) {
            log(traced, "OUT", "to", bytes, transport, remote, localPort);
        }
    }

    private static void log(Set<String> traced, String direction, String preposition, ByteBuf bytes,
            Transport transport, SocketAddress remote, int localPort) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String text = text(bytes);
        if (!traced.isEmpty() && traced.stream().noneMatch(text::contains)) {
            return;
        }
        LOG.info("{} {} {} {} (local port {}, {} bytes)\n{}", direction, transport, preposition,
                remote instanceof InetSocketAddress address ? NetUtil.toSocketAddressString(address) : remote,
                localPort, bytes.readableBytes(), mask(text));
    }

    /** The message as text: UTF-8 when it is valid UTF-8, else GB18030 (the superset of Annex A's GB2312). */
    private static String text(ByteBuf bytes) {
        ByteBuffer buffer = bytes.nioBuffer(bytes.readerIndex(), bytes.readableBytes());
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return bytes.toString(bytes.readerIndex(), bytes.readableBytes(), GB18030);
        }
    }

    /** {@code text} with digest responses, SDP password attributes and XML password elements masked. */
    static String mask(String text) {
        String masked = replaceGroup(AUTHORIZATION, text,
                m -> DIGEST_RESPONSE.matcher(m.group()).replaceAll("$1\"" + MASK + '"'));
        masked = replaceGroup(SDP_PASSWORD, masked, m -> m.group(1) + MASK);
        return replaceGroup(XML_PASSWORD, masked, m -> m.group(1) + MASK + m.group(3));
    }

    private static String replaceGroup(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
