package dev.gb28181.camel.springboot;

import dev.gb28181.camel.Gb28181Component;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures every gb28181 component of the Camel context from the {@code camel.component.gb28181.*}
 * properties, the way Camel's own starters do (a {@link ComponentCustomizer} applied when the
 * component is created).
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, Gb28181ComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, Gb28181ComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.gb28181" })
public class Gb28181ComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final Gb28181ComponentConfiguration configuration;

    public Gb28181ComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            Gb28181ComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureGb28181Component() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, org.apache.camel.Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, org.apache.camel.Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.gb28181.customizer") && target instanceof Gb28181Component;
            }
        };
    }
}
