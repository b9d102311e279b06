package dev.gb28181.manscdp;

/**
 * Changes a device's configuration (GB/T 28181-2016 §9.3, Annex A.2.3; 2022 sections added):
 * BasicParam (name, expiration, keepalive interval and count), SVAC encoder/decoder settings and the
 * 2022 sections, as {@link DeviceConfigSections} lays them out. Answered by a {@link DeviceConfigResponse}.
 */
public final class DeviceConfig extends ManscdpControl implements DeviceConfigSections {

    private final Values configValues = new Values();

    public DeviceConfig() {
        super("DeviceConfig");
    }

    /** Always: GB/T 28181-2016 §9.3.1 answers every DeviceConfig with a {@link DeviceConfigResponse}. */
    @Override
    public boolean expectsResponse() {
        return true;
    }

    @Override
    public Values configValues() {
        return configValues;
    }
}
