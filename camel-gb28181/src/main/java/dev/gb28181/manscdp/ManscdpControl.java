package dev.gb28181.manscdp;

/** A {@code <Control>} message (GB/T 28181-2016 Annex A.2.3): the platform commands a device. */
public abstract class ManscdpControl extends ManscdpMessage {

    protected ManscdpControl(String cmdType) {
        super(cmdType);
    }

    @Override
    public final ManscdpRoot root() {
        return ManscdpRoot.CONTROL;
    }
}
