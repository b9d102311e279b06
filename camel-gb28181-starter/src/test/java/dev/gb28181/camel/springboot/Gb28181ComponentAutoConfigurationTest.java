package dev.gb28181.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.camel.Gb28181Configuration;
import dev.gb28181.media.MediaPortAllocator;
import dev.gb28181.platform.CredentialsProvider;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter binds {@code camel.component.gb28181.*} onto the component, whose platform then runs. */
@CamelSpringBootTest
@EnableAutoConfiguration
@SpringBootTest(classes = Gb28181ComponentAutoConfigurationTest.Routes.class, properties = {
        "camel.component.gb28181.port=0",
        "camel.component.gb28181.host=127.0.0.1",
        "camel.component.gb28181.sip-id=34020000002000000009",
        "camel.component.gb28181.password=s3cret-pass",
        "camel.component.gb28181.transports=udp",
        "camel.component.gb28181.keepalive-interval=15s",
        "camel.component.gb28181.keepalive-timeout-count=4",
        "camel.component.gb28181.register-expires-min=120s",
        "camel.component.gb28181.digest-qop=false",
        "camel.component.gb28181.user-agent=starter-test",
        "camel.component.gb28181.first-part-timeout=90s",
        "camel.component.gb28181.part-idle-timeout=2s",
        "camel.component.gb28181.control-response-timeout=3s",
        "camel.component.gb28181.sip-trace=true",
        "camel.component.gb28181.sip-trace-devices=34020000001320000001,34020000001320000002",
        "camel.component.gb28181.offline-devices-window=2m",
        "camel.component.gb28181.media-host=198.51.100.7",
        "camel.component.gb28181.media-port-range=31000-31099",
        "camel.component.gb28181.media-timeout=45s",
        "camel.component.gb28181.media-any-source=true",
        "camel.component.gb28181.media-native-transport=false",
        "camel.component.gb28181.credentials-provider=#bean:deviceCredentials" })
class Gb28181ComponentAutoConfigurationTest {

    @Autowired
    CamelContext camelContext;

    @Autowired
    CredentialsProvider deviceCredentials;

    @Test
    void componentGetsThePropertiesAndItsPlatformIsBound() {
        Gb28181Component component = camelContext.getComponent("gb28181", Gb28181Component.class);
        Gb28181Configuration configuration = component.getConfiguration();

        assertThat(configuration.getSipId()).isEqualTo("34020000002000000009");
        assertThat(configuration.getPassword()).isEqualTo("s3cret-pass");
        assertThat(configuration.getTransports()).isEqualTo("udp");
        assertThat(configuration.getKeepaliveInterval()).isEqualTo(Duration.ofSeconds(15).toMillis());
        assertThat(configuration.getKeepaliveTimeoutCount()).isEqualTo(4);
        assertThat(configuration.getRegisterExpiresMin()).isEqualTo(Duration.ofSeconds(120).toMillis());
        assertThat(configuration.isDigestQop()).isFalse();
        assertThat(configuration.getUserAgent()).isEqualTo("starter-test");
        assertThat(configuration.getFirstPartTimeout()).isEqualTo(Duration.ofSeconds(90).toMillis());
        assertThat(configuration.getPartIdleTimeout()).isEqualTo(Duration.ofSeconds(2).toMillis());
        assertThat(configuration.getControlResponseTimeout()).isEqualTo(Duration.ofSeconds(3).toMillis());
        assertThat(configuration.getCredentialsProvider()).isSameAs(deviceCredentials);
        assertThat(configuration.getOfflineDevicesWindow()).isEqualTo(Duration.ofMinutes(2).toMillis());

        assertThat(component.isSipBound()).isTrue();
        assertThat(component.getPlatform().sipPort()).isPositive();
        assertThat(component.getPlatform().config().offlineAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(component.getPlatform().config().firstPartTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(component.getPlatform().config().partIdleTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(component.getPlatform().config().controlResponseTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(component.getPlatform().sipTrace().deviceIds())
                .containsExactly("34020000001320000001", "34020000001320000002");
        assertThat(component.getPlatform().config().mediaHost()).isEqualTo("198.51.100.7");
        assertThat(component.getPlatform().config().mediaPortRange())
                .isEqualTo(new MediaPortAllocator.PortRange(31000, 31099));
        assertThat(component.getPlatform().config().mediaTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(component.getPlatform().config().mediaAnySource()).isTrue();
        assertThat(component.getPlatform().config().mediaSharedPort()).isZero();
        assertThat(component.getPlatform().config().mediaNativeTransport()).isFalse();
    }

    @Configuration
    static class Routes {

        @Bean
        CredentialsProvider deviceCredentials() {
            return CredentialsProvider.of(Map.of("34020000001320000001", "device-pass"), false);
        }

        @Bean
        RouteBuilder registrations() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181:register").to("log:registrations");
                }
            };
        }
    }
}
