package dev.gb28181.peers;

import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.CatalogQuery;
import dev.gb28181.manscdp.CatalogResponse;
import dev.gb28181.manscdp.DeviceInfoQuery;
import dev.gb28181.manscdp.DeviceInfoResponse;
import dev.gb28181.manscdp.DeviceStatusQuery;
import dev.gb28181.manscdp.DeviceStatusResponse;
import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.PresetItem;
import dev.gb28181.manscdp.PresetQuery;
import dev.gb28181.manscdp.PresetQueryResponse;
import dev.gb28181.manscdp.RecordInfoQuery;
import dev.gb28181.manscdp.RecordInfoResponse;
import dev.gb28181.manscdp.RecordItem;
import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.platform.AlarmEvent;
import dev.gb28181.platform.CatalogEvent;
import dev.gb28181.platform.Device;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.platform.PlatformEvent;
import dev.gb28181.platform.Subscription;
import dev.gb28181.sip.Transport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's MANSCDP exchanges played against sipp 3.6, a SIP implementation the project did
 * not write, as a GB/T 28181-2016 device: queries (§9.5, A.2.4) answered in Annex N parts, lost or
 * duplicated, an alarm (§9.4) and a catalog subscription (§9.11, RFC 6665) in its dialog.
 */
class SippQueryTest {

    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String DOMAIN = "3402000000";
    private static final String PASSWORD = "gb28181-sipp";
    private static final String HOST = "127.0.0.1";
    private static final String DEVICE_ID = "34020000001320000099";
    private static final Duration PART_IDLE = Duration.ofMillis(500);
    private static final Duration FIRST_PART = Duration.ofSeconds(4);
    private static final Duration ANSWER = Duration.ofSeconds(10);

    @TempDir
    Path work;

    private final Queue<PlatformEvent> events = new ConcurrentLinkedQueue<>();
    private Gb28181Platform platform;

    @BeforeEach
    void startPlatform() {
        platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID).host(HOST).port(0).password(PASSWORD)
                .requestTimeout(Duration.ofSeconds(3))
                .firstPartTimeout(FIRST_PART)
                .partIdleTimeout(PART_IDLE));
        platform.addListener(events::add);
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void catalogOfThousandChannelsInTwentyItemPartsIsOneAnswer(Transport transport) throws Exception {
        Sipp.Running sipp = sipp(SippScenario.device(PLATFORM_ID, DOMAIN).awaitHandled(1),
                SippScenario.outOfCall(PLATFORM_ID, DOMAIN).answerCatalogInLoop(DEVICE_ID, 50, 20), transport);
        awaitRegistered();

        ManscdpMessage answer = platform.query(DEVICE_ID, new CatalogQuery()).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        List<String> channels = IntStream.rangeClosed(1, 50).boxed()
                .flatMap(q -> IntStream.rangeClosed(1, 20).mapToObj(k -> SippScenario.loopChannel(q, k)))
                .toList();
        assertThat(answer).isInstanceOfSatisfying(CatalogResponse.class, catalog -> {
            assertThat(catalog.getSumNum()).isEqualTo(1_000);
            assertThat(catalog.getComplete()).isTrue();
            assertThat(catalog.getReceived()).isEqualTo(1_000);
            assertThat(catalog.items()).extracting(CatalogItem::getDeviceId).containsExactlyInAnyOrderElementsOf(channels);
        });
        assertThat(catalogEvents()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(CatalogEvent.QUERY);
            assertThat(e.complete()).isTrue();
            assertThat(e.received()).isEqualTo(1_000);
        });
    }

    @Test
    void lostPartCompletesIncompleteAfterPartIdleTimeout() throws Exception {
        List<String> parts = catalogParts(100, 20);
        parts.remove(2);

        long start = System.nanoTime();
        CatalogResponse catalog = (CatalogResponse) queryAnsweredWith(new CatalogQuery(), "Catalog", parts);

        // partIdleTimeout after the last part, not the (longer) firstPartTimeout
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(PART_IDLE, FIRST_PART.minusSeconds(1));
        assertThat(catalog.getSumNum()).isEqualTo(100);
        assertThat(catalog.getComplete()).isFalse();
        assertThat(catalog.getReceived()).isEqualTo(80);
        assertThat(catalog.items()).hasSize(80).extracting(CatalogItem::getDeviceId)
                .doesNotContainAnyElementsOf(channels(100).subList(40, 60));
        assertThat(catalogEvents()).singleElement().satisfies(e -> {
            assertThat(e.complete()).isFalse();
            assertThat(e.sumNum()).isEqualTo(100);
            assertThat(e.received()).isEqualTo(80);
        });
    }

    @Test
    void duplicatedPartIsCountedOnce() throws Exception {
        List<String> parts = catalogParts(100, 20);
        parts.add(2, parts.get(1));

        CatalogResponse catalog = (CatalogResponse) queryAnsweredWith(new CatalogQuery(), "Catalog", parts);

        assertThat(catalog.getComplete()).isTrue();
        assertThat(catalog.getReceived()).isEqualTo(100);
        assertThat(catalog.items()).extracting(CatalogItem::getDeviceId)
                .containsExactlyInAnyOrderElementsOf(channels(100));
        // GB2312 bytes on the wire, as the body declares
        assertThat(catalog.items()).filteredOn(i -> i.getDeviceId().equals(channel(42)))
                .extracting(CatalogItem::getName).containsExactly("摄像机 00042");
    }

    @Test
    void partsInReverseOrderAreOneAnswer() throws Exception {
        List<String> parts = catalogParts(100, 20);
        Collections.reverse(parts);

        CatalogResponse catalog = (CatalogResponse) queryAnsweredWith(new CatalogQuery(), "Catalog", parts);

        assertThat(catalog.getComplete()).isTrue();
        assertThat(catalog.items()).extracting(CatalogItem::getDeviceId)
                .containsExactlyInAnyOrderElementsOf(channels(100));
    }

    @Test
    void catalogNobodyAskedForIsAnUnsolicitedEvent() {
        String catalog = """
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <CmdType>Catalog</CmdType>
                <SN>9001</SN>
                <DeviceID>%1$s</DeviceID>
                <SumNum>2</SumNum>
                <DeviceList Num="2">
                %2$s%3$s</DeviceList>
                </Response>
                """.formatted(DEVICE_ID, item(channel(1), ""), item(channel(2), ""));

        Sipp.Result result = sipp(SippScenario.device(PLATFORM_ID, DOMAIN).sendMessage(catalog), null).await();

        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        await().atMost(ANSWER).untilAsserted(() -> assertThat(catalogEvents()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(CatalogEvent.UNSOLICITED);
            assertThat(e.sn()).isEqualTo(9001L);
            assertThat(e.complete()).isTrue();
            assertThat(e.items()).extracting(CatalogItem::getDeviceId).containsExactly(channel(1), channel(2));
        }));
    }

    @Test
    void emptyCatalogIsAnEmptyAnswer() throws Exception {
        CatalogResponse catalog = (CatalogResponse) queryAnsweredWith(new CatalogQuery(), "Catalog",
                List.of(SippScenario.response(DEVICE_ID, "<SumNum>0</SumNum>\n<DeviceList Num=\"0\">\n</DeviceList>\n")));

        assertThat(catalog.getSumNum()).isZero();
        assertThat(catalog.items()).isEmpty();
    }

    @Test
    void deviceInfoIsAnswered() throws Exception {
        ManscdpMessage answer = queryAnsweredWith(new DeviceInfoQuery(), "DeviceInfo", List.of(SippScenario.response(
                DEVICE_ID, """
                        <DeviceName>sipp device</DeviceName>
                        <Result>OK</Result>
                        <Manufacturer>sipp</Manufacturer>
                        <Model>3.6.1</Model>
                        <Firmware>V3.6.1</Firmware>
                        <Channel>1000</Channel>
                        """)));

        assertThat(answer).isInstanceOfSatisfying(DeviceInfoResponse.class, info -> {
            assertThat(info.getDeviceId()).isEqualTo(DEVICE_ID);
            assertThat(info.getDeviceName()).isEqualTo("sipp device");
            assertThat(info.getResult()).isEqualTo("OK");
            assertThat(info.getManufacturer()).isEqualTo("sipp");
            assertThat(info.getChannel()).isEqualTo(1000);
        });
    }

    @Test
    void deviceStatusIsAnswered() throws Exception {
        ManscdpMessage answer = queryAnsweredWith(new DeviceStatusQuery(), "DeviceStatus", List.of(SippScenario.response(
                DEVICE_ID, """
                        <Result>OK</Result>
                        <Online>ONLINE</Online>
                        <Status>OK</Status>
                        <Encode>ON</Encode>
                        <Record>OFF</Record>
                        <DeviceTime>2026-11-24T08:00:00</DeviceTime>
                        <Alarmstatus Num="1">
                        <Item>
                        <DeviceID>34020000001340000001</DeviceID>
                        <DutyStatus>OFFDUTY</DutyStatus>
                        </Item>
                        </Alarmstatus>
                        """)));

        assertThat(answer).isInstanceOfSatisfying(DeviceStatusResponse.class, status -> {
            assertThat(status.getDeviceId()).isEqualTo(DEVICE_ID);
            assertThat(status.getResult()).isEqualTo("OK");
            assertThat(status.getOnline()).isEqualTo("ONLINE");
            assertThat(status.getStatus()).isEqualTo("OK");
            assertThat(status.getRecord()).isEqualTo("OFF");
            assertThat(status.getDeviceTime()).isEqualTo(LocalDateTime.of(2026, 11, 24, 8, 0));
        });
    }

    @Test
    void recordInfoInPartsIsOneAnswer() throws Exception {
        List<String> parts = new ArrayList<>();
        for (int from = 1; from <= 45; from += 20) {
            StringBuilder items = new StringBuilder();
            int to = Math.min(45, from + 19);
            for (int i = from; i <= to; i++) {
                items.append("<Item><DeviceID>").append(DEVICE_ID).append("</DeviceID><Name>record ").append(i)
                        .append("</Name><FilePath>/r/").append(i).append(".ps</FilePath><Address>Address</Address>")
                        .append(String.format("<StartTime>2026-11-24T01:%02d:00</StartTime>", i))
                        .append(String.format("<EndTime>2026-11-24T01:%02d:59</EndTime>", i))
                        .append("<Secrecy>0</Secrecy><Type>time</Type><FileSize>").append(i * 1024)
                        .append("</FileSize></Item>\n");
            }
            parts.add(SippScenario.response(DEVICE_ID, "<Name>sipp</Name>\n<SumNum>45</SumNum>\n<RecordList Num=\""
                    + (to - from + 1) + "\">\n" + items + "</RecordList>\n"));
        }
        RecordInfoQuery query = new RecordInfoQuery();
        query.setStartTime(LocalDateTime.of(2026, 11, 24, 0, 0));
        query.setEndTime(LocalDateTime.of(2026, 11, 24, 23, 59, 59));
        query.setType("all");

        ManscdpMessage answer = queryAnsweredWith(query, "RecordInfo", parts);

        assertThat(parts).hasSize(3);
        assertThat(answer).isInstanceOfSatisfying(RecordInfoResponse.class, records -> {
            assertThat(records.getSumNum()).isEqualTo(45);
            assertThat(records.getComplete()).isTrue();
            assertThat(records.getReceived()).isEqualTo(45);
            assertThat(records.items()).hasSize(45).extracting(RecordItem::getStartTime)
                    .contains(LocalDateTime.of(2026, 11, 24, 1, 1), LocalDateTime.of(2026, 11, 24, 1, 45));
            assertThat(records.items()).extracting(RecordItem::getFileSize).contains(45L * 1024);
        });
    }

    @Test
    void presetQueryIsAnswered() throws Exception {
        ManscdpMessage answer = queryAnsweredWith(new PresetQuery(), "PresetQuery", List.of(SippScenario.response(
                DEVICE_ID, """
                        <SumNum>2</SumNum>
                        <PresetList Num="2">
                        <Item><PresetID>1</PresetID><PresetName>Gate</PresetName></Item>
                        <Item><PresetID>2</PresetID><PresetName>Yard</PresetName></Item>
                        </PresetList>
                        """)));

        assertThat(answer).isInstanceOfSatisfying(PresetQueryResponse.class, presets -> {
            assertThat(presets.getDeviceId()).isEqualTo(DEVICE_ID);
            assertThat(presets.getPresetList().getItems()).extracting(PresetItem::getPresetId, PresetItem::getPresetName)
                    .containsExactly(Tuple.tuple("1", "Gate"), Tuple.tuple("2", "Yard"));
        });
    }

    @Test
    void alarmIsAnswered200ThenAcknowledgedWithResponseAlarmResultOk() {
        String alarm = """
                <?xml version="1.0" encoding="GB2312"?>
                <Notify>
                <CmdType>Alarm</CmdType>
                <SN>808</SN>
                <DeviceID>%s</DeviceID>
                <AlarmPriority>1</AlarmPriority>
                <AlarmMethod>5</AlarmMethod>
                <AlarmTime>2026-11-24T08:30:00</AlarmTime>
                <Info>
                <AlarmType>2</AlarmType>
                </Info>
                </Notify>
                """.formatted(DEVICE_ID);

        // The main scenario fails unless its Notify Alarm gets 200; the out-of-call one unless the
        // platform then sends Response Alarm with Result OK.
        Sipp.Result result = sipp(SippScenario.device(PLATFORM_ID, DOMAIN).sendMessage(alarm).awaitHandled(1),
                SippScenario.outOfCall(PLATFORM_ID, DOMAIN).acknowledgeAlarmResult()).await();

        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        assertThat(events).filteredOn(AlarmEvent.class::isInstance).map(AlarmEvent.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.deviceId()).isEqualTo(DEVICE_ID);
                    assertThat(e.method()).isEqualTo("MESSAGE");
                    assertThat(e.alarm().getSn()).isEqualTo(808L);
                    assertThat(e.alarm().getAlarmMethod()).isEqualTo("5");
                    assertThat(e.alarm().getAlarmTime()).isEqualTo(LocalDateTime.of(2026, 11, 24, 8, 30));
                });
        assertThat(result.messages()).contains("<SN>808</SN>", "<Result>OK</Result>");
    }

    @Test
    void catalogSubscriptionDeliversNotifyInItsDialogAndIsCancelled() throws Exception {
        String notify = """
                <?xml version="1.0" encoding="GB2312"?>
                <Notify>
                <CmdType>Catalog</CmdType>
                <SN>31</SN>
                <DeviceID>%1$s</DeviceID>
                <SumNum>2</SumNum>
                <DeviceList Num="2">
                %2$s%3$s</DeviceList>
                </Notify>
                """.formatted(DEVICE_ID, item(channel(7), "<Event>ADD</Event>"), item(channel(8), "<Event>OFF</Event>"));
        Sipp.Running sipp = sipp(SippScenario.device(PLATFORM_ID, DOMAIN).awaitHandled(1),
                SippScenario.outOfCall(PLATFORM_ID, DOMAIN).acceptCatalogSubscription(DEVICE_ID, notify));
        awaitRegistered();

        Subscription subscription = platform.subscribe(DEVICE_ID, new CatalogQuery(), Duration.ofSeconds(600))
                .get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(subscription.expires()).isEqualTo(600);
        await().atMost(ANSWER).untilAsserted(() -> assertThat(catalogEvents()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(CatalogEvent.NOTIFY);
            assertThat(e.deviceId()).isEqualTo(DEVICE_ID);
            assertThat(e.items()).extracting(CatalogItem::getDeviceId, CatalogItem::getEvent)
                    .containsExactly(Tuple.tuple(channel(7), "ADD"), Tuple.tuple(channel(8), "OFF"));
        }));
        subscription.cancel().get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        assertThat(subscription.active()).isFalse();
    }

    /** Registers a sipp device whose out-of-call scenario answers one query with {@code parts}, then queries it. */
    private ManscdpMessage queryAnsweredWith(ManscdpQuery query, String cmdType, List<String> parts) throws Exception {
        Sipp.Running sipp = sipp(SippScenario.device(PLATFORM_ID, DOMAIN).awaitHandled(1),
                SippScenario.outOfCall(PLATFORM_ID, DOMAIN).answerQuery(DEVICE_ID, cmdType, parts));
        awaitRegistered();
        ManscdpMessage answer = platform.query(DEVICE_ID, query).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        return answer;
    }

    private Sipp.Running sipp(SippScenario main, SippScenario outOfCall) {
        return sipp(main, outOfCall, Transport.UDP);
    }

    /** sipp playing {@code main} and, when not null, {@code outOfCall} for the platform's requests. */
    private Sipp.Running sipp(SippScenario main, SippScenario outOfCall, Transport transport) {
        return Sipp.generated("device.xml", main.xml(), work)
                .transport(transport)
                .outOfCall(outOfCall == null ? null : outOfCall.xml())
                .platform(PLATFORM_ID, DOMAIN)
                .device(DEVICE_ID, PASSWORD)
                .timeout(Duration.ofSeconds(15))
                .start(HOST, platform.sipPort());
    }

    private void awaitRegistered() {
        await().atMost(ANSWER).until(() -> platform.registry().find(DEVICE_ID).map(Device::online).orElse(false));
    }

    private List<CatalogEvent> catalogEvents() {
        return events.stream().filter(CatalogEvent.class::isInstance).map(CatalogEvent.class::cast).toList();
    }

    /** The Response Catalog parts of {@code total} channels, {@code perPart} items each (Annex N). */
    private static List<String> catalogParts(int total, int perPart) {
        List<String> channels = channels(total);
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < total; from += perPart) {
            List<String> ids = channels.subList(from, Math.min(total, from + perPart));
            StringBuilder elements = new StringBuilder("<SumNum>" + total + "</SumNum>\n<DeviceList Num=\""
                    + ids.size() + "\">\n");
            ids.forEach(id -> elements.append(item(id, "")));
            parts.add(SippScenario.response(DEVICE_ID, elements.append("</DeviceList>\n").toString()));
        }
        return parts;
    }

    private static String item(String channelId, String extra) {
        return "<Item><DeviceID>" + channelId + "</DeviceID><Name>摄像机 " + channelId.substring(15)
                + "</Name><Manufacturer>sipp</Manufacturer><Model>IPC</Model><Owner>Owner</Owner>"
                + "<CivilCode>340200</CivilCode><Address>Address</Address><Parental>0</Parental><ParentID>"
                + DEVICE_ID + "</ParentID><SafetyWay>0</SafetyWay><RegisterWay>1</RegisterWay><Secrecy>0</Secrecy>"
                + "<Status>ON</Status>" + extra + "</Item>\n";
    }

    private static List<String> channels(int total) {
        return IntStream.rangeClosed(1, total).mapToObj(SippQueryTest::channel).toList();
    }

    private static String channel(int i) {
        return "3402000000131" + String.format("%07d", i);
    }
}
