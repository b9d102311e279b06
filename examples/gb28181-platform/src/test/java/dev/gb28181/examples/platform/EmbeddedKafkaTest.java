package dev.gb28181.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application restart does to the embedded broker: a new one on the same folder (as the next
 * run of the application starts it) holds the events the previous one acknowledged.
 */
class EmbeddedKafkaTest {

    private static final String TOPIC = "restart-test";

    @TempDir
    Path folder;

    @Test
    void aNewBrokerOnTheSameFolderHoldsTheEventsOfThePreviousOne() throws Exception {
        EmbeddedKafka first = new EmbeddedKafka(folder.resolve("kafka"), 0);
        first.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "device", "event-" + i)).get();
            }
        } finally {
            first.stop();
        }

        EmbeddedKafka second = new EmbeddedKafka(folder.resolve("kafka"), 0);
        second.start();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partition = List.of(new TopicPartition(TOPIC, 0));
            consumer.assign(partition);
            consumer.seekToBeginning(partition);
            List<String> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
                assertThat(events).hasSize(10);
            });
            assertThat(events).startsWith("event-0").endsWith("event-9").doesNotHaveDuplicates();
        } finally {
            second.stop();
        }
    }
}
