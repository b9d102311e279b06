package dev.gb28181.media.rtp;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/**
 * RTP over UDP on a port of its own, the default media transport of GB/T 28181-2016 (§9.2,
 * {@code m=video <port> RTP/AVP 96}): one datagram is one RTP packet (RFC 3550). A datagram longer
 * than the configured maximum is counted as malformed rather than silently truncated.
 */
public final class RtpUdpReceiver extends RtpReceiver {

    private static final int SOCKET_RECEIVE_BUFFER = 1024 * 1024;

    private final InetSocketAddress local;

    /**
     * @param group an event loop group of {@link RtpEventLoops} (epoll or NIO); the receiver uses one of its loops
     * @param local the address to bind; port 0 picks a free one
     */
    public RtpUdpReceiver(EventLoopGroup group, InetSocketAddress local, RtpReceiverConfig config, RtpSink sink) {
        super(group, config, sink);
        this.local = local;
    }

    @Override
    ChannelFuture open() {
        return RtpEventLoops.bind(RtpEventLoops.datagram(loop, config.maxPacketSize(), SOCKET_RECEIVE_BUFFER,
                new DatagramHandler()), local);
    }

    private final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
            if (datagram.content().readableBytes() > config.maxPacketSize()) {
                malformed(datagram.sender(), "datagram longer than " + config.maxPacketSize() + " bytes");
            } else {
                receiveDatagram(datagram.content(), datagram.sender());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ioError(ctx.channel(), cause);
        }
    }
}
