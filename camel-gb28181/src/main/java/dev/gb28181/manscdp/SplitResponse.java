package dev.gb28181.manscdp;

import java.util.List;

/**
 * An answer that may arrive in parts (GB/T 28181-2016 Annex N): every part carries the query's SN,
 * {@code SumNum} = the total number of items, and its own list with {@code Num} = the items of this part.
 * The platform collects the parts and hands on one aggregated copy.
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

    /** Total number of items of the whole answer as the device announced it, or {@code null}. */
    Integer getSumNum();

    /** This part's items, never {@code null}. */
    List<I> items();

    /**
     * A copy of this part holding {@code all} items ({@code Num} = {@code all.size()}), marked
     * {@code complete} or not, with {@code received} = how many items arrived.
     */
    SplitResponse<I> aggregate(List<I> all, boolean complete, int received);

    /** {@code true}/{@code false} on an aggregated copy, {@code null} on a single part. JSON only. */
    Boolean getComplete();

    /** Items received: the aggregated count on an aggregated copy, else this part's item count. JSON only. */
    int getReceived();
}
