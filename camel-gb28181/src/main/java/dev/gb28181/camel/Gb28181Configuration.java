package dev.gb28181.camel;

import dev.gb28181.media.MediaPortAllocator;
import dev.gb28181.platform.CredentialsProvider;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.sip.Transport;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The settings of the GB/T 28181 platform a {@link Gb28181Component} runs: its SIP identity
 * (GB/T 28181-2016 §4.3, Annex D IDs), where it listens, how devices authenticate (§9.1.2.1 digest)
 * and how their keepalives are judged (§9.6). They are component options: every endpoint of a
 * component shares its one platform.
 */
@UriParams
@Configurer
public class Gb28181Configuration implements Cloneable {

    /** The platform's own 20-digit SIP ID (GB/T 28181-2016 Annex D), e.g. 34020000002000000001. */
    @UriParam(defaultValue = "34020000002000000001")
    @Metadata(important = true)
    private String sipId = "34020000002000000001";

    /** The SIP domain of the platform (the 10-digit administrative domain of GB/T 28181-2016 Annex D). */
    @UriParam(defaultValueNote = "The first 10 digits of sipId")
    private String domain;

    /** The digest authentication realm sent in challenges (RFC 3261 section 22.4). */
    @UriParam(label = "security", defaultValueNote = "The domain")
    private String realm;

    /** The address the SIP transports bind to. */
    @UriParam(defaultValue = "0.0.0.0")
    private String host = "0.0.0.0";

    /** The SIP port, shared by UDP and TCP; 0 picks a free port. */
    @UriParam(defaultValue = "5060")
    @Metadata(important = true)
    private int port = 5060;

    /** The SIP transports to listen on: a comma-separated list of udp and tcp. */
    @UriParam(defaultValue = "udp,tcp")
    private String transports = "udp,tcp";

    /**
     * The address written into Via and Contact when devices must reach the platform on another
     * address than the bind address (NAT, a 0.0.0.0 bind, a container).
     */
    @UriParam
    private String advertisedHost;

    /**
     * The registration password of every device the credentials provider does not know
     * (GB/T 28181-2016 section 9.1.2.1). Without it and without a credentials provider, devices register
     * without authentication (and a warning is logged at start).
     */
    @UriParam(label = "security", secret = true)
    @Metadata(important = true)
    private String password;

    /**
     * Per-device passwords and an optional allow-list: with an allow-list, devices it does not know
     * are refused with 403. A single bean of this type in the registry is used automatically.
     */
    @UriParam(label = "security")
    @Metadata(autowired = true)
    private CredentialsProvider credentialsProvider;

    /**
     * The keepalive period devices are expected to keep (GB/T 28181-2016 section 9.6); a device is OFFLINE
     * after keepaliveInterval x keepaliveTimeoutCount without one.
     */
    @UriParam(defaultValue = "60s", javaType = "java.time.Duration")
    private long keepaliveInterval = 60_000;

    /** How many keepalive periods a device may miss before it is OFFLINE (GB/T 28181-2016 section 9.6.1). */
    @UriParam(defaultValue = "3")
    private int keepaliveTimeoutCount = 3;

    /**
     * How long the platform waits for a device to answer a request before it fails: the SIP answer to
     * a MESSAGE or SUBSCRIBE, and the MANSCDP answer of a query that is not split.
     */
    @UriParam(defaultValue = "10s", javaType = "java.time.Duration")
    private long requestTimeout = 10_000;

    /**
     * How long a split query (Catalog, RecordInfo; GB/T 28181-2016 Annex N) waits for its first part
     * once the device accepted it; lower platforms may take minutes to collect a large catalog.
     */
    @UriParam(defaultValue = "60s", javaType = "java.time.Duration")
    private long firstPartTimeout = 60_000;

    /**
     * How long a split query waits for the next part (GB/T 28181-2016 Annex N): when none arrives in
     * this time the parts received so far are the answer, marked incomplete.
     */
    @UriParam(defaultValue = "5s", javaType = "java.time.Duration")
    private long partIdleTimeout = 5_000;

    /**
     * How long a control the standard answers with a Response (RecordCmd, GuardCmd, AlarmCmd,
     * HomePosition, DeviceConfig, DeviceUpgrade; GB/T 28181-2016 §9.3.2.2) waits for it after the
     * device's 200; when none comes in this time the control completes without one, as many devices
     * answer only 200.
     */
    @UriParam(defaultValue = "5s", javaType = "java.time.Duration")
    private long controlResponseTimeout = 5_000;

    /**
     * The charset of the MANSCDP XML the platform writes when the device's choice is unknown
     * (GB/T 28181-2016 Annex A uses GB2312).
     */
    @UriParam(defaultValue = "GB2312")
    private String charset = "GB2312";

    /** The shortest registration lifetime granted; a shorter Expires asked by a device is raised to it. */
    @UriParam(label = "advanced", defaultValue = "3600s", javaType = "java.time.Duration")
    private long registerExpiresMin = 3_600_000;

    /** The longest registration lifetime granted; a longer Expires asked by a device is lowered to it. */
    @UriParam(label = "advanced", defaultValue = "86400s", javaType = "java.time.Duration")
    private long registerExpiresMax = 86_400_000;

    /**
     * Whether digest challenges offer qop=auth (RFC 2617 section 3.2.1); answers without qop are accepted
     * either way, as many devices do not support it.
     */
    @UriParam(label = "security,advanced", defaultValue = "true")
    private boolean digestQop = true;

    /** How long a digest nonce stays valid; an expired one is answered with stale=true. */
    @UriParam(label = "security,advanced", defaultValue = "300s", javaType = "java.time.Duration")
    private long nonceTtl = 300_000;

    /** How many failed authentications from one source are tolerated before it is locked out. */
    @UriParam(label = "security,advanced", defaultValue = "5")
    private int authFailureLimit = 5;

    /** How long a source that failed authentication authFailureLimit times is refused. */
    @UriParam(label = "security,advanced", defaultValue = "300s", javaType = "java.time.Duration")
    private long authLockout = 300_000;

    /**
     * The address written into the SDP offers of media sessions (GB/T 28181-2016 §9.2, Annex F
     * {@code c=}): where devices send RTP. Default: the local address of the route to the device.
     */
    @UriParam(label = "media")
    private String mediaHost;

    /**
     * The local ports media sessions receive RTP on (UDP, TCP passive; GB/T 28181-2016 §9.2), first-last,
     * e.g. 30000-30999: one port per session.
     */
    @UriParam(label = "media", defaultValue = "30000-30499")
    private String mediaPortRange = "30000-30499";

    /**
     * How long a media session may receive no RTP before the platform ends it with BYE (a camera that
     * stopped streaming without BYE, a NAT that closed); a paused playback is not timed out. 0 disables it.
     */
    @UriParam(label = "media", defaultValue = "30s", javaType = "java.time.Duration")
    private long mediaTimeout = 30_000;

    /**
     * One UDP port for the RTP of every UDP media session, told apart by SSRC (GB/T 28181-2016 Annex F):
     * a platform behind a firewall opens one media port. 0: a port of mediaPortRange per session. TCP
     * sessions always take a port of the range.
     */
    @UriParam(label = "media", defaultValue = "0")
    private int mediaSharedPort;

    /**
     * Accept RTP (and TCP passive connections) from any source address instead of only the device's SIP
     * host: for devices whose media leaves from another address than their signalling (NAT, multi-homed
     * NVRs).
     */
    @UriParam(label = "media", defaultValue = "false")
    private boolean mediaAnySource;

    /**
     * Receive RTP with Netty's native epoll transport when it is available (Linux; the linux-x86_64 library ships
     * with the component, other architectures add netty-transport-native-epoll with their classifier): several UDP
     * datagrams per system call and less work per packet. Elsewhere, or when false, RTP is received with Java NIO
     * (the reason logged once). SIP always uses NIO.
     */
    @UriParam(label = "media,advanced", defaultValue = "true")
    private boolean mediaNativeTransport = true;

    /** The User-Agent header of the messages the platform sends. */
    @UriParam(label = "advanced", defaultValue = "camel-gb28181")
    private String userAgent = "camel-gb28181";

    /**
     * Whether every SIP message in and out is logged at INFO on the logger dev.gb28181.sip.trace, with its
     * direction, transport, remote address and full text, digest responses and passwords masked. Switchable at
     * run time (JMX operations enableSipTrace and disableSipTrace of the component).
     */
    @UriParam(label = "advanced", defaultValue = "false")
    private boolean sipTrace;

    /**
     * With sipTrace: only the messages naming one of these device (or channel) IDs, a comma-separated list;
     * empty traces every message.
     */
    @UriParam(label = "advanced")
    private String sipTraceDevices;

    /**
     * How far back the devices health check (gb28181-devices-sipId) lists the devices that went offline.
     */
    @UriParam(label = "health", defaultValue = "5m", javaType = "java.time.Duration")
    private long offlineDevicesWindow = 300_000;

    /**
     * A copy of these settings, e.g. to configure a second component (a second platform on another
     * port) like this one.
     */
    public Gb28181Configuration copy() {
        try {
            return (Gb28181Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * These settings as the platform takes them, validated.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public PlatformConfig toPlatformConfig() {
        return new PlatformConfig()
                .sipId(sipId)
                .domain(domain)
                .realm(realm)
                .host(host)
                .port(port)
                .transports(parseTransports(transports))
                .advertisedHost(advertisedHost)
                .password(password)
                .credentialsProvider(credentialsProvider)
                .keepaliveInterval(Duration.ofMillis(keepaliveInterval))
                .keepaliveTimeoutCount(keepaliveTimeoutCount)
                .requestTimeout(Duration.ofMillis(requestTimeout))
                .firstPartTimeout(Duration.ofMillis(firstPartTimeout))
                .partIdleTimeout(Duration.ofMillis(partIdleTimeout))
                .controlResponseTimeout(Duration.ofMillis(controlResponseTimeout))
                .charset(parseCharset(charset))
                .registerExpiresMin(Duration.ofMillis(registerExpiresMin))
                .registerExpiresMax(Duration.ofMillis(registerExpiresMax))
                .digestQop(digestQop)
                .nonceTtl(Duration.ofMillis(nonceTtl))
                .authFailureLimit(authFailureLimit)
                .authLockout(Duration.ofMillis(authLockout))
                .userAgent(userAgent)
                .mediaHost(mediaHost)
                .mediaPortRange(MediaPortAllocator.PortRange.parse(mediaPortRange))
                .mediaTimeout(Duration.ofMillis(mediaTimeout))
                .mediaSharedPort(mediaSharedPort)
                .mediaAnySource(mediaAnySource)
                .mediaNativeTransport(mediaNativeTransport)
                .validate();
    }

    private static Set<Transport> parseTransports(String list) {
        Set<Transport> set = EnumSet.noneOf(Transport.class);
        if (list != null) {
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    try {
                        set.add(Transport.of(name));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("transports: unknown transport '" + name.trim()
                                + "' in '" + list + "'; expected udp, tcp or both", e);
                    }
                }
            }
        }
        return set;
    }

    private static Charset parseCharset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("charset: unsupported charset '" + name + "'", e);
        }
    }

    public String getSipId() {
        return sipId;
    }

    public void setSipId(String sipId) {
        this.sipId = sipId;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getTransports() {
        return transports;
    }

    public void setTransports(String transports) {
        this.transports = transports;
    }

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public long getKeepaliveInterval() {
        return keepaliveInterval;
    }

    public void setKeepaliveInterval(long keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }

    public int getKeepaliveTimeoutCount() {
        return keepaliveTimeoutCount;
    }

    public void setKeepaliveTimeoutCount(int keepaliveTimeoutCount) {
        this.keepaliveTimeoutCount = keepaliveTimeoutCount;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getFirstPartTimeout() {
        return firstPartTimeout;
    }

    public void setFirstPartTimeout(long firstPartTimeout) {
        this.firstPartTimeout = firstPartTimeout;
    }

    public long getPartIdleTimeout() {
        return partIdleTimeout;
    }

    public void setPartIdleTimeout(long partIdleTimeout) {
        this.partIdleTimeout = partIdleTimeout;
    }

    public long getControlResponseTimeout() {
        return controlResponseTimeout;
    }

    public void setControlResponseTimeout(long controlResponseTimeout) {
        this.controlResponseTimeout = controlResponseTimeout;
    }

    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }

    public long getRegisterExpiresMin() {
        return registerExpiresMin;
    }

    public void setRegisterExpiresMin(long registerExpiresMin) {
        this.registerExpiresMin = registerExpiresMin;
    }

    public long getRegisterExpiresMax() {
        return registerExpiresMax;
    }

    public void setRegisterExpiresMax(long registerExpiresMax) {
        this.registerExpiresMax = registerExpiresMax;
    }

    public boolean isDigestQop() {
        return digestQop;
    }

    public void setDigestQop(boolean digestQop) {
        this.digestQop = digestQop;
    }

    public long getNonceTtl() {
        return nonceTtl;
    }

    public void setNonceTtl(long nonceTtl) {
        this.nonceTtl = nonceTtl;
    }

    public int getAuthFailureLimit() {
        return authFailureLimit;
    }

    public void setAuthFailureLimit(int authFailureLimit) {
        this.authFailureLimit = authFailureLimit;
    }

    public long getAuthLockout() {
        return authLockout;
    }

    public void setAuthLockout(long authLockout) {
        this.authLockout = authLockout;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public boolean isSipTrace() {
        return sipTrace;
    }

    public void setSipTrace(boolean sipTrace) {
        this.sipTrace = sipTrace;
    }

    public String getSipTraceDevices() {
        return sipTraceDevices;
    }

    public void setSipTraceDevices(String sipTraceDevices) {
        this.sipTraceDevices = sipTraceDevices;
    }

    /** The device IDs of {@link #getSipTraceDevices()}, empty for all. */
    List<String> sipTraceDeviceIds() {
        List<String> ids = new ArrayList<>();
        if (sipTraceDevices != null) {
            for (String id : sipTraceDevices.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }

    public long getOfflineDevicesWindow() {
        return offlineDevicesWindow;
    }

    public void setOfflineDevicesWindow(long offlineDevicesWindow) {
        this.offlineDevicesWindow = offlineDevicesWindow;
    }

    public String getMediaHost() {
        return mediaHost;
    }

    public void setMediaHost(String mediaHost) {
        this.mediaHost = mediaHost;
    }

    public String getMediaPortRange() {
        return mediaPortRange;
    }

    public void setMediaPortRange(String mediaPortRange) {
        this.mediaPortRange = mediaPortRange;
    }

    public long getMediaTimeout() {
        return mediaTimeout;
    }

    public void setMediaTimeout(long mediaTimeout) {
        this.mediaTimeout = mediaTimeout;
    }

    public int getMediaSharedPort() {
        return mediaSharedPort;
    }

    public void setMediaSharedPort(int mediaSharedPort) {
        this.mediaSharedPort = mediaSharedPort;
    }

    public boolean isMediaAnySource() {
        return mediaAnySource;
    }

    public void setMediaAnySource(boolean mediaAnySource) {
        this.mediaAnySource = mediaAnySource;
    }

    public boolean isMediaNativeTransport() {
        return mediaNativeTransport;
    }

    public void setMediaNativeTransport(boolean mediaNativeTransport) {
        this.mediaNativeTransport = mediaNativeTransport;
    }
}
