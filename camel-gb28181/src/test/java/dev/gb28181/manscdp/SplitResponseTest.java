package dev.gb28181.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The paged answers that share {@link SplitResponse} (GB/T 28181-2016 Annex A.2.5, A.2.6 and N) write
 * their own elements, {@code SumNum} and their list in the standard's order, and aggregate alike.
 */
class SplitResponseTest {

    private final ManscdpCodec codec = new ManscdpCodec();

    @Test
    void recordInfoWritesNameThenSumNumThenRecordList() throws Exception {
        String xml = "<Response><CmdType>RecordInfo</CmdType><SN>3</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<Name>Camera 1</Name><SumNum>2</SumNum><RecordList Num=\"1\"><Item>"
                + "<DeviceID>34020000001320000001</DeviceID><Name>Camera 1</Name></Item></RecordList></Response>";

        RecordInfoResponse read = (RecordInfoResponse) codec.decode(xml.getBytes(StandardCharsets.UTF_8)).message();

        assertThat(read.getName()).isEqualTo("Camera 1");
        assertThat(read.getSumNum()).isEqualTo(2);
        assertThat(read.items()).hasSize(1);
        assertThat(read.getExtensions()).isEmpty();
        assertThat(written(read)).isEqualTo(xml);
    }

    @Test
    void catalogNotifyAndResponseShareTheirBody() throws Exception {
        String body = "<CmdType>Catalog</CmdType><SN>4</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<SumNum>1</SumNum><DeviceList Num=\"1\"><Item><DeviceID>34020000001320000002</DeviceID>"
                + "<Name>Gate</Name></Item></DeviceList>";

        ManscdpMessage notify = codec.decode(("<Notify>" + body + "</Notify>").getBytes(StandardCharsets.UTF_8))
                .message();
        ManscdpMessage response = codec.decode(("<Response>" + body + "</Response>")
                .getBytes(StandardCharsets.UTF_8)).message();

        assertThat(notify).isInstanceOf(CatalogNotify.class);
        assertThat(response).isInstanceOf(CatalogResponse.class);
        assertThat(written(notify)).isEqualTo("<Notify>" + body + "</Notify>");
        assertThat(written(response)).isEqualTo("<Response>" + body + "</Response>");
    }

    @Test
    void anAggregatedCopyKeepsThePartsOwnElementsAndCountsAllItems() {
        RecordItem first = new RecordItem();
        first.setName("a");
        RecordItem second = new RecordItem();
        second.setName("b");
        RecordInfoResponse part = new RecordInfoResponse();
        part.setSn(9L);
        part.setName("Camera 1");
        part.setSumNum(2);
        part.setRecordList(new ManscdpList<>(List.of(first)));

        RecordInfoResponse all = part.aggregate(List.of(first, second), true, 2);

        assertThat(all.getSn()).isEqualTo(9L);
        assertThat(all.getName()).isEqualTo("Camera 1");
        assertThat(all.getSumNum()).isEqualTo(2);
        assertThat(all.getRecordList().getNum()).isEqualTo(2);
        assertThat(all.items()).containsExactly(first, second);
        assertThat(all.getComplete()).isTrue();
        assertThat(all.getReceived()).isEqualTo(2);
        assertThat(part.items()).containsExactly(first);
        assertThat(part.getComplete()).isNull();
        assertThat(part.getReceived()).isEqualTo(1);
    }

    private String written(ManscdpMessage message) {
        String out = new String(codec.encode(message, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return out.substring(out.indexOf('\n') + 1);
    }
}
