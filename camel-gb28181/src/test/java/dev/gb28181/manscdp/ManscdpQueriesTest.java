package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class ManscdpQueriesTest {

    @Test
    void createsEveryQueryByCmdTypeInAnyCase() {
        assertThat(ManscdpQueries.create("catalog")).isInstanceOf(CatalogQuery.class);
        assertThat(ManscdpQueries.create("PTZPosition")).isInstanceOf(PtzPositionQuery.class);
        assertThat(ManscdpQueries.create(" sdcardstatus ")).isInstanceOf(SdCardStatusQuery.class);
        assertThat(ManscdpQueries.create("PresetQuery").getCmdType()).isEqualTo("PresetQuery");
        assertThat(ManscdpQueries.create("RecordInfo")).isNotSameAs(ManscdpQueries.create("RecordInfo"));
        List<String> registered = new ArrayList<>();
        ManscdpTypes.forEach((root, cmdType, type) -> {
            if (root == ManscdpRoot.QUERY) {
                registered.add(cmdType);
            }
        });
        assertThat(registered).hasSize(13).allSatisfy(c -> assertThat(ManscdpQueries.create(c).getCmdType()).isEqualTo(c));
    }

    @Test
    void unknownQueryNamesTheKnownOnes() {
        assertThatThrownBy(() -> ManscdpQueries.create("Keepalive")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Keepalive").hasMessageContaining("Catalog, DeviceInfo")
                .hasMessageContaining("SDCardStatus");
        assertThatThrownBy(() -> ManscdpQueries.create(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitAnswers() {
        assertThat(ManscdpQueries.isSplit("Catalog")).isTrue();
        assertThat(ManscdpQueries.isSplit("recordinfo")).isTrue();
        assertThat(ManscdpQueries.isSplit("DeviceInfo")).isFalse();
        assertThat(ManscdpQueries.isSplit(null)).isFalse();
    }

    private static RecordItem record(int i) {
        RecordItem item = new RecordItem();
        item.setDeviceId("34020000001310000001");
        item.setFilePath("file" + i);
        return item;
    }

    @Test
    void aggregateCopiesThePartWithAllItems() {
        RecordInfoResponse part = new RecordInfoResponse();
        part.setSn(18L);
        part.setDeviceId("34020000001310000001");
        part.setName("IPCamera 01");
        part.setSumNum(3);
        part.setRecordList(new ManscdpList<>(List.of(record(1))));
        part.setExtension("Vendor", "x");
        assertThat(part.getComplete()).isNull();
        assertThat(part.getReceived()).isEqualTo(1);

        // a retransmitted part repeats items: equal items collapse
        LinkedHashSet<RecordItem> unique = new LinkedHashSet<>(List.of(record(1), record(2), record(1), record(3)));
        RecordInfoResponse all = (RecordInfoResponse) part.aggregate(new ArrayList<>(unique), true, 3);

        assertThat(all).isNotSameAs(part);
        assertThat(all.items()).containsExactly(record(1), record(2), record(3));
        assertThat(all.getRecordList().getNum()).isEqualTo(3);
        assertThat(all.getSumNum()).isEqualTo(3);
        assertThat(all.getSn()).isEqualTo(18L);
        assertThat(all.getName()).isEqualTo("IPCamera 01");
        assertThat(all.getExtensions()).containsEntry("Vendor", "x");
        assertThat(all.getComplete()).isTrue();
        assertThat(all.getReceived()).isEqualTo(3);
        assertThat(part.items()).hasSize(1);
    }

    @Test
    void emptyAnswerHasNoItems() {
        CatalogResponse empty = new CatalogResponse();
        empty.setSumNum(0);
        assertThat(empty.items()).isEmpty();
        CatalogNotify notify = new CatalogNotify();
        assertThat(notify.items()).isEmpty();
        assertThat(((CatalogNotify) notify.aggregate(List.of(), false, 0)).getDeviceList().getNum()).isZero();
    }
}
