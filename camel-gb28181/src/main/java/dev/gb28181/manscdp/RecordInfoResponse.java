package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * A device's recordings in the asked range (GB/T 28181-2016 §9.7, Annex A.2.6), in parts when many
 * (Annex N): each part carries the query's SN, {@code SumNum} and a {@code RecordList} of some items; the
 * platform aggregates them with {@link #aggregate}.
 */
@JsonPropertyOrder({ "cmdType", "sn", "deviceId", "name", "sumNum", "recordList", "complete", "received" })
@JsonIgnoreProperties(value = { "eventType", "complete", "received" }, allowGetters = true)
public final class RecordInfoResponse extends ManscdpResponse implements SplitResponse<RecordItem> {

    @JacksonXmlProperty(localName = "Name")
    private String name;

    private final Values<RecordItem> splitValues = new Values<>();

    public RecordInfoResponse() {
        super("RecordInfo");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** This part's recordings; absent when SumNum is 0. */
    @JacksonXmlProperty(localName = "RecordList")
    public ManscdpList<RecordItem> getRecordList() {
        return splitValues.list();
    }

    public void setRecordList(ManscdpList<RecordItem> recordList) {
        splitValues.list(recordList);
    }

    @Override
    public Values<RecordItem> splitValues() {
        return splitValues;
    }

    @Override
    public RecordInfoResponse aggregate(List<RecordItem> all, boolean complete, int received) {
        RecordInfoResponse copy = new RecordInfoResponse();
        copy.copyCommon(this);
        copy.name = name;
        copy.splitValues.aggregate(splitValues, all, complete, received);
        return copy;
    }
}
