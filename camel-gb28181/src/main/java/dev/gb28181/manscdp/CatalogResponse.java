package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * A device's catalog (GB/T 28181-2016 §9.5.1, Annex A.2.6.2 {@code Response Catalog}): its channels,
 * alarm inputs, organisations and sub-devices. Large catalogs arrive in parts (Annex N): each part
 * carries the query's SN, {@code SumNum} and a {@code DeviceList} of some items; the platform
 * aggregates them with {@link #aggregate}.
 */
@JsonIgnoreProperties(value = { "eventType", "complete", "received" }, allowGetters = true)
public final class CatalogResponse extends ManscdpResponse implements SplitResponse<CatalogItem> {

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "DeviceList")
    private ManscdpList<CatalogItem> deviceList;

    private Boolean complete;

    private Integer received;

    public CatalogResponse() {
        super("Catalog");
    }

    /** Total items of the whole answer (all parts); 0 = none. */
    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    /** This part's items with {@code Num} = their count; absent when SumNum is 0. */
    public ManscdpList<CatalogItem> getDeviceList() {
        return deviceList;
    }

    public void setDeviceList(ManscdpList<CatalogItem> deviceList) {
        this.deviceList = deviceList;
    }

    private void copyFrom(CatalogResponse other) {
        copyCommon(other);
        sumNum = other.sumNum;
        deviceList = other.deviceList;
        complete = other.complete;
        received = other.received;
    }

    @Override
    public List<CatalogItem> items() {
        return deviceList == null ? List.of() : deviceList.getItems();
    }

    @Override
    public CatalogResponse aggregate(List<CatalogItem> all, boolean complete, int received) {
        CatalogResponse copy = new CatalogResponse();
        copy.copyFrom(this);
        copy.deviceList = new ManscdpList<>(all);
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
