package dev.gb28181.manscdp;

/**
 * Asks a PTZ camera for its presets (GB/T 28181-2016 Annex A.2.4.9); answered by a
 * {@link PresetQueryResponse}.
 */
public final class PresetQuery extends ManscdpQuery {

    public PresetQuery() {
        super("PresetQuery");
    }
}
