package dev.gb28181.platform;

/**
 * One GB/T 28181 platform: the SIP stack on one host and port, the device registry, registration,
 * keepalive and status tracking. Camel-free; the Camel component owns one instance.
 *
 * <p>CONTRACT SKELETON: the platform helper replaces the bodies; the public API below is what the
 * Camel adapter codes against.
 */
public class Gb28181Platform implements AutoCloseable {

    private final PlatformConfig config;

    public Gb28181Platform(PlatformConfig config) {
        this.config = config.validate();
    }

    public PlatformConfig config() {
        return config;
    }

    /** Binds the SIP port(s) and starts the status timer. Blocks until bound or failed. */
    public void start() {
        throw new UnsupportedOperationException("platform helper implements this");
    }

    /** Unbinds, stops timers; idempotent. */
    public void stop() {
    }

    @Override
    public void close() {
        stop();
    }

    /** true while the SIP port is bound (readiness). */
    public boolean isSipBound() {
        return false;
    }

    /** The bound SIP port (useful when configured as 0), -1 when not bound. */
    public int sipPort() {
        return -1;
    }

    /** The device registry. */
    public DeviceRegistry registry() {
        throw new UnsupportedOperationException("platform helper implements this");
    }

    public void addListener(PlatformListener listener) {
    }

    public void removeListener(PlatformListener listener) {
    }
}
