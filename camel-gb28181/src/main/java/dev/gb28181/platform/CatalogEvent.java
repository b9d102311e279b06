package dev.gb28181.platform;

import dev.gb28181.manscdp.CatalogItem;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.List;

/**
 * A device's catalog (GB/T 28181-2016 §9.5.2, Annex A.2.6 Response Catalog, split per Annex N) or a
 * catalog change notification (§9.11.1, Notify Catalog whose items carry {@code Event}
 * ADD/DEL/UPDATE/ON/OFF/VLOST/DEFECT). A split catalog is emitted once, when SumNum items arrived
 * or when parts stopped coming ({@code complete} false, {@code received} items of {@code sumNum}).
 *
 * @param deviceId  the device that sent it (the From user)
 * @param eventType always CATALOG
 * @param timestamp when the platform emitted it
 * @param sn        the SN of the answer
 * @param sumNum    the SumNum the device announced, {@code null} when it sent none
 * @param received  how many distinct items arrived
 * @param complete  whether all SumNum items arrived
 * @param source    QUERY (answer to a query of this platform), UNSOLICITED (a Response nobody asked
 *                  for) or NOTIFY (a change notification)
 * @param items     the items, each with its {@code event} for NOTIFY
 */
public record CatalogEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, Long sn, Integer sumNum, int received,
        boolean complete, String source, List<CatalogItem> items) implements PlatformEvent {

    public static final String CATALOG = "CATALOG";
    public static final String QUERY = "QUERY";
    public static final String UNSOLICITED = "UNSOLICITED";
    public static final String NOTIFY = "NOTIFY";

    @Override
    public EventKind kind() {
        return EventKind.CATALOG;
    }
}
