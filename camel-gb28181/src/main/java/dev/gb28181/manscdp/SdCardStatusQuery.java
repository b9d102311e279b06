package dev.gb28181.manscdp;

/**
 * Asks a device for the state of its storage cards (GB/T 28181-2022 Annex A.2.4.14, CmdType
 * {@code SDCardStatus}); answered by a {@link SdCardStatusResponse}.
 */
public final class SdCardStatusQuery extends ManscdpQuery {

    public SdCardStatusQuery() {
        super("SDCardStatus");
    }
}
