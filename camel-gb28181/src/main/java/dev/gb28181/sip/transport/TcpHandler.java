package dev.gb28181.sip.transport;

import dev.gb28181.sip.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * One TCP connection, accepted or opened by the stack: registers it for reuse, hands its framed
 * messages to the transport layer, closes it when idle for {@code tcpIdleTimeout} or on an error.
 */
final class TcpHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TcpHandler.class);

    private final TransportLayer layer;
    private final boolean accepted;
    private Flow flow;

    TcpHandler(TransportLayer layer, boolean accepted) {
        this.layer = layer;
        this.accepted = accepted;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        flow = new Flow(Transport.TCP, (InetSocketAddress) ctx.channel().remoteAddress(), ctx.channel());
        layer.stats().onTcpConnection(1);
        if (accepted) {
            layer.connections().register(ctx.channel());
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (flow != null) {
            layer.stats().onTcpConnection(-1);
            layer.connections().unregister(ctx.channel());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf frame) {
            try {
                layer.receive(frame, flow, false);
            } finally {
                frame.release();
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("Closing idle TCP connection {}", flow);
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        layer.connectionFailed(flow, cause);
        ctx.close();
    }
}
