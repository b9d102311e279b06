package dev.gb28181.platform;

import static dev.gb28181.platform.QueryTest.DEVICE;
import static dev.gb28181.platform.QueryTest.WAIT;
import static dev.gb28181.platform.QueryTest.fastConfig;
import static dev.gb28181.platform.QueryTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gb28181.manscdp.CatalogItem;
import dev.gb28181.manscdp.CatalogResponse;
import dev.gb28181.manscdp.ManscdpMessage;
import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.manscdp.RecordInfoResponse;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Answers split into parts (GB/T 28181-2016 Annex N): Catalog and RecordInfo. */
class SplitAnswerTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCatalogOf1000ItemsIn20ItemPartsIsAggregated(Transport transport) throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, transport);
            device.autoAnswer(request -> device.catalogParts(TestDevice.sn(request), 1000, 20));
            CatalogResponse catalog = (CatalogResponse) QueryTest.answer(f.platform.query(DEVICE,
                    ManscdpQueries.create("Catalog")));

            assertThat(catalog.getSumNum()).isEqualTo(1000);
            assertThat(catalog.items()).hasSize(1000);
            assertThat(catalog.getComplete()).isTrue();
            assertThat(catalog.getReceived()).isEqualTo(1000);
            assertThat(catalog.items()).extracting(CatalogItem::getDeviceId).doesNotHaveDuplicates()
                    .contains(device.channelId(0), device.channelId(999));
            assertThat(catalog.items().get(0).getName()).isEqualTo("通道1");
            await().atMost(WAIT).until(() -> f.events.last(CatalogEvent.class) != null);
            CatalogEvent event = f.events.last(CatalogEvent.class);
            assertThat(event.source()).isEqualTo(CatalogEvent.QUERY);
            assertThat(event.complete()).isTrue();
            assertThat(event.received()).isEqualTo(1000);
            assertThat(event.sumNum()).isEqualTo(1000);
            assertThat(event.sn()).isEqualTo(catalog.getSn());
            assertThat(event.items()).hasSize(1000);
        }
    }

    @Test
    void lostPartsCompleteTheQueryIncompleteAfterTheIdleTimeout() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> {
                List<String> parts = new ArrayList<>(device.catalogParts(TestDevice.sn(request), 100, 20));
                parts.remove(3); // items 60..79 never arrive
                return parts;
            });
            long start = System.nanoTime();
            CatalogResponse catalog = (CatalogResponse) QueryTest.answer(f.platform.query(DEVICE,
                    ManscdpQueries.create("Catalog")));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(catalog.getComplete()).isFalse();
            assertThat(catalog.getReceived()).isEqualTo(80);
            assertThat(catalog.getSumNum()).isEqualTo(100);
            assertThat(catalog.items()).extracting(CatalogItem::getDeviceId).doesNotContain(device.channelId(60));
            await().atMost(WAIT).until(() -> f.events.last(CatalogEvent.class) != null);
            assertThat(f.events.last(CatalogEvent.class).complete()).isFalse();
            assertThat(f.events.last(CatalogEvent.class).received()).isEqualTo(80);
        }
    }

    @Test
    void duplicatedPartsAreNotCountedTwice() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> {
                List<String> parts = device.catalogParts(TestDevice.sn(request), 60, 20);
                // part 1 resent (a retransmission in a new transaction) before part 3; part 3 then lost
                return List.of(parts.get(0), parts.get(1), parts.get(0), parts.get(1));
            });
            CatalogResponse catalog = (CatalogResponse) QueryTest.answer(f.platform.query(DEVICE,
                    ManscdpQueries.create("Catalog")));
            assertThat(catalog.getComplete()).isFalse();
            assertThat(catalog.getReceived()).isEqualTo(40);
            assertThat(catalog.items()).hasSize(40);
        }
    }

    @Test
    void sumNumZeroIsAnEmptyAnswerAtOnce() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig().partIdleTimeout(Duration.ofSeconds(30)))) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> device.catalogParts(TestDevice.sn(request), 0, 20));
            CatalogResponse catalog = (CatalogResponse) QueryTest.answer(f.platform.query(DEVICE,
                    ManscdpQueries.create("Catalog")));
            assertThat(catalog.items()).isEmpty();
            assertThat(catalog.getComplete()).isTrue();
            assertThat(catalog.getSumNum()).isZero();
        }
    }

    @Test
    void recordInfoPartsAreAggregated() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> {
                long sn = TestDevice.sn(request);
                List<String> parts = new ArrayList<>();
                for (int part = 0; part < 3; part++) {
                    StringBuilder items = new StringBuilder("<Name>Cam</Name>\r\n<SumNum>6</SumNum>\r\n<RecordList Num=\"2\">\r\n");
                    for (int i = part * 2; i < part * 2 + 2; i++) {
                        items.append("<Item>\r\n<DeviceID>").append(DEVICE).append("</DeviceID>\r\n<Name>Cam</Name>\r\n")
                                .append("<StartTime>2024-01-01T0").append(i).append(":00:00</StartTime>\r\n")
                                .append("<EndTime>2024-01-01T0").append(i).append(":30:00</EndTime>\r\n")
                                .append("<Secrecy>0</Secrecy>\r\n<Type>time</Type>\r\n</Item>\r\n");
                    }
                    parts.add(device.manscdp("Response", "RecordInfo", sn, items.append("</RecordList>\r\n").toString()));
                }
                return parts;
            });
            RecordInfoResponse records = (RecordInfoResponse) QueryTest.answer(f.platform.query(DEVICE,
                    ManscdpQueries.create("RecordInfo")));
            assertThat(records.items()).hasSize(6);
            assertThat(records.getComplete()).isTrue();
            assertThat(f.events.of(CatalogEvent.class)).isEmpty();
        }
    }

    @Test
    void anAcceptedSplitQueryWithoutAnyPartTimesOutAfterTheFirstPartTimeout() {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            device.autoAnswer(request -> null);
            long start = System.nanoTime();
            CompletableFuture<ManscdpMessage> catalog = f.platform.query(DEVICE, ManscdpQueries.create("Catalog"));
            assertThatThrownBy(() -> QueryTest.answer(catalog)).cause().isInstanceOf(ManscdpTimeoutException.class)
                    .hasMessageContaining("Catalog").hasMessageContaining("2000 ms");
            // firstPartTimeout (2 s), not requestTimeout (1.5 s)
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    @Test
    void anUnsolicitedCatalogIsAggregatedAndEmitted() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            for (String part : device.catalogParts(777, 45, 20)) {
                assertThat(device.message(part).status()).isEqualTo(200);
            }
            await().atMost(WAIT).until(() -> f.events.last(CatalogEvent.class) != null);
            CatalogEvent event = f.events.last(CatalogEvent.class);
            assertThat(event.source()).isEqualTo(CatalogEvent.UNSOLICITED);
            assertThat(event.sn()).isEqualTo(777L);
            assertThat(event.complete()).isTrue();
            assertThat(event.items()).hasSize(45);

            // parts that stop are emitted once idle, incomplete
            List<String> parts = device.catalogParts(778, 45, 20);
            device.message(parts.get(0));
            await().atMost(WAIT).until(() -> f.events.of(CatalogEvent.class).size() == 2);
            CatalogEvent partial = f.events.last(CatalogEvent.class);
            assertThat(partial.complete()).isFalse();
            assertThat(partial.received()).isEqualTo(20);
            assertThat(partial.sumNum()).isEqualTo(45);
        }
    }

    @Test
    void anAnswerForAnUnknownSnIsNotAQueryAnswer() throws Exception {
        try (PlatformFixture f = new PlatformFixture(fastConfig())) {
            TestDevice device = registered(f, Transport.UDP);
            CompletableFuture<ManscdpMessage> answer = f.platform.query(DEVICE, ManscdpQueries.create("DeviceInfo"));
            SipRequest request = device.nextRequest("MESSAGE", WAIT);
            device.respond(request, 200);
            device.message(device.manscdp("Response", "DeviceInfo", TestDevice.sn(request) + 1000, "<Result>OK</Result>\r\n"));
            await().atMost(WAIT).until(() -> f.events.last(ManscdpEvent.class) != null);
            assertThat(f.events.last(ManscdpEvent.class).eventType()).isEqualTo("DEVICE_INFO");
            assertThat(answer).isNotDone();
        }
    }
}
