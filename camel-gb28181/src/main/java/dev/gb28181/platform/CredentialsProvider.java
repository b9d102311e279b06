package dev.gb28181.platform;

import java.util.Map;

/**
 * Where the platform finds a device's registration password (GB/T 28181 §9.1.2.1 digest
 * authentication), and whether it knows the device at all.
 *
 * <p>A provider that {@linkplain #allowListOnly() is an allow-list} refuses every device it does not
 * know with 403; otherwise unknown devices fall back to the component's default password.
 */
public interface CredentialsProvider {

    /** The password of {@code deviceId}, or {@code null} when this provider does not know the device. */
    String password(String deviceId);

    /** {@code true} when devices this provider does not know must be refused. */
    default boolean allowListOnly() {
        return false;
    }

    /** A provider backed by a map of device ID to password. */
    static CredentialsProvider of(Map<String, String> passwords, boolean allowListOnly) {
        Map<String, String> copy = Map.copyOf(passwords);
        return new CredentialsProvider() {
            @Override
            public String password(String deviceId) {
                return copy.get(deviceId);
            }

            @Override
            public boolean allowListOnly() {
                return allowListOnly;
            }
        };
    }
}
