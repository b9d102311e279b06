package dev.gb28181.testing;

import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipUri;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.Via;
import dev.gb28181.sip.auth.DigestAuthenticator;
import dev.gb28181.sip.codec.SipEncoder;
import dev.gb28181.sip.codec.SipFraming;
import dev.gb28181.sip.codec.SipParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated GB/T 28181 device on a real socket (UDP, or one TCP connection), for tests of the
 * platform and of everything built on it: it registers with digest authentication (§9.1, with or
 * without qop), sends keepalives (§9.6) and other MESSAGEs, unregisters, and reads the platform's raw
 * responses and requests. Plain JDK sockets bound to 127.0.0.1 on an ephemeral port, our codec for
 * the bytes.
 *
 * <p>Like real devices it keeps the last challenge and answers it again on the next REGISTER with
 * an increasing nonce-count (qop) before falling back to the full 401 round trip. A reader thread
 * completes the pending request whose Via branch a final response names; requests from the platform
 * queue up for {@link #nextRequest(Duration)}.
 *
 * <pre>{@code
 * try (TestDevice d = TestDevice.udp("34020000001320000001", platformAddress).password("12345678")) {
 *     SipResponse ok = d.register(3600);   // 401 then 200
 *     d.keepalive();                       // 200
 * }
 * }</pre>
 */
public final class TestDevice implements AutoCloseable {

    /** The platform ID used in Request-URIs and To unless {@link #platformId(String)} says otherwise. */
    public static final String DEFAULT_PLATFORM_ID = "34020000002000000001";

    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]+)");

    private final String deviceId;
    private final Transport transport;
    private final InetSocketAddress platform;
    private final Map<String, CompletableFuture<SipResponse>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<SipRequest> requests = new LinkedBlockingQueue<>();
    private final AtomicLong cseq = new AtomicLong(1);
    private final AtomicLong sn = new AtomicLong(1);
    private final String registerCallId = newId();
    private final String fromTag = newId();

    private String platformId = DEFAULT_PLATFORM_ID;
    private String domain = DEFAULT_PLATFORM_ID.substring(0, 10);
    private String username;
    private String password;
    private String authUri;
    private String userAgent = "TestDevice";
    private boolean qop = true;
    private Duration timeout = Duration.ofSeconds(5);

    private volatile DatagramSocket udp;
    private volatile Socket tcp;
    private volatile Thread reader;
    private volatile String challenge;
    private final AtomicLong nonceCount = new AtomicLong();

    private TestDevice(String deviceId, Transport transport, InetSocketAddress platform) {
        this.deviceId = deviceId;
        this.transport = transport;
        this.platform = platform;
        this.username = deviceId;
        open();
    }

    /** A device sending UDP datagrams to {@code platform} from 127.0.0.1:(ephemeral). */
    public static TestDevice udp(String deviceId, InetSocketAddress platform) {
        return new TestDevice(deviceId, Transport.UDP, platform);
    }

    /** A device with one TCP connection to {@code platform}. */
    public static TestDevice tcp(String deviceId, InetSocketAddress platform) {
        return new TestDevice(deviceId, Transport.TCP, platform);
    }

    /** {@code udp(...)} or {@code tcp(...)}. */
    public static TestDevice of(Transport transport, String deviceId, InetSocketAddress platform) {
        return new TestDevice(deviceId, transport, platform);
    }

    // ---- settings ----------------------------------------------------------------------------

    /** The password for digest answers (none: a challenge fails the registration). */
    public TestDevice password(String password) {
        this.password = password;
        return this;
    }

    /** The digest {@code username}; default the device ID (some stacks send the platform ID). */
    public TestDevice username(String username) {
        this.username = username;
        return this;
    }

    /** The platform's ID; the domain becomes its first 10 digits. */
    public TestDevice platformId(String platformId) {
        this.platformId = platformId;
        this.domain = platformId.substring(0, 10);
        return this;
    }

    /** The digest {@code uri}; default the Request-URI. Devices often write {@code sip:platformId@domain}. */
    public TestDevice authUri(String authUri) {
        this.authUri = authUri;
        return this;
    }

    /** The User-Agent header. */
    public TestDevice userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** Answer with qop=auth when the challenge offers it (default); {@code false} answers the RFC 2069 way. */
    public TestDevice qop(boolean qop) {
        this.qop = qop;
        return this;
    }

    /** How long to wait for a response (default 5 s). */
    public TestDevice timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    // ---- what a device does ------------------------------------------------------------------

    /**
     * Registers for {@code expires} seconds as a device does: answers the remembered challenge if it
     * has one, and on a 401 answers the new challenge once.
     *
     * @return the final response (200, 403, or a 401 the device could not answer)
     */
    public SipResponse register(long expires) {
        SipResponse response = send(authorize(registerRequest(expires)));
        if (response.status() == 401 && password != null) {
            String fresh = response.header(HeaderNames.WWW_AUTHENTICATE);
            challenge = fresh;
            nonceCount.set(1);
            response = send(authorize(registerRequest(expires), fresh, 1));
        }
        return response;
    }

    /** {@code register(0)}: ends the registration (GB/T 28181-2016 §9.1.3). */
    public SipResponse unregister() {
        return register(0);
    }

    /** A Keepalive Notify (GB/T 28181-2016 §9.6.2, Annex A.2.5) with status OK in GB2312. */
    public SipResponse keepalive() {
        return message(manscdp("Notify", "Keepalive", "<Status>OK</Status>\r\n"), Charset.forName("GB2312"));
    }

    /** A MESSAGE with an {@code Application/MANSCDP+xml} body written in {@code charset}. */
    public SipResponse message(String xml, Charset charset) {
        return message("Application/MANSCDP+xml", xml.getBytes(charset));
    }

    /** A MESSAGE with any body. */
    public SipResponse message(String contentType, byte[] body) {
        SipRequest request = request("MESSAGE", platformUri());
        request.body(contentType, body);
        return send(request);
    }

    /** The XML of a MANSCDP message from this device: prolog, root, CmdType, SN, DeviceID, then {@code extra}. */
    public String manscdp(String root, String cmdType, String extra) {
        return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<" + root + ">\r\n<CmdType>" + cmdType + "</CmdType>\r\n<SN>"
                + sn.getAndIncrement() + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n" + extra + "</" + root + ">\r\n";
    }

    /** An OPTIONS to the platform. */
    public SipResponse options() {
        return send(request("OPTIONS", platformUri()));
    }

    // ---- building blocks ---------------------------------------------------------------------

    /** A REGISTER as the capture's Dahua camera sends it, without Authorization. */
    public SipRequest registerRequest(long expires) {
        SipRequest r = request("REGISTER", platformUri(), registerCallId, SipUri.sip(deviceId, domain, -1));
        r.addHeader(HeaderNames.CONTACT, "<" + localUri() + ">");
        r.addHeader(HeaderNames.EXPIRES, Long.toString(expires));
        return r;
    }

    /** A request from this device with fresh Via branch, From tag, Call-ID and the next CSeq. */
    public SipRequest request(String method, SipUri requestUri) {
        return request(method, requestUri, newId(), SipUri.sip(platformId, domain, -1));
    }

    /**
     * Adds an Authorization answering the remembered challenge with the next nonce-count; the
     * request is returned unchanged when there is no challenge or password.
     */
    public SipRequest authorize(SipRequest request) {
        String c = challenge;
        if (c == null || password == null) {
            return request;
        }
        return authorize(request, c, nonceCount.incrementAndGet());
    }

    /** Adds an Authorization answering {@code challenge} with nonce-count {@code nc} (for replay tests). */
    public SipRequest authorize(SipRequest request, String challenge, long nc) {
        Map<String, String> p = challengeParams(challenge);
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        String uri = authUri != null ? authUri : request.requestUri().toString();
        boolean useQop = qop && p.containsKey("qop") && p.get("qop").toLowerCase(Locale.ROOT).contains("auth");
        StringBuilder sb = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        if (useQop) {
            String ncText = String.format("%08x", nc);
            String cnonce = newId();
            sb.append(", response=\"").append(DigestAuthenticator.response(username, realm, password,
                    request.method(), uri, nonce, "auth", ncText, cnonce)).append('"');
            sb.append(", qop=auth, nc=").append(ncText).append(", cnonce=\"").append(cnonce).append('"');
        } else {
            sb.append(", response=\"").append(DigestAuthenticator.response(username, realm, password,
                    request.method(), uri, nonce, null, null, null)).append('"');
        }
        sb.append(", algorithm=MD5");
        request.setHeader(HeaderNames.AUTHORIZATION, sb.toString());
        return request;
    }

    /** The parameters of a {@code WWW-Authenticate: Digest ...} value, names in lower case. */
    public static Map<String, String> challengeParams(String challenge) {
        Map<String, String> params = new ConcurrentHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge.substring(challenge.indexOf(' ') + 1));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    /** Sends a request and waits for its final response (1xx are skipped). */
    public SipResponse send(SipRequest request) {
        CompletableFuture<SipResponse> future = sendAsync(request);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No response to " + request.method() + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("Failed waiting for " + request.method(), e.getCause());
        } finally {
            pending.remove(request.topVia().branch());
        }
    }

    /** Sends a request; the future completes with its final response. */
    public CompletableFuture<SipResponse> sendAsync(SipRequest request) {
        CompletableFuture<SipResponse> future = new CompletableFuture<>();
        pending.put(request.topVia().branch(), future);
        sendRaw(SipEncoder.encode(request));
        return future;
    }

    /** Sends bytes as they are (malformed messages, retransmissions). */
    public void sendRaw(byte[] bytes) {
        try {
            if (transport == Transport.UDP) {
                udp.send(new DatagramPacket(bytes, bytes.length, platform));
            } else {
                OutputStream out = tcp.getOutputStream();
                synchronized (out) {
                    out.write(bytes);
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next request the platform sent to this device, or {@code null} after {@code wait}. */
    public SipRequest nextRequest(Duration wait) throws InterruptedException {
        return requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers a request from the platform with {@code status} and an optional body. */
    public void respond(SipRequest request, int status, String contentType, byte[] body) {
        SipResponse response = request.createResponse(status, newId());
        if (body != null) {
            response.body(contentType, body);
        }
        sendRaw(SipEncoder.encode(response));
    }

    /**
     * Closes the socket and opens a new one on another ephemeral port, as a device behind NAT or on
     * 4G appears to the platform after a port change.
     */
    public void rebind() {
        closeSockets();
        open();
    }

    /** The address this device sends from. */
    public InetSocketAddress localAddress() {
        return transport == Transport.UDP ? (InetSocketAddress) udp.getLocalSocketAddress()
                : (InetSocketAddress) tcp.getLocalSocketAddress();
    }

    public String deviceId() {
        return deviceId;
    }

    public Transport transport() {
        return transport;
    }

    /** The last challenge ({@code WWW-Authenticate} value) this device received, or {@code null}. */
    public String lastChallenge() {
        return challenge;
    }

    /** Forgets the remembered challenge: the next REGISTER goes without Authorization. */
    public void forgetChallenge() {
        challenge = null;
    }

    @Override
    public void close() {
        closeSockets();
    }

    // ---- internals ---------------------------------------------------------------------------

    private SipRequest request(String method, SipUri requestUri, String callId, SipUri to) {
        SipRequest r = new SipRequest(method, requestUri);
        InetSocketAddress local = localAddress();
        r.addHeader(HeaderNames.VIA, Via.of(transport.name(), local.getAddress().getHostAddress(), local.getPort(),
                Via.BRANCH_MAGIC_COOKIE + newId()).toString());
        r.addHeader(HeaderNames.FROM, "<" + SipUri.sip(deviceId, domain, -1) + ">;tag="
                + ("REGISTER".equals(method) ? fromTag : newId()));
        r.addHeader(HeaderNames.TO, "<" + to + ">");
        r.addHeader(HeaderNames.CALL_ID, callId);
        r.addHeader(HeaderNames.CSEQ, new CSeq(cseq.getAndIncrement(), method).toString());
        r.addHeader(HeaderNames.MAX_FORWARDS, "70");
        r.addHeader(HeaderNames.USER_AGENT, userAgent);
        return r;
    }

    private SipUri platformUri() {
        return SipUri.sip(platformId, platform.getAddress().getHostAddress(), platform.getPort());
    }

    private String localUri() {
        InetSocketAddress local = localAddress();
        SipUri uri = SipUri.sip(deviceId, local.getAddress().getHostAddress(), local.getPort());
        return (transport == Transport.TCP ? uri.withParam("transport", "tcp") : uri).toString();
    }

    private void open() {
        try {
            if (transport == Transport.UDP) {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                udp = socket;
                startReader(() -> readUdp(socket));
            } else {
                Socket socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                socket.connect(platform, (int) timeout.toMillis());
                tcp = socket;
                startReader(() -> readTcp(socket));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + transport + " socket of device " + deviceId, e);
        }
    }

    private void startReader(Runnable loop) {
        Thread t = new Thread(loop, "test-device-" + deviceId + "-" + transport);
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    private void readUdp(DatagramSocket socket) {
        byte[] buf = new byte[SipParser.MAX_MESSAGE_SIZE];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            deliver(Arrays.copyOf(packet.getData(), packet.getLength()), true);
        }
    }

    private void readTcp(Socket socket) {
        byte[] buf = new byte[2 * SipParser.MAX_MESSAGE_SIZE];
        int filled = 0;
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) {
                    return;
                }
                filled += n;
                int start = 0;
                while (start < filled) {
                    int length = SipFraming.messageLength(buf, start, filled - start);
                    if (length == SipFraming.INCOMPLETE) {
                        break;
                    }
                    if (length < 0) {
                        start += -length;
                        continue;
                    }
                    deliver(Arrays.copyOfRange(buf, start, start + length), false);
                    start += length;
                }
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
            }
        } catch (SocketException e) {
            // closed
        } catch (IOException | SipParseException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private void deliver(byte[] bytes, boolean datagram) {
        SipMessage message;
        try {
            message = SipParser.parse(bytes, 0, bytes.length, datagram);
        } catch (SipParseException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
            return;
        }
        if (message instanceof SipResponse response) {
            if (response.isProvisional() || response.topVia() == null) {
                return;
            }
            CompletableFuture<SipResponse> f = pending.get(response.topVia().branch());
            if (f != null) {
                f.complete(response);
            }
        } else {
            requests.add((SipRequest) message);
        }
    }

    private void closeSockets() {
        DatagramSocket u = udp;
        if (u != null) {
            u.close();
        }
        Socket t = tcp;
        if (t != null) {
            try {
                t.close();
            } catch (IOException e) {
                // closing
            }
        }
        Thread r = reader;
        if (r != null) {
            try {
                r.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String newId() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
