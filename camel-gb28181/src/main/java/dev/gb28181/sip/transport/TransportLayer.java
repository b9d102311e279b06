package dev.gb28181.sip.transport;

import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStackConfig;
import dev.gb28181.sip.SipMessageCounts.Direction;
import dev.gb28181.sip.SipStackStats;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.Via;
import dev.gb28181.sip.codec.SipBadRequestException;
import dev.gb28181.sip.codec.SipEncoder;
import dev.gb28181.sip.codec.SipParser;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The transport layer of RFC 3261 §18: UDP and TCP on one host and port sharing one Netty event
 * loop group, framing and parsing of what arrives, and the way back to the peer.
 *
 * <p>Inbound: each datagram (§18.3, at most {@code maxMessageSize} bytes; larger ones get 413 when
 * they can be answered) or TCP frame is parsed. A request that cannot be parsed but can be
 * answered gets a 400 with the reason; one that cannot be answered is dropped, counted and logged
 * with its source (rate-limited). Nothing that arrives can throw out of a handler or close the UDP
 * socket; a TCP stream that cannot be framed, or exceeds the size limit, closes its connection.
 *
 * <p>Outbound: responses follow their request's {@link Flow} (RFC 3581 symmetric response routing:
 * the source IP and port, the same TCP connection); requests go over an existing connection to
 * the destination when there is one ({@link TcpConnections}), else over a new one opened without
 * blocking. UDP always leaves from the listening socket, so devices see the port they registered to.
 */
public final class TransportLayer {

    private static final Logger LOG = LoggerFactory.getLogger(TransportLayer.class);
    /** TEST-NET-1 (RFC 5737): only used to ask the routing table for the default source address. */
    private static final byte[] ROUTE_PROBE = {(byte) 192, 0, 2, 1};
    private static final int ROUTE_CACHE_LIMIT = 4096;
    private static final int MAX_REASON_LENGTH = 120;
    private static final String[] ANSWER_HEADERS = {HeaderNames.VIA, HeaderNames.FROM, HeaderNames.TO,
        HeaderNames.CALL_ID, HeaderNames.CSEQ};

    private final SipStackConfig config;
    private final SipStackStats stats;
    private final Supplier<String> tags;
    private final SipTrace trace;
    private final LogLimiter malformedLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final LogLimiter sendLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final LogLimiter internalLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final ConcurrentHashMap<InetAddress, String> routeHosts = new ConcurrentHashMap<>();

    private volatile InboundListener listener;
    private volatile EventLoopGroup group;
    private volatile Channel udp;
    private volatile Channel tcpServer;
    private volatile TcpConnections connections;
    private volatile int port;
    private volatile String defaultHost;

    public TransportLayer(SipStackConfig config, SipStackStats stats, Supplier<String> tags) {
        this.config = config;
        this.stats = stats;
        this.tags = tags;
        this.trace = config.trace();
    }

    /**
     * Binds the configured transports on one port and starts delivering messages to
     * {@code inbound}; with port 0 both transports get the same free port. Blocks until bound.
     *
     * @throws IllegalStateException with the bind error as cause
     */
    public void start(InboundListener inbound) {
        this.listener = inbound;
        group = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("gb28181-sip-io", true));
        try {
            bind();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop();
            throw new IllegalStateException("Cannot bind SIP " + config.transports() + " on " + config.host() + ':'
                    + config.port(), e);
        }
        defaultHost = routeHost(null);
        LOG.info("SIP listening on {}:{} ({})", config.host(), port, config.transports());
    }

    private void bind() throws Exception {
        boolean withUdp = config.transports().contains(Transport.UDP);
        boolean withTcp = config.transports().contains(Transport.TCP);
        if (withTcp) {
            Bootstrap client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .handler(tcpInitializer(false));
            connections = new TcpConnections(client);
        }
        // with port 0 the TCP port picked by the system may be taken for UDP: try a few
        int attempts = config.port() == 0 && withUdp && withTcp ? 16 : 1;
        for (int attempt = 1; ; attempt++) {
            int p = config.port();
            Channel tcp = null;
            if (withTcp) {
                tcp = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childOption(ChannelOption.SO_KEEPALIVE, true)
                        .childHandler(tcpInitializer(true))
                        .bind(config.host(), p).sync().channel();
                p = ((InetSocketAddress) tcp.localAddress()).getPort();
            }
            if (withUdp) {
                ChannelFuture bound = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                        .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                        .option(ChannelOption.SO_SNDBUF, 1024 * 1024)
                        .option(ChannelOption.RCVBUF_ALLOCATOR,
                                new FixedRecvByteBufAllocator(config.maxMessageSize() + 1))
                        .handler(new UdpHandler(this))
                        .bind(config.host(), p).await();
                if (!bound.isSuccess()) {
                    if (tcp != null) {
                        tcp.close().syncUninterruptibly();
                    }
                    if (attempt < attempts) {
                        continue;
                    }
                    throw new IOException("UDP bind failed", bound.cause());
                }
                udp = bound.channel();
                p = ((InetSocketAddress) udp.localAddress()).getPort();
            }
            tcpServer = tcp;
            port = p;
            return;
        }
    }

    private ChannelInitializer<SocketChannel> tcpInitializer(boolean accepted) {
        long idle = config.tcpIdleTimeout().toMillis();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                        .addLast("idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS))
                        .addLast("framer", new TcpFrameDecoder(TransportLayer.this))
                        .addLast("sip", new TcpHandler(TransportLayer.this, accepted));
            }
        };
    }

    /** Closes every socket and connection and releases the I/O threads; waits unless on one of them. */
    public void stop() {
        Channel u = udp;
        Channel t = tcpServer;
        udp = null;
        tcpServer = null;
        if (u != null) {
            u.close();
        }
        if (t != null) {
            t.close();
        }
        EventLoopGroup g = group;
        group = null;
        if (g != null) {
            io.netty.util.concurrent.Future<?> done = g.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            boolean onIoThread = false;
            for (io.netty.util.concurrent.EventExecutor e : g) {
                onIoThread |= e.inEventLoop();
            }
            if (!onIoThread) {
                done.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    /** True while every configured transport is listening. */
    public boolean isBound() {
        Channel u = udp;
        Channel t = tcpServer;
        boolean udpOk = !config.transports().contains(Transport.UDP) || (u != null && u.isActive());
        boolean tcpOk = !config.transports().contains(Transport.TCP) || (t != null && t.isActive());
        return group != null && udpOk && tcpOk;
    }

    /** The port UDP and TCP listen on (the chosen one when configured as 0). */
    public int port() {
        return port;
    }

    // ---- Via host ---------------------------------------------------------------------------

    /**
     * The host this stack writes into Via for messages to {@code destination}: the advertised host,
     * else the bind address, else (bound to a wildcard) the local address of the route to the
     * destination, or of the default route when {@code destination} is {@code null}.
     */
    public String localHost(InetSocketAddress destination) {
        String configured = config.viaHost();
        if (configured != null) {
            return configured;
        }
        if (destination == null || destination.isUnresolved()) {
            String d = defaultHost;
            return d != null ? d : routeHost(null);
        }
        InetAddress ip = destination.getAddress();
        String cached = routeHosts.get(ip);
        if (cached != null) {
            return cached;
        }
        String host = routeHost(ip);
        if (routeHosts.size() >= ROUTE_CACHE_LIMIT) {
            routeHosts.clear();
        }
        routeHosts.put(ip, host);
        return host;
    }

    /** Asks the routing table which local address talks to {@code target}; no packet is sent. */
    private static String routeHost(InetAddress target) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(target != null ? target : InetAddress.getByAddress(ROUTE_PROBE), 5060);
            InetAddress local = probe.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return hostText(local);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("No route to {}", target, e);
        }
        return target != null && target.isLoopbackAddress() ? hostText(target) : "127.0.0.1";
    }

    private static String hostText(InetAddress address) {
        String text = NetUtil.toAddressString(address);
        return address instanceof Inet6Address ? '[' + text + ']' : text;
    }

    // ---- outbound ---------------------------------------------------------------------------

    /**
     * Sends a message to {@code destination}: a datagram from the listening socket, or over the open
     * TCP connection to that address (opened now if there is none). The future completes when the
     * bytes are written, or fails (connect refused or timed out, transport not enabled, stopped).
     */
    public CompletableFuture<Void> send(SipMessage message, Transport transport, InetSocketAddress destination) {
        if (transport == Transport.UDP) {
            Channel u = udp;
            if (u == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("UDP is not listening"));
            }
            ByteBuf bytes;
            try {
                bytes = encode(message, u.alloc());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return write(u, new DatagramPacket(bytes, destination), destination);
        }
        TcpConnections c = connections;
        if (c == null || tcpServer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("TCP is not listening"));
        }
        return c.channelTo(destination).thenCompose(channel -> writeTcp(channel, message));
    }

    /**
     * Sends a response (or any message) back along the flow its request came on. When the TCP
     * connection has closed meanwhile, a new one goes to the source address and the Via sent-by port
     * (RFC 3261 §18.2.2).
     */
    public CompletableFuture<Void> send(SipMessage message, Flow flow) {
        if (flow.transport() == Transport.UDP) {
            return send(message, Transport.UDP, flow.remote());
        }
        Channel channel = flow.channel();
        if (channel.isActive()) {
            return writeTcp(channel, message);
        }
        int sentByPort = -1;
        try {
            Via via = message.topVia();
            sentByPort = via == null ? -1 : via.port();
        } catch (SipParseException e) {
            // fall back to the default port
        }
        InetSocketAddress target = new InetSocketAddress(flow.remote().getAddress(),
                sentByPort > 0 ? sentByPort : 5060);
        return send(message, Transport.TCP, target);
    }

    /**
     * Sends an already encoded response (a cached one) to a {@code method} request with {@code status} back along a
     * flow: a datagram to its source, or over its TCP connection while that is open.
     */
    public CompletableFuture<Void> send(byte[] encoded, String method, int status, Flow flow) {
        stats.messages().countResponse(Direction.OUT, method, status);
        if (flow.transport() == Transport.UDP) {
            Channel u = udp;
            if (u == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("UDP is not listening"));
            }
            return write(u, new DatagramPacket(Unpooled.wrappedBuffer(encoded), flow.remote()), flow.remote());
        }
        Channel channel = flow.channel();
        if (!channel.isActive()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Connection closed: " + flow));
        }
        return write(channel, Unpooled.wrappedBuffer(encoded), flow.remote());
    }

    private CompletableFuture<Void> writeTcp(Channel channel, SipMessage message) {
        ByteBuf bytes;
        try {
            bytes = encode(message, channel.alloc());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return write(channel, bytes, channel.remoteAddress());
    }

    /** Encodes a message about to be written, and counts it. */
    private ByteBuf encode(SipMessage message, ByteBufAllocator alloc) {
        ByteBuf buf = alloc.buffer(512 + message.body().length);
        try {
            SipEncoder.encode(message, buf);
            countOut(message);
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    private CompletableFuture<Void> write(Channel channel, Object packet, SocketAddress destination) {
        if (packet instanceof DatagramPacket datagram) {
            trace.outbound(datagram.content(), Transport.UDP, destination, port);
        } else {
            trace.outbound((ByteBuf) packet, Transport.TCP, destination, port);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.writeAndFlush(packet).addListener(f -> {
            if (f.isSuccess()) {
                stats.onSent();
                done.complete(null);
            } else {
                sendLog.warn("Could not send to {}: {}", destination, String.valueOf(f.cause()));
                done.completeExceptionally(f.cause());
            }
        });
        return done;
    }

    // ---- inbound ----------------------------------------------------------------------------

    /** One datagram or TCP frame (the parser copies what it keeps; the caller releases {@code bytes}). */
    void receive(ByteBuf bytes, Flow flow, boolean datagram) {
        stats.onReceived();
        trace.inbound(bytes, flow.transport(), flow.remote(), port);
        SipMessage message;
        try {
            message = SipParser.parse(bytes, datagram);
        } catch (SipBadRequestException e) {
            answerMalformed(e.partial(), e.status(), e.reason(), flow, false);
            return;
        } catch (RuntimeException e) { // SipParseException, or a parser bug: never out of the handler
            dropMalformed(flow, e.getMessage());
            return;
        }
        deliver(message, flow);
    }

    /**
     * A datagram longer than {@code maxMessageSize} (it arrives truncated to one byte more): 413
     * when its start can still be answered, else dropped (RFC 3261 §18.1.1, §21.4.11).
     */
    void refuseOversize(ByteBuf bytes, Flow flow) {
        stats.onReceived();
        trace.inbound(bytes, flow.transport(), flow.remote(), port);
        stats.onOversizeRefused();
        SipRequest request = null;
        try {
            SipMessage message = SipParser.parse(bytes, true);
            request = message instanceof SipRequest r ? r : null;
        } catch (SipBadRequestException e) {
            request = e.partial();
        } catch (RuntimeException e) {
            // cannot be answered
        }
        if (request == null) {
            malformedLog.warn("Dropped an oversize datagram from {} (more than {} bytes)", flow,
                    config.maxMessageSize());
            return;
        }
        answerMalformed(request, 413, "Request Entity Too Large", flow, true);
    }

    private void deliver(SipMessage message, Flow flow) {
        InboundListener l = listener;
        try {
            if (message instanceof SipRequest request) {
                String problem = checkRequest(request);
                if (problem != null) {
                    answerMalformed(request, 400, problem, flow, false);
                } else {
                    stats.messages().countRequest(Direction.IN, request.method());
                    l.onRequest(request, flow);
                }
            } else {
                SipResponse response = (SipResponse) message;
                String problem = checkResponse(response);
                if (problem != null) {
                    dropMalformed(flow, problem);
                } else {
                    stats.messages().countResponse(Direction.IN, response.cseq().method(), response.status());
                    l.onResponse(response, flow);
                }
            }
        } catch (RuntimeException e) {
            internalLog.warn("Failed to process a message from {}: {}", flow, e.toString());
            LOG.debug("Processing failure", e);
        }
    }

    /** Counts a message being sent ({@link SipStackStats#messages()}). */
    private void countOut(SipMessage message) {
        if (message instanceof SipRequest request) {
            stats.messages().countRequest(Direction.OUT, request.method());
        } else {
            String method = null;
            try {
                CSeq cseq = message.cseq();
                method = cseq == null ? null : cseq.method();
            } catch (SipParseException e) {
                // a 400 to a request whose CSeq is the problem: counted as OTHER
            }
            stats.messages().countResponse(Direction.OUT, method, ((SipResponse) message).status());
        }
    }

    /** The headers every request needs for a transaction and an answer (RFC 3261 §8.1.1, §8.2). */
    private static String checkRequest(SipRequest request) {
        try {
            if (request.topVia() == null) {
                return "Missing Via";
            }
            CSeq cseq = request.cseq();
            if (cseq == null) {
                return "Missing CSeq";
            }
            if (!cseq.method().equals(request.method())) {
                return "CSeq method does not match the request method";
            }
            if (request.callId() == null || request.callId().isBlank()) {
                return "Missing Call-ID";
            }
            if (request.from() == null) {
                return "Missing From";
            }
            if (request.to() == null) {
                return "Missing To";
            }
            return null;
        } catch (SipParseException e) {
            return e.getMessage();
        }
    }

    private static String checkResponse(SipResponse response) {
        try {
            if (response.topVia() == null) {
                return "response without Via";
            }
            if (response.cseq() == null) {
                return "response without CSeq";
            }
            return null;
        } catch (SipParseException e) {
            return e.getMessage();
        }
    }

    private void answerMalformed(SipRequest request, int status, String reason, Flow flow, boolean oversize) {
        if (!answerable(request)) {
            dropMalformed(flow, reason);
            return;
        }
        String phrase = reasonPhrase(reason, status);
        SipResponse response;
        try {
            response = request.createResponse(status, phrase, tags.get());
        } catch (RuntimeException e) { // the To header itself is broken: answer without a tag
            try {
                response = request.createResponse(status, phrase, null);
            } catch (RuntimeException again) {
                dropMalformed(flow, reason);
                return;
            }
        }
        if (!oversize) {
            stats.onBadRequestAnswered();
        }
        malformedLog.warn("Answered {} to a {} from {}: {}", status, request.method(), flow, reason);
        send(response, flow);
    }

    /**
     * A response must carry the request's Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2), and
     * the client matches it by the Via branch and the CSeq method (§17.1.3): without them an answer
     * reaches no transaction. An ACK is never answered.
     */
    private static boolean answerable(SipRequest request) {
        if (request == null || SipMethod.ACK.equals(request.method())) {
            return false;
        }
        for (String name : ANSWER_HEADERS) {
            if (!request.hasHeader(name)) {
                return false;
            }
        }
        return true;
    }

    private void dropMalformed(Flow flow, String reason) {
        stats.onParseErrorDropped();
        malformedLog.warn("Dropped an unparseable message from {}: {}", flow, reason);
    }

    /** A reason phrase is one line of text (RFC 3261 §25.1): no controls, bounded. */
    private static String reasonPhrase(String reason, int status) {
        if (reason == null || reason.isBlank()) {
            return SipResponse.reasonPhrase(status);
        }
        StringBuilder sb = new StringBuilder(Math.min(reason.length(), MAX_REASON_LENGTH));
        for (int i = 0; i < reason.length() && sb.length() < MAX_REASON_LENGTH; i++) {
            char c = reason.charAt(i);
            sb.append(c < ' ' || c == 0x7f ? ' ' : c);
        }
        return sb.toString().trim();
    }

    // ---- for the channel handlers -----------------------------------------------------------

    /** A TCP stream that cannot be framed or carries a message over the limit; its connection closes. */
    void streamRefused(Object remote, boolean oversize, String reason) {
        if (oversize) {
            stats.onOversizeRefused();
        } else {
            stats.onParseErrorDropped();
        }
        malformedLog.warn("Closing the TCP connection from {}: {}", remote, reason);
    }

    void connectionFailed(Object connection, Throwable cause) {
        internalLog.warn("Closing the TCP connection {}: {}", connection, cause.toString());
    }

    SipStackConfig config() {
        return config;
    }

    SipStackStats stats() {
        return stats;
    }

    TcpConnections connections() {
        return connections;
    }
}
