package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;
import java.util.Objects;

/**
 * The cruise tracks of a PTZ camera (GB/T 28181-2022 Annex A.2.6 {@code CruiseTrackList Num}), one
 * {@code <CruiseTrack>} per track.
 */
public final class CruiseTrackList extends ManscdpElement {

    @JacksonXmlProperty(localName = "Num", isAttribute = true)
    private Integer num;

    @JacksonXmlProperty(localName = "CruiseTrack")
    @JacksonXmlElementWrapper(useWrapping = false)
    private List<CruiseTrackSummary> items;

    /** Number of entries in this list. */
    public Integer getNum() {
        return num;
    }

    public void setNum(Integer num) {
        this.num = num;
    }

    public List<CruiseTrackSummary> getItems() {
        return items;
    }

    public void setItems(List<CruiseTrackSummary> items) {
        this.items = items;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CruiseTrackList other)) {
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

    public CruiseTrackList() {
    }

    /** A list of {@code items} with {@code Num} = their count. */
    public CruiseTrackList(List<CruiseTrackSummary> items) {
        this.items = items;
        this.num = items == null ? 0 : items.size();
    }
}
