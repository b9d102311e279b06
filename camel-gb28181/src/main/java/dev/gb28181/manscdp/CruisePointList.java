package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;
import java.util.Objects;

/**
 * The points of a cruise track (GB/T 28181-2022 Annex A.2.6 {@code CruisePointList Num}).
 */
public final class CruisePointList extends ManscdpElement {

    @JacksonXmlProperty(localName = "Num", isAttribute = true)
    private Integer num;

    @JacksonXmlProperty(localName = "CruisePoint")
    @JacksonXmlElementWrapper(useWrapping = false)
    private List<CruisePoint> items;

    /** Number of entries in this list. */
    public Integer getNum() {
        return num;
    }

    public void setNum(Integer num) {
        this.num = num;
    }

    public List<CruisePoint> getItems() {
        return items;
    }

    public void setItems(List<CruisePoint> items) {
        this.items = items;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CruisePointList other)) {
            return false;
        }
        return Objects.equals(num, other.num)
                && Objects.equals(items, other.items)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(num, items, extensionsHash());
    }

    public CruisePointList() {
    }

    /** A list of {@code items} with {@code Num} = their count. */
    public CruisePointList(List<CruisePoint> items) {
        this.items = items;
        this.num = items == null ? 0 : items.size();
    }
}
