package dev.gb28181.manscdp;

/** A {@code <Notify>} message (GB/T 28181-2016 Annex A.2.5): something a device or platform reports unasked. */
public abstract class ManscdpNotify extends ManscdpMessage {

    protected ManscdpNotify(String cmdType) {
        super(cmdType);
    }

    @Override
    public final ManscdpRoot root() {
        return ManscdpRoot.NOTIFY;
    }
}
