package dev.gb28181.media.rtp;

import dev.gb28181.sip.transport.LogLimiter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One UDP port for the RTP of many sessions, told apart by SSRC: the SSRC of each session is unique
 * among live sessions (GB/T 28181-2016 Annex F), so a platform behind a firewall can open a single
 * media port. Each session is an {@link RtpReceiver} of its own (filters, reorder buffer, stats);
 * datagrams with an SSRC no session has are dropped and counted here. All sessions run on the
 * socket's event loop.
 */
public final class RtpUdpMux {

    private static final Logger LOG = LoggerFactory.getLogger(RtpUdpMux.class);
    private static final int SOCKET_RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final EventLoop loop;
    private final InetSocketAddress local;
    private final int maxPacketSize;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final LongAdder unknownSsrc = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LogLimiter dropLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private volatile Channel channel;

    /**
     * @param group an event loop group of {@link RtpEventLoops} (epoll or NIO); the mux and all its sessions use
     *        one of its loops
     * @param local the address to bind; port 0 picks a free one
     * @param maxPacketSize largest datagram accepted, at most 65535
     */
    public RtpUdpMux(EventLoopGroup group, InetSocketAddress local, int maxPacketSize) {
        if (maxPacketSize < RtpPacket.HEADER_SIZE || maxPacketSize > RtpReceiverConfig.MAX_PACKET_SIZE) {
            throw new IllegalArgumentException("maxPacketSize " + maxPacketSize + " not in 12..65535");
        }
        this.loop = group.next();
        this.local = local;
        this.maxPacketSize = maxPacketSize;
    }

    /** Binds the port without blocking; completes with the local address or the bind error. */
    public CompletableFuture<InetSocketAddress> start() {
        CompletableFuture<InetSocketAddress> started = new CompletableFuture<>();
        RtpEventLoops.bind(RtpEventLoops.datagram(loop, maxPacketSize, SOCKET_RECEIVE_BUFFER, new DatagramHandler()),
                local).addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        channel = f.channel();
                        started.complete((InetSocketAddress) f.channel().localAddress());
                    } else {
                        started.completeExceptionally(f.cause());
                    }
                });
        return started;
    }

    /**
     * A receiver for one session on this port. Its {@link RtpReceiver#start()} registers it (and
     * fails if another live session has the SSRC); its {@link RtpReceiver#close()} unregisters it and
     * leaves the port open.
     *
     * @param config the session; its SSRC must be a fixed value, not {@link RtpReceiverConfig#ANY_SSRC}
     * @throws IllegalStateException if the mux is not started
     */
    public RtpReceiver session(RtpReceiverConfig config, RtpSink sink) {
        if (config.ssrc() == RtpReceiverConfig.ANY_SSRC) {
            throw new IllegalArgumentException("a shared port needs the session's SSRC");
        }
        if (channel == null) {
            throw new IllegalStateException("the RTP port is not bound: call start() first");
        }
        return new Session(this, config, sink);
    }

    /** Datagrams whose SSRC no session has. */
    public long unknownSsrc() {
        return unknownSsrc.sum();
    }

    /** Datagrams too short or too long to carry an RTP header, or not version 2. */
    public long malformed() {
        return malformed.sum();
    }

    /** Sessions registered. */
    public int sessions() {
        return sessions.size();
    }

    /** Closes the port and every session still registered; completes when done. */
    public CompletableFuture<Void> close() {
        CompletableFuture<?>[] closing = sessions.values().stream().map(RtpReceiver::close)
                .toArray(CompletableFuture[]::new);
        Channel c = channel;
        return CompletableFuture.allOf(closing).thenCompose(v -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (c == null) {
                done.complete(null);
            } else {
                c.close().addListener(f -> done.complete(null));
            }
            return done;
        });
    }

    private final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
            ByteBuf content = datagram.content();
            int length = content.readableBytes();
            if (length < RtpPacket.HEADER_SIZE || length > maxPacketSize
                    || content.getUnsignedByte(content.readerIndex()) >> 6 != 2) {
                malformed.increment();
                dropLog.warn("Malformed RTP of {} bytes from {} dropped", length, datagram.sender());
                return;
            }
            long ssrc = content.getUnsignedInt(content.readerIndex() + 8);
            Session session = sessions.get(ssrc);
            if (session == null) {
                unknownSsrc.increment();
                dropLog.warn("RTP from {} with SSRC {} dropped: no session has it", datagram.sender(), ssrc);
            } else {
                session.receiveDatagram(content, datagram.sender());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            dropLog.warn("RTP socket {} error: {}", ctx.channel(), cause.toString());
        }
    }

    /** One session of the shared port: registered while started, on the port's event loop. */
    static final class Session extends RtpReceiver {

        private final RtpUdpMux mux;

        Session(RtpUdpMux mux, RtpReceiverConfig config, RtpSink sink) {
            super(mux.loop, config, sink);
            this.mux = mux;
        }

        @Override
        ChannelFuture open() {
            Channel c = mux.channel;
            if (mux.sessions.putIfAbsent(config.ssrc(), this) != null) {
                return c.newFailedFuture(new IllegalStateException("SSRC " + config.ssrc()
                        + " already has a session on " + c.localAddress()));
            }
            return c.newSucceededFuture();
        }

        @Override
        Future<?> closeChannels(Channel shared) {
            mux.sessions.remove(config.ssrc(), this);
            return loop.newSucceededFuture(null);
        }
    }
}
