package dev.gb28181.examples.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Decides which Kafka the application writes to, before any bean (and so before the Camel context)
 * exists: the brokers of {@code camel.component.kafka.brokers}, else those of
 * {@code spring.kafka.bootstrap-servers}, else an embedded single-node KRaft broker started here, so
 * the platform runs with no other set-up. The embedded broker keeps its data in a temporary
 * directory, deleted when the broker stops after the Camel context as the application closes.
 */
public class EmbeddedKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String CAMEL_BROKERS = "camel.component.kafka.brokers";
    static final String SPRING_BROKERS = "spring.kafka.bootstrap-servers";
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
        // Kafka's test kit deletes its data directory from a JVM shutdown hook of its own, which races
        // with the broker's shutdown (errors about missing checkpoint files): those deletions are
        // collected here and run once the broker has stopped
        List<Runnable> deleteDataDirectory = new ArrayList<>();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, PlatformEventRoutes.TOPIC);
        Exit.setShutdownHookAdder((name, hook) -> deleteDataDirectory.add(hook));
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            deleteDataDirectory.forEach(Runnable::run);
            throw e;
        } finally {
            Exit.resetShutdownHookAdder();
        }
        String brokers = broker.getBrokersAsString();
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton("embeddedKafkaBroker", broker);
        // destroyed with the other singletons, i.e. after the Camel context has stopped
        beanFactory.registerDisposableBean("embeddedKafkaBroker", () -> {
            broker.destroy();
            deleteDataDirectory.forEach(Runnable::run);
        });
        useBrokers(environment, "embeddedKafka", brokers);
        LOG.info("Kafka: embedded single-node KRaft broker at {} (set {} or {} to use a real cluster)", brokers,
                SPRING_BROKERS, CAMEL_BROKERS);
    }

    private static void useBrokers(ConfigurableEnvironment environment, String source, String brokers) {
        environment.getPropertySources().addFirst(new MapPropertySource(source, Map.of(CAMEL_BROKERS, brokers)));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
