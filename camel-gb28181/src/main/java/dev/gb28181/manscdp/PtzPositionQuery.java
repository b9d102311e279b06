package dev.gb28181.manscdp;

/**
 * Asks a PTZ camera for its precise position (GB/T 28181-2022 Annex A.2.4.13, CmdType {@code PTZPosition});
 * answered by a {@link PtzPositionResponse}.
 */
public final class PtzPositionQuery extends ManscdpQuery {

    public PtzPositionQuery() {
        super("PTZPosition");
    }
}
