package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;

import java.util.Map;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Turn the application into a GB/T 28181 video surveillance platform: cameras and NVRs register over
 * SIP with digest authentication and send keepalives, routes query them and subscribe to their
 * events, and registrations, online/offline changes, catalogs, alarms, positions and every other
 * MANSCDP message flow through routes.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181", title = "GB28181", syntax = "gb28181:kind",
        remote = true, category = { Category.NETWORKING, Category.IOT },
        headersClass = Gb28181Constants.class)
public class Gb28181Endpoint extends DefaultEndpoint
        implements AsyncEndpoint, EndpointServiceLocation, MultipleConsumersSupport {

    /**
     * What the endpoint does: the family of device events it consumes (register, keepalive, status,
     * catalog, alarm, mobileposition, message) or the commands it sends (query, subscribe).
     */
    @UriPath(enums = "register,keepalive,status,catalog,alarm,mobileposition,message,query,subscribe")
    @Metadata(required = true)
    private final Gb28181Kind kind;

    /**
     * The 20-digit device ID: a consumer receives only this device's events (all devices when not
     * set); a producer sends to this device unless the CamelGb28181DeviceId header names another.
     */
    @UriParam
    private String deviceId;

    /**
     * The channel (camera, alarm input) a query is about: it becomes the query's DeviceID. The
     * CamelGb28181ChannelId header wins.
     */
    @UriParam(label = "producer")
    private String channelId;

    /**
     * The query to send (GB/T 28181-2016 §9.5, 2022 additions); the CamelGb28181CmdType header wins, a
     * ManscdpQuery body wins over both.
     */
    @UriParam(label = "producer", enums = "Catalog,DeviceInfo,DeviceStatus,RecordInfo,Alarm,ConfigDownload,"
            + "PresetQuery,MobilePosition,HomePositionQuery,CruiseTrackListQuery,CruiseTrackQuery,PTZPosition,"
            + "SDCardStatus")
    private String cmd;

    /** RecordInfo and Alarm queries: the start of the time range, ISO-8601 (2024-01-31T08:00:00). */
    @UriParam(label = "producer")
    private String startTime;

    /** RecordInfo and Alarm queries: the end of the time range, ISO-8601 (2024-01-31T09:00:00). */
    @UriParam(label = "producer")
    private String endTime;

    /** RecordInfo query: the record type. */
    @UriParam(label = "producer", enums = "all,time,alarm,manual")
    private String type;

    /** RecordInfo query: the file path. */
    @UriParam(label = "producer")
    private String filePath;

    /** RecordInfo query: the recording address. */
    @UriParam(label = "producer")
    private String address;

    /** RecordInfo query: the secrecy, 0 not secret or 1 secret. */
    @UriParam(label = "producer")
    private Integer secrecy;

    /** RecordInfo query: the ID of the recorder that made the records. */
    @UriParam(label = "producer")
    private String recorderId;

    /** Alarm query: the lowest alarm priority, 0 all or 1-4. */
    @UriParam(label = "producer")
    private String startAlarmPriority;

    /** Alarm query: the highest alarm priority, 0 all or 1-4. */
    @UriParam(label = "producer")
    private String endAlarmPriority;

    /**
     * Alarm query and subscription: the alarm method, 0 all, 1 phone, 2 device, 3 SMS, 4 GPS, 5 video,
     * 6 device fault, 7 other.
     */
    @UriParam(label = "producer")
    private String alarmMethod;

    /** Alarm query and subscription: the alarm type (GB/T 28181-2016 Annex A.2.5). */
    @UriParam(label = "producer")
    private String alarmType;

    /**
     * ConfigDownload query: the configuration types, e.g. BasicParam, VideoParamOpt, SVACEncodeConfig,
     * SVACDecodeConfig, several separated by /.
     */
    @UriParam(label = "producer")
    private String configType;

    /** MobilePosition query and subscription: the reporting interval in seconds. */
    @UriParam(label = "producer")
    private Integer interval;

    /** The event a subscribe endpoint subscribes to; the CamelGb28181Event header wins. */
    @UriParam(label = "producer", enums = "Catalog,Alarm,MobilePosition")
    private String event;

    /**
     * The lifetime in seconds a subscribe endpoint asks for (SIP Expires); the platform renews it
     * before it ends, until the route stops.
     */
    @UriParam(label = "producer", defaultValue = "3600")
    private int expires = 3600;

    /**
     * The number of threads that route the events of this endpoint. The events of one device always
     * go to the same thread, so they reach the route in the order the platform saw them.
     */
    @UriParam(label = "consumer", defaultValue = "4")
    private int concurrentConsumers = 4;

    /**
     * How many events may wait per routing thread. When a thread's queue is full, new events for it
     * are dropped, logged and counted (droppedEvents in JMX) so that a stalled route never holds up
     * the SIP side.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "10000")
    private int eventQueueSize = 10_000;

    public Gb28181Endpoint(String uri, Gb28181Component component, Gb28181Kind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public Gb28181Component getComponent() {
        return (Gb28181Component) super.getComponent();
    }

    /** The producer of a producer kind; a consumer kind refuses with a message that says where it belongs. */
    @Override
    public Producer createProducer() {
        return switch (kind) {
            case QUERY -> new Gb28181QueryProducer(this);
            case SUBSCRIBE -> new Gb28181SubscribeProducer(this);
            default -> throw new UnsupportedOperationException("gb28181:" + kind
                    + " is consumer-only; use it in from(\"gb28181:" + kind + "\"), not in to(...)");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!kind.isConsumer()) {
            throw new UnsupportedOperationException("gb28181:" + kind + " is producer-only; use it in to(\"gb28181:"
                    + kind + "\"), not in from(...)");
        }
        if (concurrentConsumers < 1 || eventQueueSize < 1) {
            throw new IllegalArgumentException("gb28181:" + kind
                    + " needs concurrentConsumers and eventQueueSize of at least 1");
        }
        Gb28181Consumer consumer = new Gb28181Consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Every consumer listens to the platform on its own, so several routes may consume one URI. */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    public String getServiceUrl() {
        Gb28181Configuration configuration = getComponent().getConfiguration();
        String host = configuration.getAdvertisedHost() != null ? configuration.getAdvertisedHost()
                : configuration.getHost();
        Gb28181Platform platform = getComponent().platformOrNull();
        int port = platform != null && platform.isSipBound() ? platform.sipPort() : configuration.getPort();
        return host + ":" + port;
    }

    @Override
    public String getServiceProtocol() {
        return "sip";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("sipId", getComponent().getConfiguration().getSipId(),
                "transports", getComponent().getConfiguration().getTransports());
    }

    public Gb28181Kind getKind() {
        return kind;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getEventQueueSize() {
        return eventQueueSize;
    }

    public void setEventQueueSize(int eventQueueSize) {
        this.eventQueueSize = eventQueueSize;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getCmd() {
        return cmd;
    }

    public void setCmd(String cmd) {
        this.cmd = cmd;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFilePath() {
        return filePath;
    }

    public void setFilePath(String filePath) {
        this.filePath = filePath;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Integer secrecy) {
        this.secrecy = secrecy;
    }

    public String getRecorderId() {
        return recorderId;
    }

    public void setRecorderId(String recorderId) {
        this.recorderId = recorderId;
    }

    public String getStartAlarmPriority() {
        return startAlarmPriority;
    }

    public void setStartAlarmPriority(String startAlarmPriority) {
        this.startAlarmPriority = startAlarmPriority;
    }

    public String getEndAlarmPriority() {
        return endAlarmPriority;
    }

    public void setEndAlarmPriority(String endAlarmPriority) {
        this.endAlarmPriority = endAlarmPriority;
    }

    public String getAlarmMethod() {
        return alarmMethod;
    }

    public void setAlarmMethod(String alarmMethod) {
        this.alarmMethod = alarmMethod;
    }

    public String getAlarmType() {
        return alarmType;
    }

    public void setAlarmType(String alarmType) {
        this.alarmType = alarmType;
    }

    public String getConfigType() {
        return configType;
    }

    public void setConfigType(String configType) {
        this.configType = configType;
    }

    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public int getExpires() {
        return expires;
    }

    public void setExpires(int expires) {
        this.expires = expires;
    }
}
