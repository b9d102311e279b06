package dev.gb28181.media.rtp;

import dev.gb28181.sip.transport.LogLimiter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Receives the RTP media of one GB/T 28181 session (§9.2: the platform's side of an INVITE) and
 * hands its packets, filtered and in order, to an {@link RtpSink}. The three transports of the SDP
 * (UDP, TCP passive and TCP active with RFC 4571 framing, GB/T 28181-2016 Annex F {@code a=setup})
 * differ only in how the socket is opened ({@link RtpUdpMux} shares one UDP port among sessions); all the work of a receiver runs on one event loop of the
 * given group, so the sink is called from one thread and needs no locking.
 *
 * <p>A packet from another address than the device's, with another SSRC, or that is not RTP is
 * dropped and counted in {@link #stats()}, logged at most once per interval, and never ends the
 * session.
 */
public abstract sealed class RtpReceiver permits RtpUdpReceiver, RtpTcpPassiveReceiver, RtpTcpActiveReceiver,
        RtpUdpMux.Session {

    private static final Logger LOG = LoggerFactory.getLogger(RtpReceiver.class);

    final RtpReceiverConfig config;
    final EventLoop loop;
    final RtpStats stats;
    private final RtpSink sink;
    private final RtpReorderBuffer reorder;
    private final LogLimiter dropLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private volatile long ssrc;
    private volatile Channel channel;
    private volatile boolean closed;

    RtpReceiver(EventLoopGroup group, RtpReceiverConfig config, RtpSink sink) {
        this.config = config;
        this.loop = group.next();
        this.stats = new RtpStats(config.totals());
        this.sink = sink;
        this.reorder = new RtpReorderBuffer(sink, config.window(), stats);
        this.ssrc = config.ssrc();
    }

    /**
     * Opens the socket without blocking: binds (UDP), listens (TCP passive) or connects (TCP
     * active). Completes with the local address, or exceptionally with the bind or connect error.
     */
    public final CompletableFuture<InetSocketAddress> start() {
        CompletableFuture<InetSocketAddress> started = new CompletableFuture<>();
        open().addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                channel = f.channel();
                if (closed) {
                    closeChannels(channel);
                }
                started.complete((InetSocketAddress) f.channel().localAddress());
            } else {
                started.completeExceptionally(f.cause());
            }
        });
        return started;
    }

    abstract ChannelFuture open();

    public final RtpStats stats() {
        return stats;
    }

    /** The SSRC received: the configured one, or the first one seen with {@link RtpReceiverConfig#ANY_SSRC}. */
    public final long ssrc() {
        return ssrc;
    }

    /** The local address of the socket, or {@code null} before {@link #start()} completes. */
    public final InetSocketAddress localAddress() {
        Channel c = channel;
        return c == null ? null : (InetSocketAddress) c.localAddress();
    }

    /** Delivers the packets held for reordering (no more media is expected soon, e.g. end of file). */
    public final void flush() {
        loop.execute(reorder::flush);
    }

    /**
     * Closes the socket and any connection, delivers the packets still held and releases everything;
     * completes when done. Idempotent; call it before the event loop group shuts down.
     */
    public final CompletableFuture<Void> close() {
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            Channel c = channel;
            (c == null ? loop.newSucceededFuture(null) : closeChannels(c)).addListener(f -> {
                reorder.flush();
                reorder.close();
                done.complete(null);
            });
        });
        return done;
    }

    Future<?> closeChannels(Channel main) {
        return main.close();
    }

    /**
     * One RTP packet from {@code sender}: a datagram's own copy ({@link #receiveDatagram}) or an RFC 4571
     * frame; the caller keeps ownership of {@code content}.
     */
    final void receive(ByteBuf content, InetSocketAddress sender) {
        if (closed) {
            return;
        }
        if (!config.acceptsSource(sender)) {
            stats.countWrongSource();
            dropLog.warn("RTP from {} dropped: the session expects {}", sender, config.source());
            return;
        }
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(content);
        } catch (RtpParseException e) {
            malformed(sender, e.getMessage());
            return;
        }
        if (packet.ssrc() != ssrc) {
            if (ssrc != RtpReceiverConfig.ANY_SSRC) {
                stats.countWrongSsrc();
                dropLog.warn("RTP from {} with SSRC {} dropped: the session expects {}", sender, packet.ssrc(), ssrc);
                packet.release();
                return;
            }
            ssrc = packet.ssrc();
        }
        stats.countReceived(packet.payload().readableBytes());
        try {
            reorder.add(packet);
        } catch (RuntimeException e) {
            dropLog.warn("RTP sink failed on a packet from {}: {}", sender, e.toString());
        }
    }

    /**
     * One UDP datagram from {@code sender}, read into a receive buffer as large as the largest packet
     * accepted (64 KiB by default; on epoll, 16 such slots, {@link RtpEventLoops}); the caller keeps
     * ownership of {@code datagram}. The bytes are copied into a buffer of their own size first: the PS
     * demuxer holds the payloads of a frame until its last packet, and a held slice of the receive buffer
     * would keep all of it (64 KiB on NIO, about 400 KiB per 2 Mbit/s stream; 1 MiB on epoll) instead of
     * the frame's own bytes.
     */
    final void receiveDatagram(ByteBuf datagram, InetSocketAddress sender) {
        if (closed) {
            return;
        }
        int length = datagram.readableBytes();
        ByteBuf own = datagram.alloc().directBuffer(length, length).writeBytes(datagram, datagram.readerIndex(), length);
        try {
            receive(own, sender);
        } finally {
            own.release();
        }
    }

    final void malformed(InetSocketAddress sender, String why) {
        stats.countMalformed();
        dropLog.warn("Malformed RTP from {} dropped: {}", sender, why);
    }

    final void connectionRefused(InetSocketAddress remote, String why) {
        stats.countWrongSource();
        dropLog.warn("RTP connection from {} closed: {}", remote, why);
    }

    final void ioError(Channel c, Throwable cause) {
        dropLog.warn("RTP socket {} error: {}", c, cause.toString());
    }

    /** RFC 4571: each RTP packet behind a 2-byte big-endian length, on a connection of this session. */
    final void installFraming(Channel connection) {
        connection.pipeline()
                .addLast("framer", new LengthFieldBasedFrameDecoder(config.maxPacketSize(), 0, 2, 0, 2))
                .addLast("rtp", new FrameHandler());
    }

    private final class FrameHandler extends SimpleChannelInboundHandler<ByteBuf> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            receive(frame, (InetSocketAddress) ctx.channel().remoteAddress());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                malformed((InetSocketAddress) ctx.channel().remoteAddress(),
                        "RFC 4571 frame longer than " + config.maxPacketSize() + " bytes, closing the connection");
            } else {
                ioError(ctx.channel(), cause);
            }
            ctx.close();
        }

        /** The connection is gone; unless {@link #close()} closed it, the packets held go on and the sink is told. */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!closed) {
                LOG.debug("RTP connection {} closed", ctx.channel());
                reorder.flush();
                try {
                    sink.onConnectionLost();
                } catch (RuntimeException e) {
                    dropLog.warn("RTP sink failed on the loss of connection {}: {}", ctx.channel(), e.toString());
                }
            }
            super.channelInactive(ctx);
        }
    }
}
