package dev.gb28181.sip.transport;

import dev.gb28181.sip.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Hands each datagram to the transport layer as one message (RFC 3261 §18.3). Datagrams of line
 * breaks only (the CRLF keepalives some devices send over UDP too) are ignored; errors are logged
 * and never close the socket.
 */
@ChannelHandler.Sharable
final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(UdpHandler.class);

    private final TransportLayer layer;
    private final int maxMessageSize;
    private final LogLimiter errorLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);

    UdpHandler(TransportLayer layer) {
        this.layer = layer;
        this.maxMessageSize = layer.config().maxMessageSize();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        if (onlyLineBreaks(content)) {
            return;
        }
        Flow flow = new Flow(Transport.UDP, packet.sender(), ctx.channel());
        if (content.readableBytes() > maxMessageSize) {
            layer.refuseOversize(content, flow);
        } else {
            layer.receive(content, flow, true);
        }
    }

    private static boolean onlyLineBreaks(ByteBuf content) {
        for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        errorLog.warn("UDP socket error: {}", cause.toString());
    }
}
