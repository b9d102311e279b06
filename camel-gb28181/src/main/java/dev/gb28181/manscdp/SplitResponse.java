package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * An answer that may arrive in parts (GB/T 28181-2016 Annex N): every part carries the query's SN,
 * {@code SumNum} = the total number of items, and its own list with {@code Num} = the items of this part.
 * The standard gives this paged list to the catalog answer and the catalog change notification (Annex
 * A.2.6 and A.2.5, {@code DeviceList}) and to the recordings answer (A.2.6, {@code RecordList}); the
 * platform collects the parts and hands on one aggregated copy.
 *
 * <p>An interface because those messages have different roots ({@link ManscdpResponse},
 * {@link ManscdpNotify}): {@code SumNum}, the items and the marks of an aggregated copy are defined here
 * once and kept in the {@link Values} each message holds; each message names its list element and lays
 * out its elements in its {@code @JsonPropertyOrder}.
 *
 * @param <I> the item type (items implement equals/hashCode so duplicated parts can be dropped)
 */
public interface SplitResponse<I> {

    /**
     * Whether {@code received} items make the whole answer (GB/T 28181-2016 Annex N): SumNum reached, or
     * no SumNum announced (a device that does not split).
     */
    static boolean isComplete(Integer sumNum, int received) {
        return sumNum == null || received >= sumNum;
    }

    /** The values behind the accessors: one per message, never {@code null}. */
    Values<I> splitValues();

    /** Total number of items of the whole answer (all parts) as the device announced it, or {@code null}; 0 = none. */
    @JacksonXmlProperty(localName = "SumNum")
    default Integer getSumNum() {
        return splitValues().sumNum;
    }

    default void setSumNum(Integer sumNum) {
        splitValues().sumNum = sumNum;
    }

    /** This part's items, never {@code null}. */
    default List<I> items() {
        ManscdpList<I> list = splitValues().list;
        return list == null ? List.of() : list.getItems();
    }

    /**
     * A copy of this part holding {@code all} items ({@code Num} = {@code all.size()}), marked
     * {@code complete} or not, with {@code received} = how many items arrived.
     */
    SplitResponse<I> aggregate(List<I> all, boolean complete, int received);

    /** {@code true}/{@code false} on an aggregated copy, {@code null} on a single part. JSON only. */
    @JsonOnly
    default Boolean getComplete() {
        return splitValues().complete;
    }

    /** Items received: the aggregated count on an aggregated copy, else this part's item count. JSON only. */
    @JsonOnly
    default int getReceived() {
        Integer received = splitValues().received;
        return received != null ? received : items().size();
    }

    /** The values of one part; only the accessors of {@link SplitResponse} and its messages reach them. */
    final class Values<I> {
        private Integer sumNum;
        private ManscdpList<I> list;
        private Boolean complete;
        private Integer received;

        /** This part's list element (DeviceList, RecordList), or {@code null}. */
        ManscdpList<I> list() {
            return list;
        }

        void list(ManscdpList<I> list) {
            this.list = list;
        }

        /** Copies {@code other}'s SumNum into this aggregated copy, with {@code all} items and the marks. */
        void aggregate(Values<I> other, List<I> all, boolean complete, int received) {
            sumNum = other.sumNum;
            list = new ManscdpList<>(all);
            this.complete = complete;
            this.received = received;
        }
    }
}
