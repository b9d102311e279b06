package dev.gb28181.examples.platform;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides which Kafka the application writes to, before any bean (and so before the Camel context)
 * exists, and logs it: the brokers of {@code camel.component.kafka.brokers}, else those of
 * {@code spring.kafka.bootstrap-servers}, else an {@link EmbeddedKafka} started here on
 * {@code app.kafka.port} (default 9092; 0 picks a free port) with its log in {@code app.kafka.data-dir}
 * (default {@code kafka-data}), so the platform runs with no other set-up and the events it wrote
 * outlive a restart of the application. The embedded broker stops after the Camel context as the
 * application closes, so the events still on their way are delivered first.
 */
public class EmbeddedKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String CAMEL_BROKERS = "camel.component.kafka.brokers";
    static final String SPRING_BROKERS = "spring.kafka.bootstrap-servers";
    static final String DATA_DIR = "app.kafka.data-dir";
    static final String PORT = "app.kafka.port";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String camelBrokers = environment.getProperty(CAMEL_BROKERS);
        String springBrokers = environment.getProperty(SPRING_BROKERS);
        if (hasText(camelBrokers)) {
            LOG.info("Kafka: brokers {} (from {})", camelBrokers, CAMEL_BROKERS);
            return;
        }
        if (hasText(springBrokers)) {
            LOG.info("Kafka: brokers {} (from {})", springBrokers, SPRING_BROKERS);
            useBrokers(environment, "springKafkaBrokers", springBrokers);
            return;
        }
        EmbeddedKafka broker = new EmbeddedKafka(Path.of(environment.getProperty(DATA_DIR, "kafka-data")),
                environment.getProperty(PORT, Integer.class, 9092));
        broker.start();
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton("embeddedKafkaBroker", broker);
        // destroyed with the other singletons, i.e. after the Camel context has stopped
        beanFactory.registerDisposableBean("embeddedKafkaBroker", broker::stop);
        useBrokers(environment, "embeddedKafka", broker.bootstrapServers());
        LOG.info("Kafka: embedded single-node KRaft broker at {} with its data in {} (set {} or {} to use a real"
                + " cluster)", broker.bootstrapServers(), broker.dataDirectory(), SPRING_BROKERS, CAMEL_BROKERS);
    }

    private static void useBrokers(ConfigurableEnvironment environment, String source, String brokers) {
        environment.getPropertySources().addFirst(new MapPropertySource(source, Map.of(CAMEL_BROKERS, brokers)));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
