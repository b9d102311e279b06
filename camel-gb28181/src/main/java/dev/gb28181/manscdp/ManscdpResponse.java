package dev.gb28181.manscdp;

/** A {@code <Response>} message (GB/T 28181-2016 Annex A.2.6): a device's answer to a query or control. */
public abstract class ManscdpResponse extends ManscdpMessage {

    protected ManscdpResponse(String cmdType) {
        super(cmdType);
    }

    @Override
    public final ManscdpRoot root() {
        return ManscdpRoot.RESPONSE;
    }
}
