package dev.gb28181.camel.springboot;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.camel.metrics.Gb28181Metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * When Micrometer is on the classpath, binds the counters of the {@code gb28181} component's platform
 * ({@link Gb28181Component#getStats()}) to every meter registry of the application ({@link Gb28181Metrics}); with
 * Spring Boot Actuator and {@code micrometer-registry-prometheus} they appear on {@code /actuator/prometheus}.
 * The binder asks the Camel context for the component, creating it (configured from {@code camel.component.gb28181.*})
 * if no route used it yet; its counters stay the same objects across restarts of the component.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, Gb28181ComponentAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(CamelContext.class)
public class Gb28181MetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Gb28181Metrics gb28181Metrics(CamelContext camelContext) {
        return new Gb28181Metrics(camelContext.getComponent("gb28181", Gb28181Component.class).getStats());
    }
}
