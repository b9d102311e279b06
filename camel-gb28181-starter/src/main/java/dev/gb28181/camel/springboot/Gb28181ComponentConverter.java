package dev.gb28181.camel.springboot;

import dev.gb28181.camel.Gb28181Configuration;
import dev.gb28181.platform.CredentialsProvider;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds {@code #bean:name} (or {@code #name}) references in {@code camel.component.gb28181.*}
 * properties to the beans of the object-typed options, as every Camel starter does.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class Gb28181ComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public Gb28181ComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, CredentialsProvider.class),
                new ConvertiblePair(String.class, Gb28181Configuration.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
