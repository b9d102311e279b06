package dev.gb28181.sip.transport;

import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.codec.SipFraming;
import dev.gb28181.sip.codec.SipParser;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Cuts a TCP stream into SIP messages with {@link SipFraming} (RFC 3261 §18.3: header section, then
 * Content-Length bytes of body) and answers CRLFCRLF keepalive pings with a CRLF pong (RFC 5626
 * §4.4.1). A stream that cannot be framed, or a message over the size limit, is counted, logged
 * once and its connection closed (RFC 4475 §3.3.9: framing cannot recover on a stream).
 */
final class TcpFrameDecoder extends ByteToMessageDecoder {

    private final TransportLayer layer;
    private final int maxMessageSize;
    private boolean failed;

    TcpFrameDecoder(TransportLayer layer) {
        this.layer = layer;
        this.maxMessageSize = layer.config().maxMessageSize();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!failed && in.isReadable()) {
            int length;
            try {
                length = SipFraming.messageLength(in);
            } catch (SipParseException e) {
                boolean oversize = in.readableBytes() >= SipParser.MAX_MESSAGE_SIZE;
                refuse(ctx, in, oversize, e.getMessage());
                return;
            }
            if (length == SipFraming.INCOMPLETE) {
                return;
            }
            if (length == SipFraming.PING) {
                in.skipBytes(4);
                ctx.writeAndFlush(SipFraming.pong());
            } else if (length < 0) {
                in.skipBytes(-length);
            } else if (length > maxMessageSize) {
                refuse(ctx, in, true, "message of " + length + " bytes exceeds " + maxMessageSize);
                return;
            } else {
                out.add(in.readRetainedSlice(length));
            }
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
        }
    }

    private void refuse(ChannelHandlerContext ctx, ByteBuf in, boolean oversize, String reason) {
        failed = true;
        in.skipBytes(in.readableBytes());
        layer.streamRefused(ctx.channel().remoteAddress(), oversize, reason);
        ctx.close();
    }
}
