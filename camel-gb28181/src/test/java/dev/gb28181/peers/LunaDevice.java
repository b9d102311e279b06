package dev.gb28181.peers;

import dev.gb28181.sip.Transport;
import gov.nist.javax.sip.SipStackImpl;
import io.github.lunasaw.gb28181.common.entity.control.DeviceConfigControl;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlAlarm;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlDragIn;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlDragOut;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlGuard;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlIFame;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlPosition;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlPtz;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlRecordCmd;
import io.github.lunasaw.gb28181.common.entity.control.DeviceControlTeleBoot;
import io.github.lunasaw.gb28181.common.entity.notify.DeviceAlarmNotify;
import io.github.lunasaw.gb28181.common.entity.notify.DeviceBroadcastNotify;
import io.github.lunasaw.gb28181.common.entity.notify.DeviceUpdateItem;
import io.github.lunasaw.gb28181.common.entity.notify.MobilePositionNotify;
import io.github.lunasaw.gb28181.common.entity.query.DeviceAlarmQuery;
import io.github.lunasaw.gb28181.common.entity.query.DeviceConfigDownload;
import io.github.lunasaw.gb28181.common.entity.query.DeviceQuery;
import io.github.lunasaw.gb28181.common.entity.query.DeviceRecordQuery;
import io.github.lunasaw.gb28181.common.entity.query.MobilePositionQuery;
import io.github.lunasaw.gb28181.common.entity.query.PresetQuery;
import io.github.lunasaw.gb28181.common.entity.response.ConfigDownloadResponse;
import io.github.lunasaw.gb28181.common.entity.response.DeviceConfigResponse;
import io.github.lunasaw.gb28181.common.entity.response.DeviceInfo;
import io.github.lunasaw.gb28181.common.entity.response.DeviceItem;
import io.github.lunasaw.gb28181.common.entity.response.DeviceRecord;
import io.github.lunasaw.gb28181.common.entity.response.DeviceResponse;
import io.github.lunasaw.gb28181.common.entity.response.DeviceStatus;
import io.github.lunasaw.gb28181.common.entity.response.DeviceSubscribe;
import io.github.lunasaw.gb28181.common.entity.response.PresetQueryResponse;
import io.github.lunasaw.gbproxy.client.config.SipProxyClientAutoConfig;
import io.github.lunasaw.gbproxy.client.transmit.cmd.ClientCommandSender;
import io.github.lunasaw.gbproxy.client.transmit.cmd.ClientSendCmd;
import io.github.lunasaw.gbproxy.client.transmit.request.message.MessageClientHandlerAbstract;
import io.github.lunasaw.gbproxy.client.transmit.request.message.MessageRequestHandler;
import io.github.lunasaw.gbproxy.client.transmit.request.message.handler.control.DeviceControlMessageHandler;
import io.github.lunasaw.gbproxy.client.transmit.request.message.handler.control.DeviceControlRequestHandler;
import io.github.lunasaw.gbproxy.client.transmit.request.subscribe.SubscribeRequestHandler;
import io.github.lunasaw.gbproxy.client.transmit.request.subscribe.catalog.SubscribeCatalogQueryMessageHandler;
import io.github.lunasaw.gbproxy.client.transmit.response.register.RegisterProcessorHandler;
import io.github.lunasaw.sip.common.conf.SipProxyAutoConfig;
import io.github.lunasaw.sip.common.entity.Device;
import io.github.lunasaw.sip.common.entity.DeviceSession;
import io.github.lunasaw.sip.common.entity.FromDevice;
import io.github.lunasaw.sip.common.entity.ToDevice;
import io.github.lunasaw.sip.common.layer.SipLayer;
import io.github.lunasaw.sip.common.service.ClientDeviceSupplier;
import io.github.lunasaw.sip.common.subscribe.SubscribeInfo;
import io.github.lunasaw.sip.common.transmit.CustomerSipListener;
import io.github.lunasaw.sip.common.utils.XmlUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;

import javax.sip.RequestEvent;
import javax.sip.SipFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An independent GB/T 28181 device in the test JVM: {@code io.github.lunasaw:gb28181-client:1.2.5}, a
 * JAIN-SIP based device library the project did not write, run in the smallest Spring context it
 * accepts. It registers with digest (§9.1), sends keepalives (§9.6) and alarms (§9.4, A.2.5.1), and
 * answers the platform's queries (§9.5, A.2.4) from the data set on this helper; catalog and record
 * answers go out in 20-item parts (Annex N) through the library's own splitter.
 *
 * <p>Quirks of the library that shape this helper (all as found in 1.2.5):
 * <ul>
 * <li>Its stock Catalog and RecordInfo handlers send all items in one MESSAGE; only its helpers
 * {@code ClientSendCmd.deviceChannelCatalogResponse(.., sn)} and {@code deviceRecordResponse(.., sn)}
 * split into 20-item parts, so this helper installs handlers that call those.</li>
 * <li>It has no handler for the platform's {@code Response/Alarm} (§9.4): the stock device does
 * not even answer the MESSAGE. This helper adds one that answers 200 and records the body.</li>
 * <li>Its catalog SUBSCRIBE handler registers under the method {@code null}, so the stock device
 * never answers a SUBSCRIBE; this helper registers it under {@code SUBSCRIBE}. Its NOTIFY is outside
 * the dialog: a new Call-ID, its global From tag, no To tag, no Event and no Subscription-State.</li>
 * <li>It builds a JAXB context per message; the first ones take seconds, long enough for the
 * platform to retransmit over UDP (it then answered each retransmission of a SUBSCRIBE with its own
 * 200). This helper warms them up at start.</li>
 * <li>It cannot read the platform's GB {@code Date} header ({@code yyyy-MM-dd'T'HH:mm:ss.SSS},
 * §9.1.2.1): JAIN-SIP parses Date as RFC 1123, so it skips its time sync.</li>
 * <li>Its SIP layer, handler tables and stack factory are static: one instance per JVM at a time,
 * so tests using it hold the JUnit resource lock {@link #LOCK}. Its shutdown flag is never reset,
 * which this helper does before each start.</li>
 * <li>Keepalives are not scheduled by the library: {@link #keepalive()} sends one.</li>
 * <li>It writes UTF-8 XML only, and its digest {@code username} is the platform ID. It decodes
 * every body it receives in its own charset (UTF-8 here), whatever the XML prolog declares: the
 * platform must have learnt the device's charset (from its keepalive) before sending it non-ASCII
 * text.</li>
 * <li>It answers every DeviceControl (§9.3, A.2.3) with 200 only: it never sends the Response the
 * standard asks for RecordCmd, GuardCmd, AlarmCmd and HomePosition (A.2.6, J.7). Its stock handler
 * hands the parsed command to a {@code DeviceControlRequestHandler} bean, which it does not provide;
 * this helper's records the commands and the bodies as received.</li>
 * <li>It has no handler for DeviceConfig: the stock device does not even answer the MESSAGE, so
 * the platform sees a timeout. This helper adds one that answers 200, records the body and sends a
 * {@code DeviceConfig} Response, Result OK, with the command's SN (A.2.6).</li>
 * </ul>
 */
final class LunaDevice implements AutoCloseable {

    /** The JUnit resource lock of every test class that starts a {@link LunaDevice}. */
    static final String LOCK = "lunasaw-gb28181-client";

    private static final String HOST = "127.0.0.1";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final String deviceId;
    private final String platformId;
    private final InetSocketAddress platform;
    private final String password;
    private final Transport transport;

    private volatile List<DeviceItem> catalog = List.of();
    private volatile List<DeviceRecord.RecordItem> records = List.of();
    private volatile DeviceInfo deviceInfo;
    private volatile PresetQueryResponse presets;
    private final Queue<String> platformResponses = new ConcurrentLinkedQueue<>();
    private final Queue<String> controlBodies = new ConcurrentLinkedQueue<>();
    private final Queue<Object> controls = new ConcurrentLinkedQueue<>();
    private final AtomicReference<SubscribeInfo> catalogSubscription = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> registration = new AtomicReference<>();

    private AnnotationConfigApplicationContext context;
    private FromDevice self;
    private ToDevice upper;
    private int port;

    private LunaDevice(String deviceId, String platformId, InetSocketAddress platform, String password,
            Transport transport) {
        this.deviceId = deviceId;
        this.platformId = platformId;
        this.platform = platform;
        this.password = password;
        this.transport = transport;
        this.deviceInfo = new DeviceInfo("DeviceInfo", null, deviceId);
        deviceInfo.setDeviceName("luna-device");
        deviceInfo.setManufacturer("lunasaw");
        deviceInfo.setModel("gb28181-client");
        deviceInfo.setFirmware("1.2.5");
        deviceInfo.setResult("OK");
        deviceInfo.setChannel(0);
    }

    /** Starts the device's Spring context and SIP stack on a free loopback port; it does not register yet. */
    static LunaDevice start(String deviceId, String platformId, InetSocketAddress platform, String password) {
        return start(deviceId, platformId, platform, password, Transport.UDP);
    }

    /** As {@link #start(String, String, InetSocketAddress, String)}, talking to the platform over {@code transport}. */
    static LunaDevice start(String deviceId, String platformId, InetSocketAddress platform, String password,
            Transport transport) {
        LunaDevice device = new LunaDevice(deviceId, platformId, platform, password, transport);
        device.start();
        return device;
    }

    private void start() {
        resetShutdownFlag();
        port = freeLocalPort();
        context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("luna", Map.of(
                "spring.boot.enableautoconfiguration", "false",
                "sip.client.enabled", "true",
                "sip.client.client-id", deviceId,
                "sip.client.domain", HOST,
                "sip.client.port", Integer.toString(port),
                "sip.common.time-sync.enabled", "false",
                "sip.gb28181.time-sync.enabled", "false")));
        context.register(LunaContext.class);
        Answers answers = new Answers();
        // One bean for the library's query, subscribe, register and device control callbacks.
        context.registerBean("lunaAnswers", Answers.class, () -> answers, bd -> bd.setPrimary(true));
        Peers peers = new Peers();
        context.registerBean(ClientDeviceSupplier.class, () -> peers, bd -> bd.setPrimary(true));
        // Same bean names as the stock handlers, so component scanning keeps these instead.
        context.registerBean("catalogQueryMessageClientHandler", SplitCatalogHandler.class,
                () -> new SplitCatalogHandler(answers));
        context.registerBean("recordInfoQueryMessageClientHandler", SplitRecordHandler.class,
                () -> new SplitRecordHandler(answers));
        context.registerBean(AlarmResultHandler.class, () -> new AlarmResultHandler(answers));
        context.registerBean("deviceControlMessageHandler", RecordingControlHandler.class,
                () -> new RecordingControlHandler(answers));
        context.registerBean(ConfigHandler.class, () -> new ConfigHandler(answers));
        context.registerBean("subscribeCatalogQueryMessageHandler", CatalogSubscribeHandler.class,
                () -> new CatalogSubscribeHandler(answers, peers));
        context.refresh();
        warmUp();
        // The library's SipLayer has no listener of its own: hand it the one its processors were added to.
        context.getBean(SipLayer.class).addListeningPoint(HOST, port, CustomerSipListener.getInstance(), false);
        self = peers.getClientFromDevice();
        upper = peers.getToDevice(platformId);
    }

    String deviceId() {
        return deviceId;
    }

    /** The device's SIP address (UDP and TCP). */
    InetSocketAddress address() {
        return new InetSocketAddress(HOST, port);
    }

    /** REGISTER (answering the digest challenge) and waits for the 200. */
    void register() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        registration.set(done);
        ClientSendCmd.deviceRegister(self, upper, 3600);
        done.orTimeout(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** One keepalive MESSAGE (Notify/Keepalive, status OK). */
    void keepalive() {
        ClientCommandSender.sendKeepaliveCommand(self, upper, "OK");
    }

    /** One Notify/Alarm MESSAGE (A.2.5.1) with this SN, priority, method and type. */
    void alarm(String sn, String priority, String method, String type, String time) {
        DeviceAlarmNotify alarm = new DeviceAlarmNotify("Alarm", sn, deviceId);
        alarm.setAlarmPriority(priority);
        alarm.setAlarmMethod(method);
        alarm.setAlarmTime(time);
        alarm.setInfo(new DeviceAlarmNotify.AlarmInfo(type));
        ClientSendCmd.deviceAlarmNotify(self, upper, alarm);
    }

    /** The channels the device answers a Catalog query with. */
    LunaDevice catalog(List<DeviceItem> items) {
        catalog = List.copyOf(items);
        return this;
    }

    /** The records the device answers any RecordInfo query with. */
    LunaDevice records(List<DeviceRecord.RecordItem> items) {
        records = List.copyOf(items);
        return this;
    }

    /** The presets (ID to name, in order) the device answers a PresetQuery with. */
    LunaDevice presets(Map<String, String> presetNames) {
        List<PresetQueryResponse.PresetItem> items = presetNames.entrySet().stream()
                .map(e -> new PresetQueryResponse.PresetItem(e.getKey(), e.getValue())).toList();
        presets = new PresetQueryResponse(null, deviceId, new PresetQueryResponse.PresetList(items.size(), items));
        return this;
    }

    /** Response bodies the platform sent to the device (e.g. Response/Alarm), in arrival order. */
    List<String> platformResponses() {
        return List.copyOf(platformResponses);
    }

    /** The DeviceControl and DeviceConfig bodies the device received, as it decoded them, in arrival order. */
    List<String> controlBodies() {
        return List.copyOf(controlBodies);
    }

    /**
     * The commands as the library parsed them, in arrival order: its {@code DeviceControlPtz},
     * {@code DeviceControlTeleBoot}, {@code DeviceControlGuard}, {@code DeviceControlRecordCmd}, ...
     * and {@code DeviceConfigControl}.
     */
    List<Object> controls() {
        return List.copyOf(controls);
    }

    /** Whether the platform's catalog subscription (SUBSCRIBE, Event: Catalog) reached the device. */
    boolean subscribed() {
        return catalogSubscription.get() != null;
    }

    /** A catalog NOTIFY in the platform's subscription dialog, with items carrying their {@code <Event>}. */
    void notifyCatalog(List<DeviceUpdateItem> items) {
        SubscribeInfo subscription = catalogSubscription.get();
        if (subscription == null) {
            throw new IllegalStateException("the platform has not subscribed to " + deviceId + "'s catalog");
        }
        ClientSendCmd.deviceChannelUpdateCatlog(self, upper, items, subscription);
    }

    /** A channel item as the library builds it. */
    static DeviceItem channel(String channelId, String name) {
        DeviceItem item = new DeviceItem();
        item.setDeviceId(channelId);
        item.setName(name);
        item.setManufacturer("lunasaw");
        item.setModel("IPC");
        item.setOwner("Owner");
        item.setCivilCode("340200");
        item.setAddress("Address");
        item.setParental(0);
        item.setParentId("34020000001320000001");
        item.setStatus("ON");
        return item;
    }

    @Override
    public void close() {
        if (context == null) {
            return;
        }
        // The library's SipLayer only forgets its providers: stop the stack and free the ports here.
        SipStackImpl stack = (SipStackImpl) SipLayer.getUdpSipProvider().getSipStack();
        context.close();
        stack.stop();
        SipFactory.getInstance().resetFactory();
        context = null;
    }

    /**
     * The library makes a new JAXB context per message and the first ones take seconds: build them
     * now, so that its first answers do not race the platform's request timeout on a busy machine.
     */
    private void warmUp() {
        XmlUtils.parseObj("<Query><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>" + deviceId
                + "</DeviceID></Query>", DeviceQuery.class);
        XmlUtils.parseObj("<Query><CmdType>RecordInfo</CmdType><SN>1</SN><DeviceID>" + deviceId
                + "</DeviceID></Query>", DeviceRecordQuery.class);
        XmlUtils.parseObj("<Control><CmdType>DeviceConfig</CmdType><SN>1</SN><DeviceID>" + deviceId
                + "</DeviceID></Control>", DeviceConfigControl.class);
        XmlUtils.parseObj("<Control><CmdType>DeviceControl</CmdType><SN>1</SN><DeviceID>" + deviceId
                + "</DeviceID></Control>", DeviceControlPtz.class);
        for (Object body : List.of(new DeviceResponse("Catalog", "1", deviceId), deviceInfo,
                new DeviceStatus("DeviceStatus", "1", deviceId), new DeviceRecord("RecordInfo", "1", deviceId),
                new PresetQueryResponse(), new DeviceSubscribe("Catalog", "1", deviceId),
                new DeviceAlarmNotify("Alarm", "1", deviceId), new DeviceConfigResponse("1", deviceId, "OK"))) {
            XmlUtils.toString("UTF-8", body);
        }
    }

    private static void resetShutdownFlag() {
        try {
            Field flag = SipLayer.class.getDeclaredField("isShuttingDown");
            flag.setAccessible(true);
            flag.setBoolean(null, false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("gb28181-client's SipLayer changed: cannot restart it", e);
        }
    }

    /** A port free for both UDP and TCP on loopback, as the library binds both. */
    private static int freeLocalPort() {
        try {
            InetAddress address = InetAddress.getByName(HOST);
            while (true) {
                try (ServerSocket tcp = new ServerSocket(0, 1, address)) {
                    try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()))) {
                        return udp.getLocalPort();
                    } catch (SocketException taken) {
                        // the UDP port is in use: draw another
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The library's SIP and client auto-configurations without Spring Boot's auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties
    @Import({SipProxyAutoConfig.class, SipProxyClientAutoConfig.class})
    static class LunaContext {
    }

    /** The device itself (From) and its one upper platform, as the library looks them up. */
    private final class Peers implements ClientDeviceSupplier {

        private final FromDevice from = FromDevice.getInstance(deviceId, HOST, 0);

        Peers() {
            from.setPort(port);
            from.setHostAddress(HOST + ":" + port);
            from.setCharset("UTF-8");
            from.setTransport(transport.name());
        }

        @Override
        public FromDevice getClientFromDevice() {
            return from;
        }

        @Override
        public void setClientFromDevice(FromDevice fromDevice) {
            throw new UnsupportedOperationException("the test device's identity is fixed");
        }

        @Override
        public Device getDevice(String userId) {
            if (!platformId.equals(userId)) {
                return null;
            }
            ToDevice to = ToDevice.getInstance(platformId, platform.getHostString(), platform.getPort());
            to.setHostAddress(platform.getHostString() + ":" + platform.getPort());
            to.setPassword(password);
            to.setRealm(platformId.substring(0, 10));
            to.setCharset("UTF-8");
            to.setTransport(transport.name());
            return to;
        }
    }

    /** What the device answers, from this helper's data; also the library's register and subscribe callbacks. */
    private final class Answers implements MessageRequestHandler, SubscribeRequestHandler, RegisterProcessorHandler,
            DeviceControlRequestHandler {

        List<DeviceItem> catalog() {
            return catalog;
        }

        List<DeviceRecord.RecordItem> records() {
            return records;
        }

        void platformResponse(String xml) {
            platformResponses.add(xml);
        }

        void controlBody(String xml) {
            controlBodies.add(xml);
        }

        void control(Object command) {
            controls.add(command);
        }

        @Override
        public void handlePtzCmd(DeviceControlPtz command) {
            control(command);
        }

        @Override
        public void handleTeleBoot(DeviceControlTeleBoot command) {
            control(command);
        }

        @Override
        public void handleRecordCmd(DeviceControlRecordCmd command) {
            control(command);
        }

        @Override
        public void handleGuardCmd(DeviceControlGuard command) {
            control(command);
        }

        @Override
        public void handleAlarmCmd(DeviceControlAlarm command) {
            control(command);
        }

        @Override
        public void handleIFameCmd(DeviceControlIFame command) {
            control(command);
        }

        @Override
        public void handleDragZoomIn(DeviceControlDragIn command) {
            control(command);
        }

        @Override
        public void handleDragZoomOut(DeviceControlDragOut command) {
            control(command);
        }

        @Override
        public void handleHomePosition(DeviceControlPosition command) {
            control(command);
        }

        @Override
        public void registerSuccess(String userId) {
            CompletableFuture<Void> done = registration.get();
            if (done != null) {
                done.complete(null);
            }
        }

        @Override
        public void handleRegisterFailure(String toUserId, int statusCode) {
            CompletableFuture<Void> done = registration.get();
            if (done != null) {
                done.completeExceptionally(new IllegalStateException("REGISTER answered " + statusCode));
            }
        }

        @Override
        public void putSubscribe(String id, SubscribeInfo info) {
            catalogSubscription.set(info);
        }

        @Override
        public DeviceSubscribe getDeviceSubscribe(DeviceQuery query) {
            DeviceSubscribe answer = new DeviceSubscribe("Catalog", query.getSn(), deviceId);
            answer.setResult("OK");
            return answer;
        }

        @Override
        public DeviceRecord getDeviceRecord(DeviceRecordQuery query) {
            throw new UnsupportedOperationException("record answers go through SplitRecordHandler");
        }

        @Override
        public DeviceStatus getDeviceStatus(String userId) {
            DeviceStatus status = new DeviceStatus("DeviceStatus", null, deviceId);
            status.setOnline("ONLINE");
            status.setStatus("OK");
            return status;
        }

        @Override
        public DeviceInfo getDeviceInfo(String userId) {
            DeviceInfo info = deviceInfo;
            info.setChannel(catalog.size());
            return info;
        }

        @Override
        public DeviceResponse getDeviceItem(String userId) {
            throw new UnsupportedOperationException("catalog answers go through SplitCatalogHandler");
        }

        @Override
        public void broadcastNotify(DeviceBroadcastNotify notify) {
            // not exercised
        }

        @Override
        public DeviceAlarmNotify getDeviceAlarmNotify(DeviceAlarmQuery query) {
            return null;
        }

        @Override
        public DeviceConfigResponse getDeviceConfigResponse(DeviceConfigDownload download) {
            return null;
        }

        @Override
        public <T> void deviceControl(T control) {
            // not called by the library's DeviceControl handler, which uses DeviceControlRequestHandler
        }

        @Override
        public PresetQueryResponse getDevicePresetQueryResponse(PresetQuery query) {
            return presets;
        }

        @Override
        public PresetQueryResponse getPresetQueryResponse(String userId) {
            PresetQueryResponse answer = presets;
            return answer == null ? new PresetQueryResponse(null, deviceId, null) : answer;
        }

        @Override
        public ConfigDownloadResponse getConfigDownloadResponse(String userId, String configType) {
            return null;
        }

        @Override
        public MobilePositionNotify getMobilePositionNotify(MobilePositionQuery query) {
            return null;
        }
    }

    /** Query/Catalog answered in 20-item parts by the library's own splitter. */
    static final class SplitCatalogHandler extends MessageClientHandlerAbstract {

        private final Answers answers;

        SplitCatalogHandler(Answers answers) {
            super(answers);
            this.answers = answers;
        }

        @Override
        public String getRootType() {
            return "Query";
        }

        @Override
        public String getCmdType() {
            return "Catalog";
        }

        @Override
        public void handForEvt(RequestEvent event) {
            DeviceSession session = getDeviceSession(event);
            DeviceQuery query = parseXml(DeviceQuery.class);
            ClientSendCmd.deviceChannelCatalogResponse(session.getFromDevice(), session.getToDevice(),
                    answers.catalog(), query.getSn());
        }
    }

    /** Query/RecordInfo answered in 20-item parts by the library's own splitter. */
    static final class SplitRecordHandler extends MessageClientHandlerAbstract {

        private final Answers answers;

        SplitRecordHandler(Answers answers) {
            super(answers);
            this.answers = answers;
        }

        @Override
        public String getRootType() {
            return "Query";
        }

        @Override
        public String getCmdType() {
            return "RecordInfo";
        }

        @Override
        public void handForEvt(RequestEvent event) {
            DeviceSession session = getDeviceSession(event);
            DeviceRecordQuery query = parseXml(DeviceRecordQuery.class);
            List<DeviceRecord.RecordItem> items = new ArrayList<>(answers.records());
            ClientSendCmd.deviceRecordResponse(session.getFromDevice(), session.getToDevice(), items, query.getSn());
        }
    }

    /** The library's catalog SUBSCRIBE handler, registered under the method it serves. */
    static final class CatalogSubscribeHandler extends SubscribeCatalogQueryMessageHandler {

        CatalogSubscribeHandler(SubscribeRequestHandler handler, ClientDeviceSupplier peers) {
            super(handler, peers);
        }

        @Override
        public String getMethod() {
            return "SUBSCRIBE";
        }
    }

    /** The library's DeviceControl handler, recording each body as the library decoded it before handling it. */
    static final class RecordingControlHandler extends DeviceControlMessageHandler {

        private final Answers answers;

        RecordingControlHandler(Answers answers) {
            super(answers);
            this.answers = answers;
            setDeviceControlRequestHandler(answers);
        }

        @Override
        public void handForEvt(RequestEvent event) {
            answers.controlBody(getXmlStr());
            super.handForEvt(event);
        }
    }

    /**
     * Control/DeviceConfig (§9.3, A.2.3), which the library does not handle: answered 200 (by the
     * library), recorded, then answered with a DeviceConfig Response, Result OK, same SN (A.2.6).
     */
    static final class ConfigHandler extends MessageClientHandlerAbstract {

        private final Answers answers;

        ConfigHandler(Answers answers) {
            super(answers);
            this.answers = answers;
        }

        @Override
        public String getRootType() {
            return "Control";
        }

        @Override
        public String getCmdType() {
            return "DeviceConfig";
        }

        @Override
        public void handForEvt(RequestEvent event) {
            answers.controlBody(getXmlStr());
            DeviceConfigControl config = parseXml(DeviceConfigControl.class);
            answers.control(config);
            DeviceSession session = getDeviceSession(event);
            ClientSendCmd.deviceConfigResponse(session.getFromDevice(), session.getToDevice(),
                    new DeviceConfigResponse(config.getSn(), config.getDeviceId(), "OK"));
        }
    }

    /** The platform's Response/Alarm (§9.4): answered 200 (by the library) and recorded. */
    static final class AlarmResultHandler extends MessageClientHandlerAbstract {

        private final Answers answers;

        AlarmResultHandler(Answers answers) {
            super(answers);
            this.answers = answers;
        }

        @Override
        public String getRootType() {
            return "Response";
        }

        @Override
        public String getCmdType() {
            return "Alarm";
        }

        @Override
        public void handForEvt(RequestEvent event) {
            answers.platformResponse(getXmlStr());
        }
    }
}
