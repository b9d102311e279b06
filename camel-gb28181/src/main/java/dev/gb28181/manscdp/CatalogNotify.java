package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * Catalog changes a device reports in a subscription's NOTIFY (GB/T 28181-2016 §9.11, Annex A.2.5):
 * items with {@code Event} ON, OFF, VLOST, DEFECT, ADD, DEL or UPDATE; split like a catalog answer
 * (Annex N) when many items changed.
 */
@JsonPropertyOrder({ "cmdType", "sn", "deviceId", "sumNum", "deviceList", "complete", "received" })
@JsonIgnoreProperties(value = { "eventType", "complete", "received" }, allowGetters = true)
public final class CatalogNotify extends ManscdpNotify implements SplitResponse<CatalogItem> {

    private final Values<CatalogItem> splitValues = new Values<>();

    public CatalogNotify() {
        super("Catalog");
    }

    /** This part's items with {@code Num} = their count; absent when SumNum is 0. */
    @JacksonXmlProperty(localName = "DeviceList")
    public ManscdpList<CatalogItem> getDeviceList() {
        return splitValues.list();
    }

    public void setDeviceList(ManscdpList<CatalogItem> deviceList) {
        splitValues.list(deviceList);
    }

    @Override
    public Values<CatalogItem> splitValues() {
        return splitValues;
    }

    @Override
    public CatalogNotify aggregate(List<CatalogItem> all, boolean complete, int received) {
        CatalogNotify copy = new CatalogNotify();
        copy.copyCommon(this);
        copy.splitValues.aggregate(splitValues, all, complete, received);
        return copy;
    }
}
