package dev.gb28181.manscdp;

/**
 * Asks a PTZ camera for its cruise tracks (GB/T 28181-2022 Annex A.2.4.12); answered by a
 * {@link CruiseTrackListResponse}.
 */
public final class CruiseTrackListQuery extends ManscdpQuery {

    public CruiseTrackListQuery() {
        super("CruiseTrackListQuery");
    }
}
