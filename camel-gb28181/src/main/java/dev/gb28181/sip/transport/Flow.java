package dev.gb28181.sip.transport;

import dev.gb28181.sip.Transport;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;

/**
 * The path one message arrived on: the transport, the peer's address as the socket saw it (after
 * any NAT) and, for TCP, the connection. Responses to a request go back along its flow (RFC 3261
 * §18.2.2, RFC 3581 §4: the source IP and port, the same TCP connection); the term is RFC 5626 §3's.
 */
public final class Flow {

    private final Transport transport;
    private final InetSocketAddress remote;
    private final Channel channel;

    Flow(Transport transport, InetSocketAddress remote, Channel channel) {
        this.transport = transport;
        this.remote = remote;
        this.channel = channel;
    }

    public Transport transport() {
        return transport;
    }

    /** The source address of the packet or the remote end of the connection. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** The UDP socket or the TCP connection the message came in on. */
    Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return transport + ":" + remote.getAddress().getHostAddress() + ':' + remote.getPort();
    }
}
