package dev.gb28181.platform;

import dev.gb28181.media.MediaPortAllocator;
import dev.gb28181.sip.Transport;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of one platform (a SIP UA on one host and port). Fluent setters; {@link #validate()}
 * fills the derived defaults (domain from the ID, realm from the domain) and checks ranges.
 */
public final class PlatformConfig {

    private String sipId = "34020000002000000001";
    private String domain;
    private String realm;
    private String host = "0.0.0.0";
    private int port = 5060;
    private Set<Transport> transports = EnumSet.of(Transport.UDP, Transport.TCP);
    private String advertisedHost;
    private String password;
    private CredentialsProvider credentialsProvider;
    private Duration keepaliveInterval = Duration.ofSeconds(60);
    private int keepaliveTimeoutCount = 3;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration firstPartTimeout = Duration.ofSeconds(60);
    private Duration partIdleTimeout = Duration.ofSeconds(5);
    private Duration controlResponseTimeout = Duration.ofSeconds(5);
    private Charset charset = Charset.forName("GB2312");
    private Duration registerExpiresMin = Duration.ofSeconds(3600);
    private Duration registerExpiresMax = Duration.ofSeconds(86400);
    private boolean digestQop = true;
    private Duration nonceTtl = Duration.ofSeconds(300);
    private int authFailureLimit = 5;
    private Duration authLockout = Duration.ofMinutes(5);
    private int maxMessageSize = 64 * 1024;
    private String userAgent = "camel-gb28181";
    private DeviceRegistry deviceRegistry;
    private String mediaHost;
    private MediaPortAllocator.PortRange mediaPortRange = new MediaPortAllocator.PortRange(30000, 30499);
    private Duration mediaTimeout = Duration.ofSeconds(30);
    private int mediaSharedPort;
    private boolean mediaAnySource;
    private boolean mediaNativeTransport = true;

    /** Fills defaults derived from other settings and rejects inconsistent ones. */
    public PlatformConfig validate() {
        if (sipId == null || !sipId.matches("\\d{20}")) {
            throw new IllegalArgumentException("sipId must be 20 digits (GB/T 28181 Annex D): " + sipId);
        }
        if (domain == null || domain.isBlank()) {
            domain = sipId.substring(0, 10);
        }
        if (realm == null || realm.isBlank()) {
            realm = domain;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (transports == null || transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport (udp, tcp) is required");
        }
        if (keepaliveInterval.isNegative() || keepaliveInterval.isZero() || keepaliveTimeoutCount < 1) {
            throw new IllegalArgumentException("keepaliveInterval and keepaliveTimeoutCount must be positive");
        }
        if (registerExpiresMin.compareTo(registerExpiresMax) > 0) {
            throw new IllegalArgumentException("registerExpiresMin is above registerExpiresMax");
        }
        if (nonceTtl.isNegative() || nonceTtl.isZero()) {
            throw new IllegalArgumentException("nonceTtl must be positive");
        }
        if (registerExpiresMin.isNegative() || registerExpiresMin.toSeconds() < 1) {
            throw new IllegalArgumentException("registerExpiresMin must be at least one second");
        }
        if (authLockout.isNegative()) {
            throw new IllegalArgumentException("authLockout must not be negative");
        }
        for (Duration d : new Duration[] {requestTimeout, firstPartTimeout, partIdleTimeout, controlResponseTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("requestTimeout, firstPartTimeout, partIdleTimeout and "
                        + "controlResponseTimeout must be positive");
            }
        }
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(mediaPortRange, "mediaPortRange");
        if (mediaTimeout == null || mediaTimeout.isNegative()) {
            throw new IllegalArgumentException("mediaTimeout must not be negative (zero disables it)");
        }
        if (mediaSharedPort < 0 || mediaSharedPort > 65535) {
            throw new IllegalArgumentException("mediaSharedPort out of range: " + mediaSharedPort);
        }
        return this;
    }

    /** How long a device may stay silent before it is OFFLINE: interval x count. */
    public Duration offlineAfter() {
        return keepaliveInterval.multipliedBy(keepaliveTimeoutCount);
    }

    /** The host written into Via, Contact and SDP: the advertised one, else the bind address. */
    public String contactHost() {
        return advertisedHost != null && !advertisedHost.isBlank() ? advertisedHost : host;
    }

    public String sipId() {
        return sipId;
    }

    public PlatformConfig sipId(String sipId) {
        this.sipId = sipId;
        return this;
    }

    public String domain() {
        return domain;
    }

    public PlatformConfig domain(String domain) {
        this.domain = domain;
        return this;
    }

    public String realm() {
        return realm;
    }

    public PlatformConfig realm(String realm) {
        this.realm = realm;
        return this;
    }

    public String host() {
        return host;
    }

    public PlatformConfig host(String host) {
        this.host = host;
        return this;
    }

    public int port() {
        return port;
    }

    public PlatformConfig port(int port) {
        this.port = port;
        return this;
    }

    public Set<Transport> transports() {
        return transports;
    }

    public PlatformConfig transports(Set<Transport> transports) {
        this.transports = transports.isEmpty() ? EnumSet.noneOf(Transport.class) : EnumSet.copyOf(transports);
        return this;
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    public PlatformConfig advertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
        return this;
    }

    public String password() {
        return password;
    }

    public PlatformConfig password(String password) {
        this.password = password;
        return this;
    }

    public CredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    public PlatformConfig credentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
        return this;
    }

    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    public PlatformConfig keepaliveInterval(Duration keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
        return this;
    }

    public int keepaliveTimeoutCount() {
        return keepaliveTimeoutCount;
    }

    public PlatformConfig keepaliveTimeoutCount(int keepaliveTimeoutCount) {
        this.keepaliveTimeoutCount = keepaliveTimeoutCount;
        return this;
    }

    /**
     * How long a request to a device waits for its SIP answer and, for a query answered in one
     * message, for the answer (GB/T 28181-2016 §9.5).
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    public PlatformConfig requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    /**
     * How long a split query (Catalog, RecordInfo; GB/T 28181-2016 Annex N) waits for its first part
     * once the device answered 200: lower platforms may take minutes to collect a large catalog.
     */
    public Duration firstPartTimeout() {
        return firstPartTimeout;
    }

    public PlatformConfig firstPartTimeout(Duration firstPartTimeout) {
        this.firstPartTimeout = firstPartTimeout;
        return this;
    }

    /**
     * How long a split answer may pause between parts: then the parts received so far complete the
     * query, marked incomplete (devices that never send every part, UDP loss).
     */
    public Duration partIdleTimeout() {
        return partIdleTimeout;
    }

    public PlatformConfig partIdleTimeout(Duration partIdleTimeout) {
        this.partIdleTimeout = partIdleTimeout;
        return this;
    }

    /**
     * How long a control the standard answers with a Response (GB/T 28181-2016 §9.3.1, §9.3.2.2:
     * RecordCmd, GuardCmd, AlarmCmd, HomePosition, DeviceConfig; 2022 also DeviceUpgrade) waits for
     * that Response after the device's 200. Many devices send only the 200: when this passes, the
     * control completes without a Response instead of failing.
     */
    public Duration controlResponseTimeout() {
        return controlResponseTimeout;
    }

    public PlatformConfig controlResponseTimeout(Duration controlResponseTimeout) {
        this.controlResponseTimeout = controlResponseTimeout;
        return this;
    }

    /**
     * The charset of the platform's MANSCDP bodies to a device that has sent none yet: GB2312 by default
     * (GB/T 28181-2016 Annex A; what devices expect to read), GB18030 for a body with a character outside it.
     */
    public Charset charset() {
        return charset;
    }

    public PlatformConfig charset(Charset charset) {
        this.charset = charset;
        return this;
    }

    public Duration registerExpiresMin() {
        return registerExpiresMin;
    }

    public PlatformConfig registerExpiresMin(Duration registerExpiresMin) {
        this.registerExpiresMin = registerExpiresMin;
        return this;
    }

    public Duration registerExpiresMax() {
        return registerExpiresMax;
    }

    public PlatformConfig registerExpiresMax(Duration registerExpiresMax) {
        this.registerExpiresMax = registerExpiresMax;
        return this;
    }

    public boolean digestQop() {
        return digestQop;
    }

    public PlatformConfig digestQop(boolean digestQop) {
        this.digestQop = digestQop;
        return this;
    }

    public Duration nonceTtl() {
        return nonceTtl;
    }

    public PlatformConfig nonceTtl(Duration nonceTtl) {
        this.nonceTtl = nonceTtl;
        return this;
    }

    public int authFailureLimit() {
        return authFailureLimit;
    }

    public PlatformConfig authFailureLimit(int authFailureLimit) {
        this.authFailureLimit = authFailureLimit;
        return this;
    }

    public Duration authLockout() {
        return authLockout;
    }

    public PlatformConfig authLockout(Duration authLockout) {
        this.authLockout = authLockout;
        return this;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    public PlatformConfig maxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        return this;
    }

    public String userAgent() {
        return userAgent;
    }

    public PlatformConfig userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** The device registry to use, or {@code null} for a new {@link InMemoryDeviceRegistry} per platform. */
    public DeviceRegistry deviceRegistry() {
        return deviceRegistry;
    }

    public PlatformConfig deviceRegistry(DeviceRegistry deviceRegistry) {
        this.deviceRegistry = deviceRegistry;
        return this;
    }

    /**
     * The address written into the SDP offers of media sessions (GB/T 28181-2016 §9.2, {@code c=}): where
     * devices send RTP. {@code null} (default): the local address of the route to the device.
     */
    public String mediaHost() {
        return mediaHost;
    }

    public PlatformConfig mediaHost(String mediaHost) {
        this.mediaHost = mediaHost;
        return this;
    }

    /** The local ports media sessions receive on (UDP, TCP passive); default 30000-30499. */
    public MediaPortAllocator.PortRange mediaPortRange() {
        return mediaPortRange;
    }

    public PlatformConfig mediaPortRange(MediaPortAllocator.PortRange mediaPortRange) {
        this.mediaPortRange = mediaPortRange;
        return this;
    }

    /**
     * How long a media session may receive no RTP before the platform ends it (BYE, {@link
     * MediaSessionEvent.Reason#NO_MEDIA}): a camera that stopped streaming without BYE, a NAT that closed.
     * Default 30 s; zero disables it. A paused playback (MANSRTSP PAUSE) is not timed out.
     */
    public Duration mediaTimeout() {
        return mediaTimeout;
    }

    public PlatformConfig mediaTimeout(Duration mediaTimeout) {
        this.mediaTimeout = mediaTimeout;
        return this;
    }

    /**
     * One UDP port for the RTP of every UDP media session, the sessions told apart by SSRC (unique among live
     * sessions, GB/T 28181-2016 Annex F): a platform behind a firewall opens one media port. 0 (default): a
     * port of {@link #mediaPortRange()} per session. TCP sessions always take a port of the range.
     */
    public int mediaSharedPort() {
        return mediaSharedPort;
    }

    public PlatformConfig mediaSharedPort(int mediaSharedPort) {
        this.mediaSharedPort = mediaSharedPort;
        return this;
    }

    /**
     * Accept RTP (and TCP passive connections) from any source address instead of only the device's SIP host:
     * for devices whose media leaves from another address than their signalling (NAT, multi-homed NVRs).
     * Default {@code false}: packets from elsewhere are dropped and counted.
     */
    public boolean mediaAnySource() {
        return mediaAnySource;
    }

    public PlatformConfig mediaAnySource(boolean mediaAnySource) {
        this.mediaAnySource = mediaAnySource;
        return this;
    }

    /**
     * Receive RTP with Netty's native epoll transport when it is available (Linux with the
     * {@code netty-transport-native-epoll} library of its architecture; linux-x86_64 ships with the component):
     * several UDP datagrams per system call and less per-packet work, the bulk of a platform's load with many
     * streams. Elsewhere, or with {@code false}, RTP is received with Java NIO (the reason logged once). Default
     * {@code true}. SIP always uses NIO: its few messages gain nothing from it.
     */
    public boolean mediaNativeTransport() {
        return mediaNativeTransport;
    }

    public PlatformConfig mediaNativeTransport(boolean mediaNativeTransport) {
        this.mediaNativeTransport = mediaNativeTransport;
        return this;
    }
}
