package dev.gb28181.testing;

import dev.gb28181.mansrtsp.MansrtspResponse;
import dev.gb28181.mansrtsp.PlayControl;
import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated GB/T 28181 device on a real socket (UDP, or one TCP connection), for tests of the
 * platform and of everything built on it: it registers with digest authentication (§9.1, with or
 * without qop), sends keepalives (§9.6) and other MESSAGEs, unregisters, and reads the platform's raw
 * responses and requests. Plain JDK sockets bound to 127.0.0.1 on an ephemeral port, our codec for
 * the bytes.
 *
 * <p>It also plays the device's side of MANSCDP (GB/T 28181-2016 §9.4, §9.5, §9.11): requests the
 * platform sends (MESSAGE queries, SUBSCRIBE) queue up for {@link #nextRequest(String, Duration)}
 * and are answered with {@link #respond}, {@link #acceptSubscription} and {@link #notify}, or
 * automatically with {@link #autoAnswer}, which answers 200 and sends the answer MESSAGEs (e.g. a
 * catalog split into parts, {@link #catalogParts}) with the query's SN from a worker thread.
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
    private final BlockingDeque<SipRequest> requests = new LinkedBlockingDeque<>();
    private final List<SipRequest> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> dialogTags = new ConcurrentHashMap<>();
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
    private volatile Function<SipRequest, List<String>> answerer;
    private volatile ExecutorService worker;
    private volatile boolean closing;
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
        return manscdp(root, cmdType, sn.getAndIncrement(), extra);
    }

    /** {@link #manscdp(String, String, String)} with a given SN (an answer carries its query's SN). */
    public String manscdp(String root, String cmdType, long sn, String extra) {
        return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<" + root + ">\r\n<CmdType>" + cmdType + "</CmdType>\r\n<SN>"
                + sn + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n" + extra + "</" + root + ">\r\n";
    }

    /**
     * The XML of a device's Response to a MANSCDP request from the platform: the request's CmdType,
     * SN and DeviceID (a channel when the request named one), then {@code extra}, e.g.
     * {@code <Result>OK</Result>} for a control (GB/T 28181-2016 Annex A.2.6).
     */
    public static String responseTo(SipRequest request, String extra) {
        return "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>" + cmdType(request)
                + "</CmdType>\r\n<SN>" + sn(request) + "</SN>\r\n<DeviceID>" + element(request, "DeviceID")
                + "</DeviceID>\r\n" + extra + "</Response>\r\n";
    }

    /** A MESSAGE with a MANSCDP body in GB18030 (what GB2312-labelled bodies really are). */
    public SipResponse message(String xml) {
        return message(xml, Charset.forName("GB18030"));
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

    /**
     * The next request of {@code method} the platform sent to this device, or {@code null} after
     * {@code wait}; requests of other methods stay queued, in order.
     */
    public SipRequest nextRequest(String method, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            synchronized (requests) {
                for (Iterator<SipRequest> it = requests.iterator(); it.hasNext();) {
                    SipRequest r = it.next();
                    if (r.method().equals(method)) {
                        it.remove();
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(requests, left);
            }
        }
    }

    /** Every request the platform sent to this device, answered or not, in arrival order. */
    public List<SipRequest> receivedRequests() {
        return List.copyOf(received);
    }

    /** Answers a request from the platform with {@code status} and no body. */
    public void respond(SipRequest request, int status) {
        respond(request, status, null, null);
    }

    /**
     * Answers a SUBSCRIBE (RFC 6665 §4.2.1) with 200, its Expires echoed and this device's Contact;
     * the To tag is remembered for {@link #notify}.
     *
     * @return the To tag (the device's dialog tag)
     */
    public String acceptSubscription(SipRequest subscribe) {
        String tag = dialogTags.computeIfAbsent(subscribe.callId(), k -> newId());
        SipResponse ok = subscribe.createResponse(200, tag);
        ok.addHeader(HeaderNames.CONTACT, "<" + localUri() + ">");
        ok.addHeader(HeaderNames.EXPIRES, Long.toString(Math.max(0, subscribe.expires())));
        sendRaw(SipEncoder.encode(ok));
        return tag;
    }

    /**
     * Sends a NOTIFY in the dialog of {@code subscribe} (RFC 6665 §4.2.2): to its Contact, From its To
     * with this device's tag, {@code Subscription-State: subscriptionState}, its Event, a MANSCDP body
     * ({@code null}: none). Waits for the platform's answer.
     */
    public SipResponse notify(SipRequest subscribe, String subscriptionState, String xml) {
        String tag = dialogTags.computeIfAbsent(subscribe.callId(), k -> newId());
        SipUri target = NameAddress.parse(subscribe.header(HeaderNames.CONTACT)).uri();
        SipRequest r = request("NOTIFY", target, subscribe.callId(), subscribe.from().uri());
        r.setHeader(HeaderNames.FROM, subscribe.to().withTag(tag).toString());
        r.setHeader(HeaderNames.TO, subscribe.from().toString());
        r.addHeader(HeaderNames.EVENT, subscribe.header(HeaderNames.EVENT));
        r.addHeader(HeaderNames.SUBSCRIPTION_STATE, subscriptionState);
        if (xml != null) {
            r.body("Application/MANSCDP+xml", xml.getBytes(Charset.forName("GB18030")));
        }
        return send(r);
    }

    /**
     * Answers an INVITE as cameras do (GB/T 28181-2016 §9.2.2): 100 Trying, then 200 with this
     * device's Contact and the SDP answer {@code sdp}. The To tag is remembered for {@link #bye}.
     *
     * @return the To tag (the device's dialog tag)
     */
    public String acceptInvite(SipRequest invite, String sdp) {
        sendRaw(SipEncoder.encode(invite.createResponse(100, null)));
        String tag = dialogTags.computeIfAbsent(invite.callId(), k -> newId());
        SipResponse ok = invite.createResponse(200, tag);
        ok.addHeader(HeaderNames.CONTACT, "<" + localUri() + ">");
        ok.body("APPLICATION/SDP", sdp.getBytes(StandardCharsets.US_ASCII));
        sendRaw(SipEncoder.encode(ok));
        return tag;
    }

    /** Sends a BYE in the dialog of an {@linkplain #acceptInvite accepted} INVITE and waits for the answer. */
    public SipResponse bye(SipRequest invite) {
        String tag = dialogTags.computeIfAbsent(invite.callId(), k -> newId());
        SipUri target = NameAddress.parse(invite.header(HeaderNames.CONTACT)).uri();
        SipRequest r = request("BYE", target, invite.callId(), invite.from().uri());
        r.setHeader(HeaderNames.FROM, invite.to().withTag(tag).toString());
        r.setHeader(HeaderNames.TO, invite.from().toString());
        return send(r);
    }

    /**
     * Answers a MANSRTSP INFO of the platform (GB/T 28181-2016 Annex B) as an NVR does: 200 with
     * {@code Application/MANSRTSP} body {@code RTSP/1.0 200 OK}, the request's CSeq and an RTP-Info.
     *
     * @return the control the INFO carried
     */
    public PlayControl acceptPlayControl(SipRequest info) {
        String text = info.bodyAsString(StandardCharsets.US_ASCII);
        PlayControl control = PlayControl.parse(text);
        respond(info, 200, "Application/MANSRTSP", MansrtspResponse.ok(PlayControl.cseq(text),
                "seq=9810092;rtptime=3450012").encode().getBytes(StandardCharsets.US_ASCII));
        return control;
    }

    /**
     * Sends a MESSAGE in the dialog of an {@linkplain #acceptInvite accepted} INVITE, as devices send
     * MediaStatus (GB/T 28181-2016 §9.8.3): same Call-ID, From the INVITE's To (the channel) with this
     * device's tag, to the platform's Contact. Waits for the answer.
     */
    public SipResponse messageInDialog(SipRequest invite, String xml) {
        String tag = dialogTags.computeIfAbsent(invite.callId(), k -> newId());
        SipUri target = NameAddress.parse(invite.header(HeaderNames.CONTACT)).uri();
        SipRequest r = request("MESSAGE", target, invite.callId(), invite.from().uri());
        r.setHeader(HeaderNames.FROM, invite.to().withTag(tag).toString());
        r.setHeader(HeaderNames.TO, invite.from().toString());
        r.body("Application/MANSCDP+xml", xml.getBytes(Charset.forName("GB18030")));
        return send(r);
    }

    /** A Notify MediaStatus (GB/T 28181-2016 §9.8.3, Annex A.2.5) with {@code NotifyType} 121: end of file. */
    public String mediaStatusEndOfFile() {
        return manscdp("Notify", "MediaStatus", "<NotifyType>121</NotifyType>\r\n");
    }

    /**
     * Answers the platform's requests automatically from now on, on a worker thread: a MESSAGE gets
     * 200 and then one MESSAGE per XML body {@code answers} returns for it (none for {@code null});
     * a SUBSCRIBE is {@linkplain #acceptSubscription accepted} and its bodies are sent as NOTIFYs.
     * Requests still appear in {@link #receivedRequests()} but not in {@link #nextRequest}.
     */
    public TestDevice autoAnswer(Function<SipRequest, List<String>> answers) {
        synchronized (this) {
            if (worker == null) {
                worker = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "test-device-" + deviceId + "-answers");
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        answerer = answers;
        return this;
    }

    /** The SN of a MANSCDP request body ({@code <SN>}), or -1. */
    public static long sn(SipRequest request) {
        String value = element(request, "SN");
        return value == null ? -1 : Long.parseLong(value.trim());
    }

    /** The CmdType of a MANSCDP request body, or {@code null}. */
    public static String cmdType(SipRequest request) {
        return element(request, "CmdType");
    }

    /** The text of the first {@code <name>} element of a request's body (ASCII content), or {@code null}. */
    public static String element(SipRequest request, String name) {
        String body = new String(request.body(), StandardCharsets.ISO_8859_1);
        int start = body.indexOf('<' + name + '>');
        int end = body.indexOf("</" + name + '>');
        return start < 0 || end < start ? null : body.substring(start + name.length() + 2, end);
    }

    /**
     * A catalog of {@code total} channels of this device (IDs {@code <first 10 digits of the device
     * ID>1310000001...}) as Response Catalog MESSAGE bodies of {@code partSize} items each, with
     * {@code SumNum total} and SN {@code sn} (GB/T 28181-2016 Annex A.2.6, Annex N).
     */
    public List<String> catalogParts(long sn, int total, int partSize) {
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < total || (total == 0 && from == 0); from += Math.max(1, partSize)) {
            int to = Math.min(total, from + partSize);
            StringBuilder items = new StringBuilder("<SumNum>").append(total).append("</SumNum>\r\n");
            if (total > 0) {
                items.append("<DeviceList Num=\"").append(to - from).append("\">\r\n");
                for (int i = from; i < to; i++) {
                    items.append(catalogItem(i));
                }
                items.append("</DeviceList>\r\n");
            }
            parts.add(manscdp("Response", "Catalog", sn, items.toString()));
            if (total == 0) {
                break;
            }
        }
        return parts;
    }

    /** Channel {@code i} of {@link #catalogParts} as a {@code <Item>}. */
    public String catalogItem(int i) {
        return "<Item>\r\n<DeviceID>" + channelId(i) + "</DeviceID>\r\n<Name>通道" + (i + 1) + "</Name>\r\n"
                + "<Manufacturer>Test</Manufacturer>\r\n<Model>IPC</Model>\r\n<Owner>0</Owner>\r\n"
                + "<CivilCode>3402000000</CivilCode>\r\n<Address>Gate</Address>\r\n<Parental>0</Parental>\r\n"
                + "<ParentID>" + deviceId + "</ParentID>\r\n<SafetyWay>0</SafetyWay>\r\n<RegisterWay>1</RegisterWay>\r\n"
                + "<Secrecy>0</Secrecy>\r\n<Status>ON</Status>\r\n</Item>\r\n";
    }

    /** The ID of channel {@code i} of this device. */
    public String channelId(int i) {
        return deviceId.substring(0, 10) + String.format("131%07d", i + 1);
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
        closing = true;
        closeWorker();
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
            SipRequest request = (SipRequest) message;
            received.add(request);
            Function<SipRequest, List<String>> auto = answerer;
            if (auto != null && !"ACK".equals(request.method())) {
                worker.execute(() -> answerUnlessClosed(request, auto));
                return;
            }
            synchronized (requests) {
                requests.add(request);
                requests.notifyAll();
            }
        }
    }

    /**
     * Answers on the worker thread. A failure after {@link #close()} (interrupted or closed socket) is
     * the test ending, not a finding: thrown on this thread it would reach whichever test of the JVM is
     * awaiting at that moment (Awaitility reports uncaught exceptions of every thread).
     */
    private void answerUnlessClosed(SipRequest request, Function<SipRequest, List<String>> auto) {
        try {
            answer(request, auto);
        } catch (RuntimeException | AssertionError e) {
            if (!closing) {
                throw e;
            }
        }
    }

    private void answer(SipRequest request, Function<SipRequest, List<String>> auto) {
        boolean subscribe = "SUBSCRIBE".equals(request.method());
        if (subscribe) {
            acceptSubscription(request);
        } else {
            respond(request, 200);
        }
        List<String> bodies = auto.apply(request);
        if (bodies == null) {
            return;
        }
        for (String xml : bodies) {
            if (subscribe) {
                notify(request, "active;expires=" + request.expires(), xml);
            } else {
                message(xml);
            }
        }
    }

    private void closeWorker() {
        ExecutorService w = worker;
        if (w != null) {
            w.shutdownNow();
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
