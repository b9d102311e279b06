package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.manscdp.ManscdpQueries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated catalog (gb28181.json) matches the code and the hand-written component doc: every
 * option and header it lists is documented in src/main/docs, the kinds are those of
 * {@link Gb28181Kind}, and the header names are exactly the constants' values.
 */
class Gb28181CatalogTest {

    private static JsonNode catalog;
    private static String doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Gb28181CatalogTest.class.getResourceAsStream("/META-INF/dev/gb28181/camel/gb28181.json")) {
            assertThat(in).as("generated gb28181.json").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
        doc = Files.readString(Path.of("src/main/docs/gb28181-component.adoc"));
    }

    @Test
    void describesTheComponent() {
        JsonNode component = catalog.get("component");
        assertThat(component.get("scheme").asText()).isEqualTo("gb28181");
        assertThat(component.get("syntax").asText()).isEqualTo("gb28181:kind");
        assertThat(component.get("firstVersion").asText()).isEqualTo("0.1.0");
        assertThat(component.get("label").asText()).isEqualTo("networking,iot");
        assertThat(component.get("description").asText()).contains("GB/T 28181");
        assertThat(doc).contains(":description: " + component.get("description").asText());
    }

    @Test
    void kindsAreTheEnumsValues() {
        List<String> kinds = new ArrayList<>();
        catalog.get("properties").get("kind").get("enum").forEach(k -> kinds.add(k.asText()));
        assertThat(kinds).containsExactly(Arrays.stream(Gb28181Kind.values()).map(Gb28181Kind::uriName)
                .toArray(String[]::new));
        kinds.forEach(kind -> assertThat(doc).contains("| `" + kind + "` |"));
    }

    @Test
    void everyCmdOfTheQueryKindAndEveryEventOfTheSubscribeKindIsAQuery() {
        List<String> cmds = new ArrayList<>();
        catalog.get("properties").get("cmd").get("enum").forEach(c -> cmds.add(c.asText()));
        catalog.get("properties").get("event").get("enum").forEach(c -> cmds.add(c.asText()));

        assertThat(cmds).hasSize(16).allSatisfy(cmd -> assertThat(ManscdpQueries.create(cmd).getCmdType()).isEqualTo(cmd));
    }

    @Test
    void everyOptionIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            catalog.get(section).fieldNames().forEachRemaining(name -> {
                JsonNode option = catalog.get(section).get(name);
                assertThat(option.path("description").asText()).as("description of " + name).isNotBlank();
                if (!doc.contains("| `" + name + "` |")) {
                    undocumented.add(section + "." + name);
                }
            });
        }
        assertThat(undocumented).as("options missing from gb28181-component.adoc").isEmpty();
    }

    @Test
    void headersAreTheConstantsAndDocumented() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : Gb28181Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                constants.add((String) field.get(null));
            }
        }
        List<String> headers = new ArrayList<>();
        catalog.get("headers").fieldNames().forEachRemaining(headers::add);
        assertThat(headers).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(headers).containsExactlyInAnyOrder("CamelGb28181DeviceId", "CamelGb28181ChannelId",
                "CamelGb28181EventType", "CamelGb28181CmdType", "CamelGb28181Sn", "CamelGb28181CallId",
                "CamelGb28181StreamId", "CamelGb28181Ssrc", "CamelGb28181RemoteAddress", "CamelGb28181Transport",
                "CamelGb28181Codec", "CamelGb28181Pts", "CamelGb28181KeyFrame", "CamelGb28181Complete",
                "CamelGb28181SumNum", "CamelGb28181Received", "CamelGb28181StartTime", "CamelGb28181EndTime",
                "CamelGb28181Type", "CamelGb28181FilePath", "CamelGb28181Address", "CamelGb28181Secrecy",
                "CamelGb28181RecorderId", "CamelGb28181StartAlarmPriority", "CamelGb28181EndAlarmPriority",
                "CamelGb28181AlarmMethod", "CamelGb28181AlarmType", "CamelGb28181ConfigType", "CamelGb28181Interval",
                "CamelGb28181Event", "CamelGb28181Expires");
        headers.forEach(header -> assertThat(doc).contains("| `" + header + "` |"));
    }
}
