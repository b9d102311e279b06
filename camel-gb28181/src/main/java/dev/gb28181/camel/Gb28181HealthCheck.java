package dev.gb28181.camel;

import dev.gb28181.platform.Gb28181Platform;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@link Gb28181Component}: DOWN while its platform's SIP port is not bound, since
 * devices cannot register or send keepalives (GB/T 28181-2016 §9.1, §9.6) until it is.
 */
final class Gb28181HealthCheck extends AbstractHealthCheck {

    private final Gb28181Component component;

    Gb28181HealthCheck(Gb28181Component component) {
        super("camel", "gb28181-" + component.getConfiguration().getSipId());
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Gb28181Configuration configuration = component.getConfiguration();
        builder.detail("sip.id", configuration.getSipId());
        builder.detail("sip.host", configuration.getHost());
        Gb28181Platform platform = component.platformOrNull();
        if (platform != null && platform.isSipBound()) {
            builder.detail("sip.port", platform.sipPort());
            builder.up();
        } else {
            builder.detail("sip.port", configuration.getPort());
            builder.message("The GB28181 SIP port is not bound");
            builder.down();
        }
    }
}
