package dev.gb28181.platform;

import dev.gb28181.sip.Transport;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Objects;

import io.netty.util.Timeout;

/**
 * A registered device (GB/T 28181-2016 §9.1) as the platform tracks it: how to reach it and whether
 * it is online (§9.6).
 *
 * <p>The address is the source of the device's last packet, updated on every message: devices
 * behind NAT or on 4G change their public port, and the platform must answer and send where the
 * device really is (RFC 3581). Getters read volatile fields and may be called from any thread; the
 * platform changes registration and online state only while holding the device's monitor (the
 * address is a plain volatile write, last message wins). Times are kept as primitive longs to
 * keep a device small (a registry of 100,000 devices stays well under 2 KiB per device).
 */
public final class Device {

    private final String deviceId;
    private volatile Transport transport;
    private volatile InetSocketAddress remoteAddress;
    private volatile long registeredAtMillis;
    private volatile long expiresAtMillis;
    private volatile String userAgent;
    private volatile long lastKeepaliveMillis;
    private volatile boolean online;
    private volatile Charset charset;

    // status tracking, guarded by this
    long lastSeenNanos;
    long expiresAtNanos;
    long armedDeadlineNanos;
    Timeout timeout;
    boolean removed;

    Device(String deviceId, Transport transport, InetSocketAddress remoteAddress) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** The device's 20-digit ID (GB/T 28181-2016 Annex D), the From user of its requests. */
    public String deviceId() {
        return deviceId;
    }

    /** The transport of the device's last message. */
    public Transport transport() {
        return transport;
    }

    /** Where the device's last message came from. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** {@link #remoteAddress()} as {@code host:port} ({@code [v6]:port} for IPv6). */
    public String remoteAddressText() {
        return format(remoteAddress);
    }

    /** When the current registration started (the first REGISTER, not the refreshes). */
    public Instant registeredAt() {
        return Instant.ofEpochMilli(registeredAtMillis);
    }

    /** When the registration lapses unless refreshed. */
    public Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAtMillis);
    }

    /** The device's User-Agent, or {@code null}. */
    public String userAgent() {
        return userAgent;
    }

    /** The last accepted keepalive, or {@code null} before the first one. */
    public Instant lastKeepalive() {
        long at = lastKeepaliveMillis;
        return at == 0 ? null : Instant.ofEpochMilli(at);
    }

    /** {@code true} while the device registers and keeps alive in time. */
    public boolean online() {
        return online;
    }

    /**
     * The charset of the device's last MANSCDP body, the one the platform writes to it in (GB/T
     * 28181-2016 Annex A declares GB2312; devices also write UTF-8), or {@code null} before any.
     */
    public Charset charset() {
        return charset;
    }

    @Override
    public String toString() {
        return "Device[" + deviceId + ' ' + transport + ' ' + format(remoteAddress) + (online ? " online]" : " offline]");
    }

    static String format(InetSocketAddress address) {
        return host(address) + ':' + address.getPort();
    }

    /** The host of {@code address} as a URI writes it: an IP literal, IPv6 in brackets (RFC 3261 §25.1). */
    static String host(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return address.getAddress() instanceof Inet6Address ? '[' + host + ']' : host;
    }

    /** Records the address of a message; a no-op when it did not change. */
    void seenAt(Transport transport, InetSocketAddress source) {
        if (this.transport != transport) {
            this.transport = transport;
        }
        if (!source.equals(remoteAddress)) {
            remoteAddress = source;
        }
    }

    void registeredAt(long epochMillis) {
        registeredAtMillis = epochMillis;
    }

    void expiresAt(long epochMillis) {
        expiresAtMillis = epochMillis;
    }

    void userAgent(String userAgent) {
        if (!Objects.equals(this.userAgent, userAgent)) {
            this.userAgent = userAgent;
        }
    }

    void lastKeepalive(long epochMillis) {
        lastKeepaliveMillis = epochMillis;
    }

    void charset(Charset charset) {
        if (this.charset != charset) {
            this.charset = charset;
        }
    }

    void online(boolean online) {
        this.online = online;
    }
}
