package dev.gb28181.camel.springboot;

import dev.gb28181.camel.Gb28181Configuration;
import dev.gb28181.platform.CredentialsProvider;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Turn the application into a GB/T 28181 video surveillance platform: the options of the gb28181
 * component under {@code camel.component.gb28181.*}, documented for IDEs by the Spring Boot
 * configuration processor. The names and defaults are those of the component (its catalog JSON).
 */
@ConfigurationProperties(prefix = "camel.component.gb28181")
public class Gb28181ComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The platform's own 20-digit SIP ID (GB/T 28181-2016 Annex D), e.g. 34020000002000000001.
     */
    private String sipId = "34020000002000000001";
    /**
     * The SIP domain of the platform (the 10-digit administrative domain of GB/T 28181-2016 Annex
     * D). Default: the first 10 digits of sipId.
     */
    private String domain;
    /**
     * The digest authentication realm sent in challenges (RFC 3261 section 22.4). Default: the
     * domain.
     */
    private String realm;
    /**
     * The address the SIP transports bind to.
     */
    private String host = "0.0.0.0";
    /**
     * The SIP port, shared by UDP and TCP; 0 picks a free port.
     */
    private Integer port = 5060;
    /**
     * The SIP transports to listen on: a comma-separated list of udp and tcp.
     */
    private String transports = "udp,tcp";
    /**
     * The address written into Via and Contact when devices must reach the platform on another
     * address than the bind address (NAT, a 0.0.0.0 bind, a container).
     */
    private String advertisedHost;
    /**
     * The registration password of every device the credentials provider does not know (GB/T
     * 28181-2016 section 9.1.2.1). Without it and without a credentials provider, devices register
     * without authentication (and a warning is logged at start).
     */
    private String password;
    /**
     * Per-device passwords and an optional allow-list: with an allow-list, devices it does not know
     * are refused with 403. A single bean of this type in the registry is used automatically. The
     * option is a dev.gb28181.platform.CredentialsProvider type (a #bean:name reference).
     */
    private CredentialsProvider credentialsProvider;
    /**
     * The keepalive period devices are expected to keep (GB/T 28181-2016 section 9.6); a device is
     * OFFLINE after keepaliveInterval x keepaliveTimeoutCount without one.
     */
    private Duration keepaliveInterval = Duration.ofSeconds(60);
    /**
     * How many keepalive periods a device may miss before it is OFFLINE (GB/T 28181-2016 section
     * 9.6.1).
     */
    private Integer keepaliveTimeoutCount = 3;
    /**
     * How long the platform waits for a device to answer a request before it fails: the SIP answer
     * to a MESSAGE or SUBSCRIBE, and the MANSCDP answer of a query that is not split.
     */
    private Duration requestTimeout = Duration.ofSeconds(10);
    /**
     * How long a split query (Catalog, RecordInfo; GB/T 28181-2016 Annex N) waits for its first
     * part once the device accepted it; lower platforms may take minutes to collect a large catalog.
     */
    private Duration firstPartTimeout = Duration.ofSeconds(60);
    /**
     * How long a split query waits for the next part (GB/T 28181-2016 Annex N): when none arrives
     * in this time the parts received so far are the answer, marked incomplete.
     */
    private Duration partIdleTimeout = Duration.ofSeconds(5);
    /**
     * How long a control the standard answers with a Response (RecordCmd, GuardCmd, AlarmCmd,
     * HomePosition, DeviceConfig, DeviceUpgrade; GB/T 28181-2016 section 9.3.2.2) waits for it after the
     * device's 200; when none comes in this time the control completes without one, as many devices
     * answer only 200.
     */
    private Duration controlResponseTimeout = Duration.ofSeconds(5);
    /**
     * The charset of the MANSCDP XML the platform writes when the device's choice is unknown (GB/T
     * 28181-2016 Annex A uses GB2312).
     */
    private String charset = "GB2312";
    /**
     * The shortest registration lifetime granted; a shorter Expires asked by a device is raised to
     * it.
     */
    private Duration registerExpiresMin = Duration.ofSeconds(3600);
    /**
     * The longest registration lifetime granted; a longer Expires asked by a device is lowered to
     * it.
     */
    private Duration registerExpiresMax = Duration.ofSeconds(86400);
    /**
     * Whether digest challenges offer qop=auth (RFC 2617 section 3.2.1); answers without qop are
     * accepted either way, as many devices do not support it.
     */
    private Boolean digestQop = true;
    /**
     * How long a digest nonce stays valid; an expired one is answered with stale=true.
     */
    private Duration nonceTtl = Duration.ofSeconds(300);
    /**
     * How many failed authentications from one source are tolerated before it is locked out.
     */
    private Integer authFailureLimit = 5;
    /**
     * How long a source that failed authentication authFailureLimit times is refused.
     */
    private Duration authLockout = Duration.ofSeconds(300);
    /**
     * The User-Agent header of the messages the platform sends.
     */
    private String userAgent = "camel-gb28181";
    /**
     * Whether every SIP message in and out is logged at INFO on the logger dev.gb28181.sip.trace, with its
     * direction, transport, remote address and full text, digest responses and passwords masked. Switchable at
     * run time (JMX operations enableSipTrace and disableSipTrace of the component).
     */
    private Boolean sipTrace = false;
    /**
     * With sipTrace: only the messages naming one of these device (or channel) IDs, a comma-separated list;
     * empty traces every message.
     */
    private String sipTraceDevices;
    /**
     * How far back the devices health check (gb28181-devices-sipId) lists the devices that went offline.
     */
    private Duration offlineDevicesWindow = Duration.ofMinutes(5);
    /**
     * The address written into the SDP offers of media sessions (GB/T 28181-2016 section 9.2, Annex F
     * c=): where devices send RTP. Default: the local address of the route to the device.
     */
    private String mediaHost;
    /**
     * The local ports media sessions receive RTP on (UDP, TCP passive; GB/T 28181-2016 section 9.2),
     * first-last, e.g. 30000-30999: one port per session.
     */
    private String mediaPortRange = "30000-30499";
    /**
     * How long a media session may receive no RTP before the platform ends it with BYE (a camera that
     * stopped streaming without BYE, a NAT that closed); a paused playback is not timed out. 0 disables
     * it.
     */
    private Duration mediaTimeout = Duration.ofSeconds(30);
    /**
     * One UDP port for the RTP of every UDP media session, told apart by SSRC (GB/T 28181-2016 Annex F):
     * a platform behind a firewall opens one media port. 0: a port of mediaPortRange per session. TCP
     * sessions always take a port of the range.
     */
    private Integer mediaSharedPort = 0;
    /**
     * Accept RTP (and TCP passive connections) from any source address instead of only the device's SIP
     * host: for devices whose media leaves from another address than their signalling (NAT, multi-homed
     * NVRs).
     */
    private Boolean mediaAnySource = false;
    /**
     * Receive RTP with Netty's native epoll transport when it is available (Linux; the linux-x86_64 library ships
     * with the component, other architectures add netty-transport-native-epoll with their classifier): several UDP
     * datagrams per system call and less work per packet. Elsewhere, or when false, RTP is received with Java NIO
     * (the reason logged once). SIP always uses NIO.
     */
    private Boolean mediaNativeTransport = true;
    /**
     * The platform settings shared by all endpoints of this component. The option is a
     * dev.gb28181.camel.Gb28181Configuration type (a #bean:name reference).
     */
    private Gb28181Configuration configuration;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any
     * exceptions occurred while the consumer is trying to pickup incoming messages will be
     * processed as a message and handled by the routing Error Handler. By default the consumer
     * uses the org.apache.camel.spi.ExceptionHandler, which logs exceptions at WARN or ERROR level.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can
     * use this to allow CamelContext and routes to startup in situations where a producer may
     * otherwise fail during starting and cause the route to fail being started. By deferring this
     * startup to be lazy then the startup failure can be handled during routing messages via
     * Camel's routing error handlers.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled: options marked as autowired (credentialsProvider) are looked
     * up in the registry when a single bean of their type exists.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Used for enabling or disabling all consumer based health checks from this component,
     * including the readiness check of the SIP port.
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component.
     */
    private Boolean healthCheckProducerEnabled = true;

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

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
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

    public Duration getKeepaliveInterval() {
        return keepaliveInterval;
    }

    public void setKeepaliveInterval(Duration keepaliveInterval) {
        this.keepaliveInterval = keepaliveInterval;
    }

    public Integer getKeepaliveTimeoutCount() {
        return keepaliveTimeoutCount;
    }

    public void setKeepaliveTimeoutCount(Integer keepaliveTimeoutCount) {
        this.keepaliveTimeoutCount = keepaliveTimeoutCount;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getFirstPartTimeout() {
        return firstPartTimeout;
    }

    public void setFirstPartTimeout(Duration firstPartTimeout) {
        this.firstPartTimeout = firstPartTimeout;
    }

    public Duration getControlResponseTimeout() {
        return controlResponseTimeout;
    }

    public void setControlResponseTimeout(Duration controlResponseTimeout) {
        this.controlResponseTimeout = controlResponseTimeout;
    }

    public Duration getPartIdleTimeout() {
        return partIdleTimeout;
    }

    public void setPartIdleTimeout(Duration partIdleTimeout) {
        this.partIdleTimeout = partIdleTimeout;
    }

    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }

    public Duration getRegisterExpiresMin() {
        return registerExpiresMin;
    }

    public void setRegisterExpiresMin(Duration registerExpiresMin) {
        this.registerExpiresMin = registerExpiresMin;
    }

    public Duration getRegisterExpiresMax() {
        return registerExpiresMax;
    }

    public void setRegisterExpiresMax(Duration registerExpiresMax) {
        this.registerExpiresMax = registerExpiresMax;
    }

    public Boolean getDigestQop() {
        return digestQop;
    }

    public void setDigestQop(Boolean digestQop) {
        this.digestQop = digestQop;
    }

    public Duration getNonceTtl() {
        return nonceTtl;
    }

    public void setNonceTtl(Duration nonceTtl) {
        this.nonceTtl = nonceTtl;
    }

    public Integer getAuthFailureLimit() {
        return authFailureLimit;
    }

    public void setAuthFailureLimit(Integer authFailureLimit) {
        this.authFailureLimit = authFailureLimit;
    }

    public Duration getAuthLockout() {
        return authLockout;
    }

    public void setAuthLockout(Duration authLockout) {
        this.authLockout = authLockout;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public Boolean getSipTrace() {
        return sipTrace;
    }

    public void setSipTrace(Boolean sipTrace) {
        this.sipTrace = sipTrace;
    }

    public String getSipTraceDevices() {
        return sipTraceDevices;
    }

    public void setSipTraceDevices(String sipTraceDevices) {
        this.sipTraceDevices = sipTraceDevices;
    }

    public Duration getOfflineDevicesWindow() {
        return offlineDevicesWindow;
    }

    public void setOfflineDevicesWindow(Duration offlineDevicesWindow) {
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

    public Duration getMediaTimeout() {
        return mediaTimeout;
    }

    public void setMediaTimeout(Duration mediaTimeout) {
        this.mediaTimeout = mediaTimeout;
    }

    public Integer getMediaSharedPort() {
        return mediaSharedPort;
    }

    public void setMediaSharedPort(Integer mediaSharedPort) {
        this.mediaSharedPort = mediaSharedPort;
    }

    public Boolean getMediaAnySource() {
        return mediaAnySource;
    }

    public void setMediaAnySource(Boolean mediaAnySource) {
        this.mediaAnySource = mediaAnySource;
    }

    public Boolean getMediaNativeTransport() {
        return mediaNativeTransport;
    }

    public void setMediaNativeTransport(Boolean mediaNativeTransport) {
        this.mediaNativeTransport = mediaNativeTransport;
    }

    public Gb28181Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181Configuration configuration) {
        this.configuration = configuration;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }
}
