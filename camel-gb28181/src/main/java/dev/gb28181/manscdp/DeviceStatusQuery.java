package dev.gb28181.manscdp;

/**
 * Asks a device for its running state (GB/T 28181-2016 §9.5.3, Annex A.2.4.5); answered by a
 * {@link DeviceStatusResponse}.
 */
public final class DeviceStatusQuery extends ManscdpQuery {

    public DeviceStatusQuery() {
        super("DeviceStatus");
    }
}
