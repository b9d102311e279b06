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

    /**
     * Whether the device answers this control, after its 200, with a Response carrying
     * {@code Result} (GB/T 28181-2016 §9.3.1: "有应答" commands, flow of §9.3.2.2; GB/T 28181-2022
     * §9.3.1 adds DeviceUpgrade), rather than with the 200 alone (§9.3.2.1).
     */
    public abstract boolean expectsResponse();
}
