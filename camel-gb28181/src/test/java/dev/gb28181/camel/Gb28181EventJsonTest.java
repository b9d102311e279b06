package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.platform.KeepaliveEvent;
import dev.gb28181.platform.RegisterEvent;
import dev.gb28181.platform.StatusEvent;

import java.time.Instant;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** The event bodies as {@code marshal().json()} (camel-jackson, default settings) writes them. */
class Gb28181EventJsonTest extends CamelTestSupport {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089Z");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:json").marshal().json().convertBodyTo(String.class);
            }
        };
    }

    private String json(Object event) {
        return template.requestBody("direct:json", event, String.class);
    }

    @Test
    void registerEvent() {
        String json = json(new RegisterEvent("34020000001320000001", RegisterEvent.REGISTERED, AT, "UDP",
                "192.168.1.64:5060", 3600, "IP Camera"));

        assertThat(json).startsWith("{").doesNotContain("\n")
                .contains("\"deviceId\":\"34020000001320000001\"")
                .contains("\"eventType\":\"REGISTERED\"")
                .contains("\"timestamp\":\"2026-03-04T05:06:07.089Z\"")
                .contains("\"transport\":\"UDP\"")
                .contains("\"remoteAddress\":\"192.168.1.64:5060\"")
                .contains("\"expires\":3600")
                .contains("\"userAgent\":\"IP Camera\"");
    }

    @Test
    void keepaliveEvent() {
        String json = json(new KeepaliveEvent("34020000001320000001", KeepaliveEvent.KEEPALIVE, AT, "42", "OK", "TCP",
                "10.0.0.2:40000"));

        assertThat(json).contains("\"eventType\":\"KEEPALIVE\"")
                .contains("\"timestamp\":\"2026-03-04T05:06:07.089Z\"")
                .contains("\"sn\":\"42\"")
                .contains("\"status\":\"OK\"")
                .contains("\"remoteAddress\":\"10.0.0.2:40000\"");
    }

    @Test
    void statusEvent() {
        String json = json(new StatusEvent("34020000001320000001", StatusEvent.OFFLINE, AT, "KEEPALIVE_TIMEOUT"));

        assertThat(json).contains("\"deviceId\":\"34020000001320000001\"")
                .contains("\"eventType\":\"OFFLINE\"")
                .contains("\"timestamp\":\"2026-03-04T05:06:07.089Z\"")
                .contains("\"reason\":\"KEEPALIVE_TIMEOUT\"");
    }
}
