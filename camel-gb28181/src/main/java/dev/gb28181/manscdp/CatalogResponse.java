package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * A device's catalog (GB/T 28181-2016 §9.5, Annex A.2.6 {@code Response Catalog}): its channels,
 * alarm inputs, organisations and sub-devices. Large catalogs arrive in parts (Annex N): each part
 * carries the query's SN, {@code SumNum} and a {@code DeviceList} of some items; the platform
 * aggregates them with {@link #aggregate}.
 */
@JsonPropertyOrder({ "cmdType", "sn", "deviceId", "sumNum", "deviceList", "complete", "received" })
@JsonIgnoreProperties(value = { "eventType", "complete", "received" }, allowGetters = true)
public final class CatalogResponse extends ManscdpResponse implements SplitResponse<CatalogItem> {

    private final Values<CatalogItem> splitValues = new Values<>();

    public CatalogResponse() {
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
    public CatalogResponse aggregate(List<CatalogItem> all, boolean complete, int received) {
        CatalogResponse copy = new CatalogResponse();
        copy.copyCommon(this);
        copy.splitValues.aggregate(splitValues, all, complete, received);
        return copy;
    }
}
