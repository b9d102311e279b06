package dev.gb28181.peers;

import dev.gb28181.manscdp.AlarmNotify;
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
import dev.gb28181.platform.AlarmEvent;
import dev.gb28181.platform.CatalogEvent;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.platform.PlatformEvent;
import dev.gb28181.platform.Subscription;
import dev.gb28181.sip.Transport;
import io.github.lunasaw.gb28181.common.entity.notify.DeviceUpdateItem;
import io.github.lunasaw.gb28181.common.entity.response.DeviceItem;
import io.github.lunasaw.gb28181.common.entity.response.DeviceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The platform's MANSCDP exchanges (GB/T 28181-2016 §9.4 alarm, §9.5 queries, §9.11 catalog
 * subscription, Annex N split answers) against {@code io.github.lunasaw:gb28181-client:1.2.5}, a
 * JAIN-SIP device the project did not write, which writes UTF-8 XML.
 */
@ResourceLock(LunaDevice.LOCK)
class LunaDeviceQueryTest {

    /** The device talks to the platform over UDP. */
    @Nested
    class OverUdp extends Exchanges {
        @Override
        Transport transport() {
            return Transport.UDP;
        }
    }

    /** The device talks to the platform over TCP; the platform's requests go back over TCP. */
    @Nested
    class OverTcp extends Exchanges {
        @Override
        Transport transport() {
            return Transport.TCP;
        }
    }

    /** The exchanges, against one platform and one device per transport. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Exchanges {

        private static final String PLATFORM_ID = "34020000002000000001";
        private static final String PASSWORD = "gb28181-luna";
        private static final String DEVICE_ID = "34020000001320000088";
        private static final int CHANNELS = 1_000;
        private static final int RECORDS = 45;
        private static final Duration ANSWER = Duration.ofSeconds(10);

        private final Queue<PlatformEvent> events = new ConcurrentLinkedQueue<>();
        private Gb28181Platform platform;
        private LunaDevice device;

        abstract Transport transport();

        @BeforeAll
        void start() {
            platform = new Gb28181Platform(new PlatformConfig()
                    .sipId(PLATFORM_ID).host("127.0.0.1").port(0).password(PASSWORD)
                    .requestTimeout(Duration.ofSeconds(5))
                    .firstPartTimeout(Duration.ofSeconds(5))
                    .partIdleTimeout(Duration.ofSeconds(2)));
            platform.addListener(events::add);
            platform.start();
            device = LunaDevice.start(DEVICE_ID, PLATFORM_ID, new InetSocketAddress("127.0.0.1", platform.sipPort()),
                    PASSWORD, transport());
            device.catalog(IntStream.rangeClosed(1, CHANNELS)
                    .mapToObj(i -> LunaDevice.channel(channel(i), "通道 " + i))
                    .toList());
            device.records(IntStream.rangeClosed(1, RECORDS).mapToObj(Exchanges::record).toList());
            Map<String, String> presets = new LinkedHashMap<>();
            presets.put("1", "门口");
            presets.put("2", "Gate");
            device.presets(presets);
            device.register();
        }

        @AfterAll
        void stop() {
            if (device != null) {
                device.close();
            }
            platform.stop();
        }

        private static String channel(int i) {
            return "3402000000131" + String.format("%07d", i);
        }

        @Test
        void catalogOfThousandChannelsInTwentyItemPartsIsOneAnswer() throws Exception {
            ManscdpMessage answer = platform.query(DEVICE_ID, new CatalogQuery()).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(answer).isInstanceOfSatisfying(CatalogResponse.class, catalog -> {
                assertThat(catalog.getSumNum()).isEqualTo(CHANNELS);
                assertThat(catalog.getComplete()).isTrue();
                assertThat(catalog.getReceived()).isEqualTo(CHANNELS);
                assertThat(catalog.items()).hasSize(CHANNELS)
                        .extracting(CatalogItem::getDeviceId).doesNotHaveDuplicates()
                        .containsAll(List.of(channel(1), channel(500), channel(CHANNELS)));
                // UTF-8 names from a device that writes nothing else
                assertThat(catalog.items()).filteredOn(i -> i.getDeviceId().equals(channel(7)))
                        .extracting(CatalogItem::getName).containsExactly("通道 7");
            });
            await().atMost(ANSWER).untilAsserted(() -> assertThat(catalogEvents(CatalogEvent.QUERY))
                    .singleElement().satisfies(e -> {
                        assertThat(e.deviceId()).isEqualTo(DEVICE_ID);
                        assertThat(e.complete()).isTrue();
                        assertThat(e.sumNum()).isEqualTo(CHANNELS);
                        assertThat(e.received()).isEqualTo(CHANNELS);
                        assertThat(e.items()).hasSize(CHANNELS);
                    }));
        }

        @Test
        void deviceInfoIsAnswered() throws Exception {
            ManscdpMessage answer = platform.query(DEVICE_ID, new DeviceInfoQuery()).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(answer).isInstanceOfSatisfying(DeviceInfoResponse.class, info -> {
                assertThat(info.getDeviceId()).isEqualTo(DEVICE_ID);
                assertThat(info.getResult()).isEqualTo("OK");
                assertThat(info.getManufacturer()).isEqualTo("lunasaw");
                assertThat(info.getModel()).isEqualTo("gb28181-client");
                assertThat(info.getFirmware()).isEqualTo("1.2.5");
                assertThat(info.getChannel()).isEqualTo(CHANNELS);
            });
        }

        @Test
        void deviceStatusIsAnswered() throws Exception {
            ManscdpMessage answer = platform.query(DEVICE_ID, new DeviceStatusQuery()).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(answer).isInstanceOfSatisfying(DeviceStatusResponse.class, status -> {
                assertThat(status.getDeviceId()).isEqualTo(DEVICE_ID);
                assertThat(status.getResult()).isEqualTo("OK");
                assertThat(status.getOnline()).isEqualTo("ONLINE");
                assertThat(status.getStatus()).isEqualTo("OK");
            });
        }

        @Test
        void recordInfoInTwentyItemPartsIsOneAnswer() throws Exception {
            RecordInfoQuery query = new RecordInfoQuery();
            query.setStartTime(LocalDateTime.of(2026, 11, 24, 0, 0));
            query.setEndTime(LocalDateTime.of(2026, 11, 24, 23, 59, 59));
            query.setType("all");

            ManscdpMessage answer = platform.query(DEVICE_ID, query).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(answer).isInstanceOfSatisfying(RecordInfoResponse.class, records -> {
                assertThat(records.getSumNum()).isEqualTo(RECORDS);
                assertThat(records.getComplete()).isTrue();
                assertThat(records.items()).hasSize(RECORDS).extracting(RecordItem::getStartTime)
                        .contains(LocalDateTime.of(2026, 11, 24, 0, 1), LocalDateTime.of(2026, 11, 24, 0, RECORDS));
                assertThat(records.items()).extracting(RecordItem::getFileSize).contains(1_000L * RECORDS);
            });
        }

        @Test
        void presetQueryIsAnswered() throws Exception {
            ManscdpMessage answer = platform.query(DEVICE_ID, new PresetQuery()).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(answer).isInstanceOfSatisfying(PresetQueryResponse.class, presets -> {
                assertThat(presets.getDeviceId()).isEqualTo(DEVICE_ID);
                assertThat(presets.getPresetList().getNum()).isEqualTo(2);
                assertThat(presets.getPresetList().getItems()).extracting(PresetItem::getPresetId, PresetItem::getPresetName)
                        .containsExactly(tuple("1", "门口"),
                                tuple("2", "Gate"));
            });
        }

        @Test
        void alarmIsAcknowledgedWithResponseAlarmResultOk() {
            device.alarm("4711", "1", "2", "1", "2026-11-24T12:00:00");

            await().atMost(ANSWER).untilAsserted(() -> {
                assertThat(events).filteredOn(AlarmEvent.class::isInstance).map(AlarmEvent.class::cast)
                        .singleElement().satisfies(e -> {
                            assertThat(e.deviceId()).isEqualTo(DEVICE_ID);
                            assertThat(e.method()).isEqualTo("MESSAGE");
                            AlarmNotify alarm = e.alarm();
                            assertThat(alarm.getSn()).isEqualTo(4711L);
                            assertThat(alarm.getAlarmPriority()).isEqualTo("1");
                            assertThat(alarm.getAlarmMethod()).isEqualTo("2");
                            assertThat(alarm.getAlarmTime()).isEqualTo(LocalDateTime.of(2026, 11, 24, 12, 0));
                        });
                assertThat(device.platformResponses()).singleElement().satisfies(xml -> assertThat(xml)
                        .contains("<CmdType>Alarm</CmdType>", "<SN>4711</SN>", "<DeviceID>" + DEVICE_ID + "</DeviceID>",
                                "<Result>OK</Result>"));
            });
        }

        /**
         * The library's NOTIFY is not in the subscription's dialog: a new Call-ID, no To tag, no Event
         * header. The platform takes it as the catalog change it is, as devices like this are common.
         */
        @Test
        void catalogSubscriptionDeliversNotifiedChangesAndIsCancelled() throws Exception {
            Subscription subscription = platform.subscribe(DEVICE_ID, new CatalogQuery(), Duration.ofSeconds(3600))
                    .get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(subscription.active()).isTrue();
            assertThat(subscription.event()).isEqualTo("Catalog");
            await().atMost(ANSWER).until(device::subscribed);

            device.notifyCatalog(List.of(change(channel(1001), "新通道", "ADD"), change(channel(3), "通道 3", "DEL")));

            await().atMost(ANSWER).untilAsserted(() -> assertThat(catalogEvents(CatalogEvent.NOTIFY))
                    .singleElement().satisfies(e -> {
                        assertThat(e.deviceId()).isEqualTo(DEVICE_ID);
                        assertThat(e.items()).extracting(CatalogItem::getDeviceId, CatalogItem::getEvent)
                                .containsExactlyInAnyOrder(
                                        tuple(channel(1001), "ADD"),
                                        tuple(channel(3), "DEL"));
                    }));

            subscription.cancel().get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(subscription.active()).isFalse();
        }

        private static DeviceRecord.RecordItem record(int i) {
            DeviceRecord.RecordItem item = new DeviceRecord.RecordItem();
            item.setDeviceId(DEVICE_ID);
            item.setName("record " + i);
            item.setStartTime(String.format("2026-11-24T00:%02d:00", i));
            item.setEndTime(String.format("2026-11-24T00:%02d:59", i));
            item.setSecrecy("0");
            item.setType("time");
            item.setFileSize(Long.toString(1_000L * i));
            item.setFilePath("/records/" + i + ".ps");
            return item;
        }

        private static DeviceUpdateItem change(String channelId, String name, String event) {
            DeviceItem item = LunaDevice.channel(channelId, name);
            DeviceUpdateItem change = new DeviceUpdateItem();
            change.setDeviceId(item.getDeviceId());
            change.setName(item.getName());
            change.setParentId(item.getParentId());
            change.setStatus(item.getStatus());
            change.setEvent(event);
            return change;
        }

        private List<CatalogEvent> catalogEvents(String source) {
            return events.stream().filter(CatalogEvent.class::isInstance).map(CatalogEvent.class::cast)
                    .filter(e -> e.source().equals(source)).toList();
        }
}
}
