package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A MANSCDP list element: {@code <DeviceList Num="2"><Item>..</Item><Item>..</Item></DeviceList>}
 * (GB/T 28181-2016 Annex A.2.6: DeviceList, RecordList, Alarmstatus, PresetList and the 2022 lists).
 * {@code Num} is the number of items in this element, not the total of a split answer.
 *
 * @param <I> the item type
 */
@JsonPropertyOrder({ "num", "items" })
public final class ManscdpList<I> extends ManscdpElement {

    @JacksonXmlProperty(localName = "Num", isAttribute = true)
    private Integer num;

    @JacksonXmlElementWrapper(useWrapping = false)
    @JacksonXmlProperty(localName = "Item")
    private List<I> items = new ArrayList<>();

    public ManscdpList() {
    }

    /** A list of {@code items} with {@code Num} = their count. */
    public ManscdpList(List<I> items) {
        setItems(items);
        this.num = this.items.size();
    }

    public Integer getNum() {
        return num;
    }

    public void setNum(Integer num) {
        this.num = num;
    }

    /** The items, never {@code null}. */
    public List<I> getItems() {
        return items;
    }

    public void setItems(List<I> items) {
        this.items = items == null ? new ArrayList<>() : items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManscdpList<?> other && Objects.equals(num, other.num) && items.equals(other.items)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(num, items, extensionsHash());
    }
}
