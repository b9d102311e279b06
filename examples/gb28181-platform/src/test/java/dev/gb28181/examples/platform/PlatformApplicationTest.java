package dev.gb28181.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.testing.TestDevice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The example platform end to end: a simulated device registers over UDP, and its REGISTERED event
 * arrives as JSON in the embedded Kafka under the device's ID and as an {@code EVENT <json>} log line;
 * the platform then asks the device for its DeviceInfo and Catalog, whose answers arrive in Kafka as
 * DEVICE_INFO and CATALOG events, each once.
 */
@ExtendWith(OutputCaptureExtension.class)
@CamelSpringBootTest
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camel.component.gb28181.host=127.0.0.1", "camel.component.gb28181.port=0",
                "camel.component.gb28181.request-timeout=2s",
                "app.recordings.dir=target/recordings-${random.uuid}" })
class PlatformApplicationTest {

    private static final String DEVICE = "34020000001320000001";
    private static final String SILENT_DEVICE = "34020000001320000002";

    @Autowired
    CamelContext camelContext;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext applicationContext;

    @Autowired
    TestRestTemplate http;

    @Test
    void registrationArrivesInKafkaAndTheLog(CapturedOutput output) {
        String brokers = environment.getProperty("camel.component.kafka.brokers");
        assertThat(brokers).as("embedded broker address").isNotBlank();
        // the context (shared with other test classes, so its start may not be in this class's output) runs
        // the embedded broker the application writes to
        assertThat(applicationContext.getBean("embeddedKafkaBroker", EmbeddedKafkaBroker.class).getBrokersAsString())
                .isEqualTo(brokers);
        assertThat(camelContext.getRoute("offline-alerts")).as("YAML route loaded").isNotNull();
        Gb28181Component component = camelContext.getComponent("gb28181", Gb28181Component.class);
        InetSocketAddress platform = new InetSocketAddress("127.0.0.1", component.getPlatform().sipPort());

        try (KafkaConsumer<String, String> consumer = consumer(brokers);
                TestDevice device = TestDevice.udp(DEVICE, platform).password("12345678")) {
            consumer.subscribe(List.of(PlatformEventRoutes.TOPIC));
            answerQueries(device);
            assertThat(device.register(3600).status()).isEqualTo(200);

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(DEVICE);
                    assertThat(record.value()).contains("\"eventType\":\"REGISTERED\"")
                            .contains("\"deviceId\":\"" + DEVICE + "\"")
                            .containsPattern("\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\"");
                });
                assertThat(records).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(DEVICE);
                    assertThat(record.value()).contains("\"eventType\":\"DEVICE_INFO\"")
                            .contains("\"deviceId\":\"" + DEVICE + "\"").contains("Gate camera");
                });
                assertThat(records).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(DEVICE);
                    assertThat(record.value()).contains("\"eventType\":\"CATALOG\"").contains(device.channelId(0));
                });
            });
            // a little later nothing was sent twice
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            assertThat(records).filteredOn(r -> r.value().contains("\"eventType\":\"CATALOG\"")).hasSize(1);
            assertThat(records).filteredOn(r -> r.value().contains("\"eventType\":\"DEVICE_INFO\"")).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("EVENT \\{\"deviceId\":\"" + DEVICE + "\",\"eventType\":\"REGISTERED\"")
                .contains("EVENT {\"deviceId\":\"" + DEVICE + "\",\"eventType\":\"ONLINE\""));
        assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("\"status\":\"UP\"");
    }

    @Test
    void aQueryThatFailsIsLoggedOnceAndNotRetried(CapturedOutput output) {
        Gb28181Component component = camelContext.getComponent("gb28181", Gb28181Component.class);
        InetSocketAddress platform = new InetSocketAddress("127.0.0.1", component.getPlatform().sipPort());

        try (TestDevice silent = TestDevice.udp(SILENT_DEVICE, platform).password("12345678")) {
            assertThat(silent.register(3600).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut())
                    .contains("DeviceInfo query to " + SILENT_DEVICE + " failed")
                    .contains("Catalog query to " + SILENT_DEVICE + " failed"));
            // well after both timed out (2 s), still one line each: nothing was retried
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(count(output.getOut(), "DeviceInfo query to " + SILENT_DEVICE + " failed")).isEqualTo(1);
                assertThat(count(output.getOut(), "Catalog query to " + SILENT_DEVICE + " failed")).isEqualTo(1);
            });
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Answers the DeviceInfo and Catalog queries the platform sends after the registration. */
    private static void answerQueries(TestDevice device) {
        device.autoAnswer(request -> switch (String.valueOf(TestDevice.cmdType(request))) {
            case "DeviceInfo" -> List.of(device.manscdp("Response", "DeviceInfo", TestDevice.sn(request),
                    "<DeviceName>Gate camera</DeviceName>\r\n<Result>OK</Result>\r\n<Manufacturer>Test</Manufacturer>\r\n"
                            + "<Channel>1</Channel>\r\n"));
            case "Catalog" -> device.catalogParts(TestDevice.sn(request), 1, 1);
            default -> null;
        });
    }

    private static KafkaConsumer<String, String> consumer(String brokers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
