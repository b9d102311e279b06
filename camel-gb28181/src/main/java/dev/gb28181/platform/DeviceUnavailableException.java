package dev.gb28181.platform;

/**
 * A request for a device that is not registered or is offline (GB/T 28181-2016 §9.1, §9.6): the
 * platform knows no address to send to, or the device stopped keeping alive, so it fails at once
 * instead of waiting for a timeout.
 */
public class DeviceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String deviceId;

    public DeviceUnavailableException(String deviceId, String message) {
        super(message);
        this.deviceId = deviceId;
    }

    /** The device asked for. */
    public String deviceId() {
        return deviceId;
    }
}
