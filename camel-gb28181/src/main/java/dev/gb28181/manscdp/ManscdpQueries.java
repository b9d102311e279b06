package dev.gb28181.manscdp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Creates queries by CmdType (GB/T 28181-2016 Annex A.2.4, 2022 Annex A.2.4), for routes that name the
 * command as text, and tells which answers come in parts (Annex N).
 */
public final class ManscdpQueries {

    private static final Map<String, Supplier<ManscdpQuery>> QUERIES = new LinkedHashMap<>();

    static {
        add(CatalogQuery::new);
        add(DeviceInfoQuery::new);
        add(DeviceStatusQuery::new);
        add(RecordInfoQuery::new);
        add(AlarmQuery::new);
        add(ConfigDownloadQuery::new);
        add(PresetQuery::new);
        add(MobilePositionQuery::new);
        add(HomePositionQuery::new);
        add(CruiseTrackListQuery::new);
        add(CruiseTrackQuery::new);
        add(PtzPositionQuery::new);
        add(SdCardStatusQuery::new);
    }

    private ManscdpQueries() {
    }

    private static void add(Supplier<ManscdpQuery> query) {
        QUERIES.put(query.get().getCmdType().toLowerCase(Locale.ROOT), query);
    }

    /**
     * A new, empty query for {@code cmdType} (any case: {@code catalog}, {@code PTZPosition}...).
     *
     * @throws IllegalArgumentException for a CmdType that is no query, naming the known ones
     */
    public static ManscdpQuery create(String cmdType) {
        Supplier<ManscdpQuery> query = cmdType == null ? null : QUERIES.get(cmdType.trim().toLowerCase(Locale.ROOT));
        if (query == null) {
            StringBuilder known = new StringBuilder();
            QUERIES.values().forEach(q -> known.append(known.isEmpty() ? "" : ", ").append(q.get().getCmdType()));
            throw new IllegalArgumentException("Unknown MANSCDP query CmdType '" + cmdType + "'; known: " + known);
        }
        return query.get();
    }

    /** {@code true} for queries whose answers may come in parts (Annex N): Catalog and RecordInfo. */
    public static boolean isSplit(String cmdType) {
        return "Catalog".equalsIgnoreCase(cmdType) || "RecordInfo".equalsIgnoreCase(cmdType);
    }
}
