package dev.gb28181.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every option of the component's catalog (gb28181.json, generated from the component's
 * annotations) has IDE metadata with a description under {@code camel.component.gb28181.*}, so the
 * hand-written starter cannot fall behind the component.
 */
class SpringConfigurationMetadataTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyComponentOptionHasDocumentedSpringMetadata() throws IOException {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/gb28181/camel/gb28181.json")) {
            assertThat(in).as("gb28181.json of camel-gb28181").isNotNull();
            catalog = mapper.readTree(in);
        }
        JsonNode metadata = mapper.readTree(
                Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json")));
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));

        Iterator<String> options = catalog.get("componentProperties").fieldNames();
        int count = 0;
        while (options.hasNext()) {
            String option = options.next();
            String name = "camel.component.gb28181." + kebab(option);
            assertThat(properties).as("Spring metadata of " + name).containsKey(name);
            assertThat(properties.get(name).path("description").asText()).as("description of " + name).isNotBlank();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(20);
        assertThat(properties).containsKeys("camel.component.gb28181.enabled",
                "camel.component.gb28181.customizer.enabled");
        assertThat(properties.get("camel.component.gb28181.port").path("defaultValue").asInt()).isEqualTo(5060);
        assertThat(properties.get("camel.component.gb28181.keepalive-interval").path("defaultValue").asText())
                .isEqualTo("60s");
    }

    private static String kebab(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
