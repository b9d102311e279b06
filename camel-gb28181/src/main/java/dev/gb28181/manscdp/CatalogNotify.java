package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * Catalog changes a device reports in a subscription's NOTIFY (GB/T 28181-2016 §9.11.1, Annex A.2.5):
 * items with {@code Event} ON, OFF, VLOST, DEFECT, ADD, DEL or UPDATE; split like a catalog answer
 * (Annex N) when many items changed.
 */
@JsonIgnoreProperties(value = { "eventType", "complete", "received" }, allowGetters = true)
public final class CatalogNotify extends ManscdpNotify implements SplitResponse<CatalogItem> {

    @JacksonXmlProperty(localName = "SumNum")
    private Integer sumNum;

    @JacksonXmlProperty(localName = "DeviceList")
    private ManscdpList<CatalogItem> deviceList;

    private Boolean complete;

    private Integer received;

    public CatalogNotify() {
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

    private void copyFrom(CatalogNotify other) {
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
    public CatalogNotify aggregate(List<CatalogItem> all, boolean complete, int received) {
        CatalogNotify copy = new CatalogNotify();
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
