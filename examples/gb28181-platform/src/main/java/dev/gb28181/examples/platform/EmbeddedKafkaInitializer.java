package dev.gb28181.examples.platform;

import java.util.Map;

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
 * directory and stops after the Camel context when the application closes.
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
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, PlatformEventRoutes.TOPIC);
        broker.afterPropertiesSet();
        String brokers = broker.getBrokersAsString();
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerSingleton("embeddedKafkaBroker", broker);
        beanFactory.registerDisposableBean("embeddedKafkaBroker", broker);
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
