package dev.gb28181.manscdp;

/**
 * A {@code <Query>} message (GB/T 28181-2016 Annex A.2.4, 2022 Annex A.2.4): the platform asks, the
 * device answers with a {@code <Response>} carrying the same CmdType and SN.
 */
public abstract class ManscdpQuery extends ManscdpMessage {

    protected ManscdpQuery(String cmdType) {
        super(cmdType);
    }

    @Override
    public final ManscdpRoot root() {
        return ManscdpRoot.QUERY;
    }
}
