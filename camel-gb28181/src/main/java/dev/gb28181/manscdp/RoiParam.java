package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;
import java.util.Objects;

/**
 * SVAC regions of interest (GB/T 28181-2016 Annex A.2.3.2.2 {@code ROIParam}).
 */
public final class RoiParam extends ManscdpElement {

    @JacksonXmlProperty(localName = "ROIFlag")
    private Integer roiFlag;

    @JacksonXmlProperty(localName = "ROINumber")
    private Integer roiNumber;

    @JacksonXmlProperty(localName = "Item")
    @JacksonXmlElementWrapper(useWrapping = false)
    private List<RoiItem> items;

    @JacksonXmlProperty(localName = "BackGroundQP")
    private Integer backGroundQp;

    @JacksonXmlProperty(localName = "BackGroundSkipFlag")
    private Integer backGroundSkipFlag;

    public Integer getRoiFlag() {
        return roiFlag;
    }

    public void setRoiFlag(Integer roiFlag) {
        this.roiFlag = roiFlag;
    }

    public Integer getRoiNumber() {
        return roiNumber;
    }

    public void setRoiNumber(Integer roiNumber) {
        this.roiNumber = roiNumber;
    }

    public List<RoiItem> getItems() {
        return items;
    }

    public void setItems(List<RoiItem> items) {
        this.items = items;
    }

    public Integer getBackGroundQp() {
        return backGroundQp;
    }

    public void setBackGroundQp(Integer backGroundQp) {
        this.backGroundQp = backGroundQp;
    }

    public Integer getBackGroundSkipFlag() {
        return backGroundSkipFlag;
    }

    public void setBackGroundSkipFlag(Integer backGroundSkipFlag) {
        this.backGroundSkipFlag = backGroundSkipFlag;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RoiParam other)) {
            return false;
        }
        return Objects.equals(roiFlag, other.roiFlag)
                && Objects.equals(roiNumber, other.roiNumber)
                && Objects.equals(items, other.items)
                && Objects.equals(backGroundQp, other.backGroundQp)
                && Objects.equals(backGroundSkipFlag, other.backGroundSkipFlag)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roiFlag, roiNumber, items, backGroundQp, backGroundSkipFlag, extensionsHash());
    }
}
