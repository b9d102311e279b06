package dev.gb28181.media.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * RTP over TCP where the platform connects to the device's media address from its SDP answer (SDP
 * {@code a=setup:active} in the platform's offer, GB/T 28181-2016 Annex F; RFC 4145), packets framed
 * by RFC 4571. The connection is opened without blocking; {@link #start()} completes when it is up. It is not
 * reopened: when the device closes it the sink is told ({@link RtpSink#onConnectionLost()}).
 */
public final class RtpTcpActiveReceiver extends RtpReceiver {

    private final InetSocketAddress device;
    private final Duration connectTimeout;

    /**
     * @param group an event loop group of {@link RtpEventLoops} (epoll or NIO); the receiver uses one of its loops
     * @param device the address and port of the device's SDP answer
     */
    public RtpTcpActiveReceiver(EventLoopGroup group, InetSocketAddress device, Duration connectTimeout,
            RtpReceiverConfig config, RtpSink sink) {
        super(group, config, sink);
        this.device = device;
        this.connectTimeout = connectTimeout;
    }

    @Override
    ChannelFuture open() {
        return new Bootstrap().group(loop).channel(RtpEventLoops.socketChannel(loop))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        installFraming(ch);
                    }
                })
                .connect(device);
    }
}
