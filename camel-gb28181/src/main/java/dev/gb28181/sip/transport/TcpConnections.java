package dev.gb28181.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open TCP connections by remote address, so a request to a device goes over the connection
 * the device opened (GB/T 28181 §4.3; RFC 3261 §18.1.1 connection reuse) and a new one is opened
 * only when there is none. Connects are asynchronous: the caller gets a future at once and no
 * thread waits for the peer (a slow or dead device never stalls the stack). Closed connections
 * and failed connects leave the map.
 */
final class TcpConnections {

    private static final AttributeKey<InetSocketAddress> KEY = AttributeKey.valueOf("gb28181.sip.remote");

    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<Channel>> byRemote =
            new ConcurrentHashMap<>();
    private final Bootstrap bootstrap;

    TcpConnections(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The open connection to {@code remote}, or one being opened now. */
    CompletableFuture<Channel> channelTo(InetSocketAddress remote) {
        while (true) {
            CompletableFuture<Channel> existing = byRemote.get(remote);
            if (existing != null) {
                if (!existing.isDone()) {
                    return existing;
                }
                Channel channel = existing.isCompletedExceptionally() ? null : existing.join();
                if (channel != null && channel.isActive()) {
                    return existing;
                }
                byRemote.remove(remote, existing);
                continue;
            }
            CompletableFuture<Channel> created = new CompletableFuture<>();
            if (byRemote.putIfAbsent(remote, created) == null) {
                connect(remote, created);
                return created;
            }
        }
    }

    private void connect(InetSocketAddress remote, CompletableFuture<Channel> result) {
        ChannelFuture connect;
        try {
            connect = bootstrap.connect(remote);
        } catch (RuntimeException e) {
            byRemote.remove(remote, result);
            result.completeExceptionally(e);
            return;
        }
        connect.channel().attr(KEY).set(remote);
        connect.addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                result.complete(f.channel());
            } else {
                byRemote.remove(remote, result);
                result.completeExceptionally(f.cause());
            }
        });
    }

    /** An accepted connection: requests to its remote address go over it from now on. */
    void register(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress address) {
            channel.attr(KEY).set(address);
            byRemote.put(address, CompletableFuture.completedFuture(channel));
        }
    }

    /** A closed connection leaves the map (unless a newer one took its place). */
    void unregister(Channel channel) {
        InetSocketAddress remote = channel.attr(KEY).get();
        if (remote == null) {
            return;
        }
        byRemote.computeIfPresent(remote, (k, f) -> f.isDone() && !f.isCompletedExceptionally() && f.join() == channel
                ? null : f);
    }

    int size() {
        return byRemote.size();
    }
}
