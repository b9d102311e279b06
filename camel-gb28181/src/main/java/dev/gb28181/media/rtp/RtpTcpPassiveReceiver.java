package dev.gb28181.media.rtp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;

import java.net.InetSocketAddress;

/**
 * RTP over TCP where the platform listens and the device connects (SDP {@code a=setup:passive} in the
 * platform's offer, GB/T 28181-2016 Annex F; RFC 4145), packets framed by RFC 4571. One connection at a
 * time, from the device's address: others are closed and counted as wrong source. After the device's
 * connection drops the sink is told ({@link RtpSink#onConnectionLost()}) and the device may connect again; the
 * reorder state carries over.
 */
public final class RtpTcpPassiveReceiver extends RtpReceiver {

    private final InetSocketAddress local;
    private Channel connection;

    /**
     * @param group an event loop group of {@link RtpEventLoops} (epoll or NIO); the receiver uses one of its loops
     *        for the listening socket and the connection
     * @param local the address to listen on; port 0 picks a free one
     */
    public RtpTcpPassiveReceiver(EventLoopGroup group, InetSocketAddress local, RtpReceiverConfig config,
            RtpSink sink) {
        super(group, config, sink);
        this.local = local;
    }

    @Override
    ChannelFuture open() {
        return RtpEventLoops.bind(new ServerBootstrap().group(loop, loop)
                .channel(RtpEventLoops.serverSocketChannel(loop))
                .option(ChannelOption.SO_BACKLOG, 4)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accept(ch);
                    }
                }), local);
    }

    private void accept(SocketChannel ch) {
        InetSocketAddress remote = ch.remoteAddress();
        if (!config.acceptsSource(remote)) {
            connectionRefused(remote, "the session expects " + config.source());
            ch.close();
        } else if (connection != null && connection.isActive()) {
            connectionRefused(remote, "the session already has a connection from " + connection.remoteAddress());
            ch.close();
        } else {
            connection = ch;
            installFraming(ch);
        }
    }

    @Override
    Future<?> closeChannels(Channel main) {
        if (connection == null) {
            return main.close();
        }
        PromiseCombiner both = new PromiseCombiner(loop);
        both.add(main.close());
        both.add(connection.close());
        Promise<Void> done = loop.newPromise();
        both.finish(done);
        return done;
    }
}
