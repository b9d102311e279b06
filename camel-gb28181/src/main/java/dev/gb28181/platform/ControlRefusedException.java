package dev.gb28181.platform;

import dev.gb28181.manscdp.ManscdpResponse;

/**
 * A device accepted a control with 200 and then answered it with a Response whose {@code Result} is
 * {@code ERROR} (GB/T 28181-2016 §9.3.2.2, §9.3.3.2, Annex A.2.6 "设备控制应答" / "设备配置应答"):
 * it refused to carry the command out. Carries the Response ({@code DeviceControlResponse} or
 * {@code DeviceConfigResponse}) with whatever else the device wrote in it.
 */
public class ControlRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ManscdpResponse response;

    public ControlRefusedException(ManscdpResponse response, String message) {
        super(message);
        this.response = response;
    }

    /** The device's Response with Result ERROR. */
    public ManscdpResponse response() {
        return response;
    }
}
