package dev.gb28181.manscdp;

/**
 * Asks a PTZ camera for its home position settings (GB/T 28181-2022 Annex A.2.4.11); answered by a
 * {@link HomePositionResponse}.
 */
public final class HomePositionQuery extends ManscdpQuery {

    public HomePositionQuery() {
        super("HomePositionQuery");
    }
}
