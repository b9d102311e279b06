package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gb28181.platform.CredentialsProvider;
import dev.gb28181.platform.EventKind;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.sip.Transport;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.BridgeExceptionHandlerToErrorHandler;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Component life cycle, options, health and the errors a user sees for a wrong URI. */
class Gb28181ComponentTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private Gb28181Component addComponent(String name) {
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(0);
        component.getConfiguration().setPassword("12345678");
        context.addComponent(name, component);
        return component;
    }

    @Test
    void producerOnAConsumerKindFailsAtRouteStart() throws Exception {
        addComponent("gb28181");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("gb28181:register");
            }
        });

        assertThatThrownBy(context::start)
                .rootCause()
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("gb28181:register is consumer-only");
    }

    @Test
    void producerOnANewConsumerKindFailsAtRouteStart() throws Exception {
        addComponent("gb28181");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("gb28181:catalog");
            }
        });

        assertThatThrownBy(context::start)
                .rootCause()
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("gb28181:catalog is consumer-only");
    }

    @Test
    void consumerOnAProducerKindFailsAtRouteStart() throws Exception {
        addComponent("gb28181");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:subscribe?event=Catalog").to("log:x");
            }
        });

        assertThatThrownBy(context::start)
                .rootCause()
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("gb28181:subscribe is producer-only");
    }

    @Test
    void everyKindIsEitherConsumerOrProducer() {
        assertThat(Gb28181Kind.values()).allSatisfy(kind -> assertThat(kind.isConsumer()).isNotEqualTo(kind.isProducer()));
        assertThat(Arrays.stream(Gb28181Kind.values()).filter(Gb28181Kind::isProducer))
                .containsExactly(Gb28181Kind.QUERY, Gb28181Kind.SUBSCRIBE, Gb28181Kind.PTZ, Gb28181Kind.CONTROL,
                        Gb28181Kind.INVITE, Gb28181Kind.PLAYCONTROL, Gb28181Kind.BYE);
        assertThat(Gb28181Kind.RTP.isConsumer()).isTrue();
        assertThatThrownBy(Gb28181Kind.RTP::eventKind).hasMessageContaining("media frames");
        assertThat(Gb28181Kind.MOBILEPOSITION.eventKind()).isEqualTo(EventKind.MOBILE_POSITION);
        assertThatThrownBy(Gb28181Kind.QUERY::eventKind).hasMessageContaining("producer kind");
    }

    @Test
    void unknownQueryOrEventFailsAtRouteStart() throws Exception {
        addComponent("gb28181");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query").to("gb28181:query?cmd=Catalogue");
            }
        });
        assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Catalogue");

        CamelContext second = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(0);
        second.addComponent("gb28181", component);
        second.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:subscribe").to("gb28181:subscribe?event=Presence");
            }
        });
        try {
            assertThatThrownBy(second::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown event 'Presence'");
        } finally {
            second.stop();
        }
    }

    @Test
    void unknownKindNamesTheKnownOnes() throws Exception {
        addComponent("gb28181");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:catalogue").to("log:x");
            }
        });

        assertThatThrownBy(context::start)
                .rootCause()
                .hasMessageContaining("Unknown gb28181 kind 'catalogue'")
                .hasMessageContaining("register, keepalive, status, catalog, alarm, mobileposition, message, rtp,"
                        + " query, subscribe");
    }

    @Test
    void readinessIsDownUntilTheSipPortIsBoundAndAfterStop() {
        Gb28181Component component = addComponent("gb28181");
        component.getConfiguration().setSipId("34020000002000000077");
        Gb28181HealthCheck check = new Gb28181HealthCheck(component);
        check.setCamelContext(context);
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.DOWN);

        context.start();

        assertThat(component.isSipBound()).isTrue();
        Optional<HealthCheck.Result> registered = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("gb28181-34020000002000000077"))
                .findFirst();
        assertThat(registered).isPresent();
        assertThat(registered.get().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(registered.get().getDetails()).containsEntry("sip.port", component.getPlatform().sipPort());
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

        component.stop();

        assertThat(component.isSipBound()).isFalse();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(HealthCheckHelper.invokeReadiness(context))
                .noneMatch(r -> r.getCheck().getId().equals("gb28181-34020000002000000077"));
    }

    @Test
    void componentOptionsAsTextReachThePlatform() throws Exception {
        // what camel-main and the Spring Boot starter do with camel.component.gb28181.* properties
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("host", "127.0.0.1");
        properties.put("port", "0");
        properties.put("sipId", "44010200492000000001");
        properties.put("realm", "4401020049");
        properties.put("transports", "tcp");
        properties.put("keepaliveInterval", "20s");
        properties.put("keepaliveTimeoutCount", "2");
        properties.put("requestTimeout", "3s");
        properties.put("firstPartTimeout", "2m");
        properties.put("partIdleTimeout", "1500ms");
        properties.put("charset", "GB18030");
        properties.put("registerExpiresMin", "60s");
        properties.put("digestQop", "false");
        properties.put("nonceTtl", "1m");
        properties.put("authFailureLimit", "7");
        properties.put("authLockout", "30s");
        properties.put("userAgent", "test-platform");
        properties.put("mediaNativeTransport", "false");
        properties.put("credentialsProvider", "#bean:devices");
        CredentialsProvider devices = CredentialsProvider.of(Map.of("44010200491320000001", "pw"), true);
        context.getRegistry().bind("devices", devices);
        Gb28181Component component = new Gb28181Component();
        context.addComponent("gb28181", component);
        PropertyBindingSupport.build().withReflection(false).withIgnoreCase(true)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withRemoveParameters(true).bind(context, component, properties);
        assertThat(properties).as("options the configurer did not know").isEmpty();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:status").to("log:status");
            }
        });

        context.start();

        PlatformConfig config = context.getComponent("gb28181", Gb28181Component.class).getPlatform().config();
        assertThat(config.sipId()).isEqualTo("44010200492000000001");
        assertThat(config.domain()).isEqualTo("4401020049");
        assertThat(config.realm()).isEqualTo("4401020049");
        assertThat(config.transports()).containsExactly(Transport.TCP);
        assertThat(config.keepaliveInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.offlineAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.firstPartTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.partIdleTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(config.registerExpiresMin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.digestQop()).isFalse();
        assertThat(config.nonceTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.authFailureLimit()).isEqualTo(7);
        assertThat(config.authLockout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.userAgent()).isEqualTo("test-platform");
        assertThat(config.mediaNativeTransport()).isFalse();
        assertThat(config.credentialsProvider()).isSameAs(devices);
    }

    @Test
    void endpointOptionsFromTheUri() {
        addComponent("gb28181");
        Gb28181Endpoint endpoint = context.getEndpoint(
                "gb28181:KEEPALIVE?deviceId=34020000001320000001&concurrentConsumers=2&eventQueueSize=50",
                Gb28181Endpoint.class);

        assertThat(endpoint.getKind()).isEqualTo(Gb28181Kind.KEEPALIVE);
        assertThat(endpoint.getDeviceId()).isEqualTo("34020000001320000001");
        assertThat(endpoint.getConcurrentConsumers()).isEqualTo(2);
        assertThat(endpoint.getEventQueueSize()).isEqualTo(50);
        assertThat(endpoint.getServiceProtocol()).isEqualTo("sip");
        assertThat(endpoint.getServiceUrl()).isEqualTo("127.0.0.1:0");
        context.start();
        assertThat(endpoint.getServiceUrl()).isEqualTo("127.0.0.1:" + endpoint.getComponent().getPlatform().sipPort());
    }

    @Test
    void producerOptionsFromTheUri() {
        addComponent("gb28181");
        Gb28181Endpoint query = context.getEndpoint("gb28181:query?cmd=RecordInfo&deviceId=34020000001320000001"
                + "&channelId=34020000001320000011&startTime=2024-01-31T08:00:00&endTime=2024-01-31T09:00:00&type=time"
                + "&filePath=/a&address=here&secrecy=1&recorderId=r1&startAlarmPriority=1&endAlarmPriority=4"
                + "&alarmMethod=2&alarmType=5&configType=BasicParam&interval=7", Gb28181Endpoint.class);
        Gb28181Endpoint subscribe = context.getEndpoint("gb28181:subscribe?event=MobilePosition&expires=600",
                Gb28181Endpoint.class);

        assertThat(query.getKind()).isEqualTo(Gb28181Kind.QUERY);
        assertThat(query.getCmd()).isEqualTo("RecordInfo");
        assertThat(query.getChannelId()).isEqualTo("34020000001320000011");
        assertThat(query.getStartTime()).isEqualTo("2024-01-31T08:00:00");
        assertThat(query.getEndTime()).isEqualTo("2024-01-31T09:00:00");
        assertThat(query.getType()).isEqualTo("time");
        assertThat(query.getFilePath()).isEqualTo("/a");
        assertThat(query.getAddress()).isEqualTo("here");
        assertThat(query.getSecrecy()).isEqualTo(1);
        assertThat(query.getRecorderId()).isEqualTo("r1");
        assertThat(query.getStartAlarmPriority()).isEqualTo("1");
        assertThat(query.getEndAlarmPriority()).isEqualTo("4");
        assertThat(query.getAlarmMethod()).isEqualTo("2");
        assertThat(query.getAlarmType()).isEqualTo("5");
        assertThat(query.getConfigType()).isEqualTo("BasicParam");
        assertThat(query.getInterval()).isEqualTo(7);
        assertThat(subscribe.getEvent()).isEqualTo("MobilePosition");
        assertThat(subscribe.getExpires()).isEqualTo(600);
        assertThat(new Gb28181Endpoint("gb28181:subscribe", query.getComponent(), Gb28181Kind.SUBSCRIBE)
                .getExpires()).isEqualTo(3600);
    }

    @Test
    void bridgeErrorHandlerHandsConsumerErrorsToTheRoute() throws Exception {
        addComponent("gb28181");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:status?bridgeErrorHandler=true").routeId("bridged").to("log:status");
                from("gb28181:status").routeId("plain").to("log:status");
            }
        });

        context.start();

        assertThat(((Gb28181Consumer) context.getRoute("bridged").getConsumer()).getExceptionHandler())
                .isInstanceOf(BridgeExceptionHandlerToErrorHandler.class);
        assertThat(((Gb28181Consumer) context.getRoute("plain").getConsumer()).getExceptionHandler())
                .isNotInstanceOf(BridgeExceptionHandlerToErrorHandler.class);
    }

    @Test
    void defaultsAreThePlatformsExceptTheCharsetOfTheApi() {
        PlatformConfig defaults = new PlatformConfig().validate();
        PlatformConfig mapped = new Gb28181Configuration().toPlatformConfig();

        assertThat(mapped.sipId()).isEqualTo(defaults.sipId());
        assertThat(mapped.domain()).isEqualTo(defaults.domain());
        assertThat(mapped.realm()).isEqualTo(defaults.realm());
        assertThat(mapped.host()).isEqualTo(defaults.host());
        assertThat(mapped.port()).isEqualTo(defaults.port());
        assertThat(mapped.transports()).isEqualTo(defaults.transports());
        assertThat(mapped.keepaliveInterval()).isEqualTo(defaults.keepaliveInterval());
        assertThat(mapped.keepaliveTimeoutCount()).isEqualTo(defaults.keepaliveTimeoutCount());
        assertThat(mapped.requestTimeout()).isEqualTo(defaults.requestTimeout());
        assertThat(mapped.firstPartTimeout()).isEqualTo(defaults.firstPartTimeout());
        assertThat(mapped.partIdleTimeout()).isEqualTo(defaults.partIdleTimeout());
        assertThat(mapped.registerExpiresMin()).isEqualTo(defaults.registerExpiresMin());
        assertThat(mapped.registerExpiresMax()).isEqualTo(defaults.registerExpiresMax());
        assertThat(mapped.digestQop()).isEqualTo(defaults.digestQop());
        assertThat(mapped.nonceTtl()).isEqualTo(defaults.nonceTtl());
        assertThat(mapped.authFailureLimit()).isEqualTo(defaults.authFailureLimit());
        assertThat(mapped.authLockout()).isEqualTo(defaults.authLockout());
        assertThat(mapped.userAgent()).isEqualTo(defaults.userAgent());
        assertThat(mapped.mediaNativeTransport()).isEqualTo(defaults.mediaNativeTransport()).isTrue();
        assertThat(mapped.charset()).isEqualTo(Charset.forName("GB2312"));
    }

    @Test
    void wrongSettingsAreNamed() {
        Gb28181Configuration configuration = new Gb28181Configuration();
        configuration.setTransports("udp,sctp");
        assertThatThrownBy(configuration::toPlatformConfig).hasMessageContaining("transports")
                .hasMessageContaining("sctp");
        configuration.setTransports("udp");
        configuration.setCharset("no-such-charset");
        assertThatThrownBy(configuration::toPlatformConfig).hasMessageContaining("charset");
        configuration.setCharset("GB2312");
        configuration.setSipId("123");
        assertThatThrownBy(configuration::toPlatformConfig).hasMessageContaining("sipId");
    }

    @Test
    void secondComponentRunsASecondPlatformConfiguredByCopy() throws Exception {
        Gb28181Component first = addComponent("gb28181");
        Gb28181Component second = new Gb28181Component();
        Gb28181Configuration copy = first.getConfiguration().copy();
        copy.setSipId("34020000002000000002");
        second.setConfiguration(copy);
        context.addComponent("gb28181b", second);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:register").to("log:first");
                from("gb28181b:register").to("log:second");
            }
        });

        context.start();

        assertThat(first.getConfiguration().getSipId()).isEqualTo("34020000002000000001");
        assertThat(second.getPlatform()).isNotSameAs(first.getPlatform());
        assertThat(second.getPlatform().config().sipId()).isEqualTo("34020000002000000002");
        assertThat(second.getPlatform().config().password()).isEqualTo("12345678");
        assertThat(second.getPlatform().sipPort()).isPositive().isNotEqualTo(first.getPlatform().sipPort());
    }
}
