package dev.gb28181.media.rtp;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.net.SocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event loops the RTP receivers run on and the sockets that go with them: Netty's native epoll transport on
 * Linux when asked for and available, else the JDK's NIO. Receiving media is most of a platform's work (hundreds
 * of streams of GB/T 28181-2016 §9.2 RTP); epoll reads a UDP port's waiting datagrams with one {@code recvmmsg}
 * call instead of one system call each and skips the JDK selector's bookkeeping. A receiver picks its socket
 * type from the group it is given, so any group made here (or a plain {@link NioEventLoopGroup}) works.
 *
 * <p>A datagram is never truncated silently on either transport: NIO reads each into a buffer one byte longer
 * than the largest packet accepted, and epoll gives each datagram of a {@code recvmmsg} call a slot of that same
 * size ({@link EpollChannelOption#MAX_DATAGRAM_PAYLOAD_SIZE}). The kernel cuts a datagram longer than its slot
 * to the slot's size without telling Netty, so a slot any shorter could hand on a cut packet as whole; with
 * {@code maxPacketSize + 1} a longer datagram arrives one byte too long and is counted as malformed, as on NIO.
 */
public final class RtpEventLoops {

    private static final Logger LOG = LoggerFactory.getLogger(RtpEventLoops.class);
    /**
     * Datagrams one {@code recvmmsg} takes from a UDP socket at most (Netty's default {@code maxMessagesPerRead} of
     * a datagram socket); the receive buffer is this many slots of {@code maxPacketSize + 1} bytes, which the kernel
     * fills only as far as the datagrams go.
     */
    static final int DATAGRAMS_PER_READ = 16;
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

    private RtpEventLoops() {
    }

    /**
     * A group of event loops for RTP receivers.
     *
     * @param nativeTransport epoll if {@link Epoll#isAvailable()}; when it is not, NIO and one log line (once
     *        per JVM) with the reason, such as a platform other than Linux or a missing native library
     * @param threads the number of loops; 0 for Netty's default (twice the processors)
     */
    public static EventLoopGroup create(boolean nativeTransport, int threads, ThreadFactory threadFactory) {
        if (nativeTransport) {
            if (Epoll.isAvailable()) {
                return new EpollEventLoopGroup(threads, threadFactory);
            }
            if (FALLBACK_LOGGED.compareAndSet(false, true)) {
                LOG.info("The native epoll transport is not available ({}): RTP is received with Java NIO",
                        Epoll.unavailabilityCause().toString());
            }
        }
        return new NioEventLoopGroup(threads, threadFactory);
    }

    /** Whether {@code group} runs the native epoll transport. */
    public static boolean isNative(EventLoopGroup group) {
        return group instanceof EpollEventLoopGroup;
    }

    private static boolean isNative(EventLoop loop) {
        return isNative(loop.parent());
    }

    /**
     * A UDP socket on {@code loop} handing each datagram to {@code handler}; one longer than {@code maxPacketSize}
     * arrives with more than {@code maxPacketSize} bytes (see the class comment), for the handler to drop.
     */
    static Bootstrap datagram(EventLoop loop, int maxPacketSize, int socketReceiveBuffer, ChannelHandler handler) {
        int slot = maxPacketSize + 1;
        Bootstrap bootstrap = new Bootstrap().group(loop)
                .option(ChannelOption.SO_RCVBUF, socketReceiveBuffer)
                .handler(handler);
        if (isNative(loop)) {
            // Level-triggered, one recvmmsg per readiness: edge-triggered epoll must read until the socket is empty,
            // a second recvmmsg (and a second receive buffer from the pool's arena) per wake-up that at a camera's
            // ~200 packets/s mostly finds nothing. Datagrams beyond one call stay readable and are reported by the
            // next epoll_wait. (A Netty that ignored the mode would read again until empty: correct, only costlier.)
            return bootstrap.channel(EpollDatagramChannel.class)
                    .option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED)
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, slot)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(slot * DATAGRAMS_PER_READ).maxMessagesPerRead(1));
        }
        return bootstrap.channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(slot));
    }

    /**
     * Binds {@code bootstrap} to {@code local}, failing as NIO does: epoll reports a failed bind(2), such as a port
     * taken since it was probed free, as its own {@link Errors.NativeIoException}; it becomes the
     * {@link BindException} NIO throws, which the platform retries with another port. The result completes on the
     * bootstrap's loop: when the socket cannot even be created (no file descriptor left) Netty's channel is a
     * placeholder of no loop, whose own promise could not tell its listeners.
     */
    static ChannelFuture bind(AbstractBootstrap<?, ?> bootstrap, SocketAddress local) {
        ChannelFuture bound = bootstrap.bind(local);
        ChannelPromise result = new DefaultChannelPromise(bound.channel(), bootstrap.config().group().next());
        bound.addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                result.setSuccess();
            } else if (f.cause() instanceof Errors.NativeIoException cause) {
                BindException e = new BindException(cause.getMessage() + ": " + local);
                e.initCause(cause);
                result.setFailure(e);
            } else {
                result.setFailure(f.cause());
            }
        });
        return result;
    }

    /** The TCP connection type for {@code loop}. */
    static Class<? extends SocketChannel> socketChannel(EventLoop loop) {
        return isNative(loop) ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The TCP listening socket type for {@code loop}. */
    static Class<? extends ServerSocketChannel> serverSocketChannel(EventLoop loop) {
        return isNative(loop) ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
