package dev.gb28181.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.camel.Gb28181Constants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The embedded broker is stopped and started again (same folder, same port) while 10,000 events go
 * through the route every platform event takes ({@code direct:event}), handed over the way the
 * component's consumers do: asynchronously, from one thread, which waits only when
 * {@code app.kafka.max-pending} events are pending. While the broker is down the events wait, no more
 * than the maximum, and the gauge shows them; once it is back each event is in Kafka exactly once and
 * in the order it was sent.
 */
@CamelSpringBootTest
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "camel.component.gb28181.host=127.0.0.1", "camel.component.gb28181.port=0",
                "app.recordings.dir=target/recordings-${random.uuid}",
                "app.kafka.max-pending=" + KafkaBrokerRestartTest.MAX_PENDING })
class KafkaBrokerRestartTest {

    static final int MAX_PENDING = 500;
    private static final int EVENTS = 10_000;
    private static final String DEVICE = "34020000001320000009";
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

    @Autowired
    CamelContext camelContext;

    @Autowired
    EmbeddedKafka broker;

    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void noEventIsLostOrDuplicatedAcrossABrokerRestart() throws Exception {
        Endpoint events = camelContext.getEndpoint("direct:event");
        AsyncProducer producer = events.createAsyncProducer();
        producer.start();
        AtomicInteger handedOver = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            for (int sequence = 0; sequence < EVENTS; sequence++) {
                Exchange exchange = events.createExchange();
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("deviceId", DEVICE);
                event.put("eventType", "TEST");
                event.put("sequence", sequence);
                exchange.getMessage().setBody(event);
                exchange.getMessage().setHeader(Gb28181Constants.DEVICE_ID, DEVICE);
                producer.process(exchange, doneSync -> {
                    if (exchange.getException() != null) {
                        failure.compareAndSet(null, exchange.getException());
                    }
                    acknowledged.incrementAndGet();
                });
                handedOver.incrementAndGet();
            }
        }, "event-sender");
        sender.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.get() >= 2_000);
            broker.stop();
            int acknowledgedWhenStopped = acknowledged.get();

            // the sender fills the pending events up to the maximum and then waits
            await().atMost(Duration.ofSeconds(30)).until(() -> pending() >= MAX_PENDING);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    pending() == MAX_PENDING && handedOver.get() <= acknowledged.get() + MAX_PENDING);
            assertThat(handedOver.get()).as("events handed over while the broker is down").isLessThan(EVENTS);
            assertThat(acknowledged.get()).as("acknowledged while the broker is down")
                    .isLessThanOrEqualTo(acknowledgedWhenStopped + MAX_PENDING);

            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() == EVENTS);
            sender.join(10_000);
        } finally {
            producer.stop();
        }
        assertThat(failure.get()).as("failed exchange").isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);

        List<Integer> sequences = consumeAll();
        assertThat(sequences).as("events in Kafka").hasSize(EVENTS);
        assertThat(new HashSet<>(sequences)).as("distinct events in Kafka").hasSize(EVENTS);
        // one device, one partition: in the order they were sent
        assertThat(sequences).isSorted();
    }

    private double pending() {
        return meterRegistry.get("gb28181.kafka.pending").gauge().value();
    }

    /** Every event of the test device in the topic, read until 2 s pass without a new one. */
    private List<Integer> consumeAll() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        List<Integer> sequences = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(PlatformEventRoutes.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<Integer> seen = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Matcher sequence = SEQUENCE.matcher(record.value());
                    if (DEVICE.equals(record.key()) && sequence.find()) {
                        sequences.add(Integer.valueOf(sequence.group(1)));
                        seen.add(Integer.valueOf(sequence.group(1)));
                    }
                }
                return seen.size() >= EVENTS;
            });
            // duplicates would come after the last new event
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                Matcher sequence = SEQUENCE.matcher(record.value());
                if (DEVICE.equals(record.key()) && sequence.find()) {
                    sequences.add(Integer.valueOf(sequence.group(1)));
                }
            });
        }
        return sequences;
    }
}
