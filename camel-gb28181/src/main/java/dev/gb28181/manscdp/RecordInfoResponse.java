package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * A device's recordings in the asked range (GB/T 28181-2016 §9.7, Annex A.2.6.6), in parts when many
 * (Annex N): each part carries the query's SN, {@code SumNum} and a {@code RecordList} of some items; the
 * platform aggregates them with {@link #aggregate}.
 */
@JsonIgnoreProperties(value = { "eventType", "complete", "received" }, allowGetters = true)
public final class RecordInfoResponse extends ManscdpResponse implements SplitResponse<RecordItem> {

    @JacksonXmlProperty(localName = "Name")
    private String name;

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "RecordList")
    private ManscdpList<RecordItem> recordList;

    private Boolean complete;

    private Integer received;

    public RecordInfoResponse() {
        super("RecordInfo");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Total recordings of the whole answer (all parts); 0 = none. */
    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    /** This part's recordings; absent when SumNum is 0. */
    public ManscdpList<RecordItem> getRecordList() {
        return recordList;
    }

    public void setRecordList(ManscdpList<RecordItem> recordList) {
        this.recordList = recordList;
    }

    private void copyFrom(RecordInfoResponse other) {
        copyCommon(other);
        name = other.name;
        sumNum = other.sumNum;
        recordList = other.recordList;
        complete = other.complete;
        received = other.received;
    }

    @Override
    public List<RecordItem> items() {
        return recordList == null ? List.of() : recordList.getItems();
    }

    @Override
    public RecordInfoResponse aggregate(List<RecordItem> all, boolean complete, int received) {
        RecordInfoResponse copy = new RecordInfoResponse();
        copy.copyFrom(this);
        copy.recordList = new ManscdpList<>(all);
        copy.complete = complete;
        copy.received = received;
        return copy;
    }

    @Override
    @JsonOnly
    public Boolean getComplete() {
        return complete;
    }

    @Override
    @JsonOnly
    public int getReceived() {
        return received != null ? received : items().size();
    }
}
