package dev.gb28181.manscdp;

/**
 * Asks a device for its identity (GB/T 28181-2016 §9.5.2, Annex A.2.4.4); answered by a
 * {@link DeviceInfoResponse}.
 */
public final class DeviceInfoQuery extends ManscdpQuery {

    public DeviceInfoQuery() {
        super("DeviceInfo");
    }
}
