package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.manscdp.ManscdpQueries;
import dev.gb28181.mansrtsp.PlayAction;
import dev.gb28181.ptz.PtzAction;

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
import java.util.Locale;
import java.util.stream.Stream;

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
    void everyEventOfTheSubscribeKindIsAQueryAndTheCmdOptionNamesEveryQueryAndControl() {
        List<String> events = new ArrayList<>();
        catalog.get("properties").get("event").get("enum").forEach(c -> events.add(c.asText()));
        assertThat(events).hasSize(3)
                .allSatisfy(cmd -> assertThat(ManscdpQueries.create(cmd).getCmdType()).isEqualTo(cmd));

        String cmd = catalog.get("properties").get("cmd").get("description").asText();
        for (String query : List.of("Catalog", "DeviceInfo", "DeviceStatus", "RecordInfo", "Alarm", "ConfigDownload",
                "PresetQuery", "MobilePosition", "HomePositionQuery", "CruiseTrackListQuery", "CruiseTrackQuery",
                "PTZPosition", "SDCardStatus")) {
            assertThat(cmd).contains(query);
            assertThat(ManscdpQueries.create(query).getCmdType()).isEqualTo(query);
        }
        for (Gb28181Controls.Command control : Gb28181Controls.Command.values()) {
            assertThat(cmd).containsIgnoringCase(control.name());
            assertThat(Gb28181Controls.Command.of(control.name())).isEqualTo(control);
        }
    }

    @Test
    void actionsAreThePtzCodecsAndThePlayControlActions() {
        List<String> actions = new ArrayList<>();
        catalog.get("properties").get("action").get("enum").forEach(a -> actions.add(a.asText()));
        assertThat(actions).containsExactly(Stream.concat(Arrays.stream(PtzAction.values()).map(PtzAction::uriName),
                Arrays.stream(PlayAction.values()).map(a -> a.name().toLowerCase(Locale.ROOT))).toArray(String[]::new));
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
                "CamelGb28181Event", "CamelGb28181Expires", "CamelGb28181PtzAction", "CamelGb28181Speed",
                "CamelGb28181ZoomSpeed", "CamelGb28181Preset", "CamelGb28181Group", "CamelGb28181Value",
                "CamelGb28181Aux", "CamelGb28181PtzCmd", "CamelGb28181ControlCmd", "CamelGb28181Length",
                "CamelGb28181Width", "CamelGb28181MidPointX", "CamelGb28181MidPointY", "CamelGb28181LengthX",
                "CamelGb28181LengthY", "CamelGb28181Enabled", "CamelGb28181ResetTime", "CamelGb28181PresetIndex",
                "CamelGb28181Name", "CamelGb28181Expiration", "CamelGb28181HeartBeatInterval",
                "CamelGb28181HeartBeatCount", "CamelGb28181Pan", "CamelGb28181Tilt", "CamelGb28181Zoom",
                "CamelGb28181SdCardIndex", "CamelGb28181TargetTrack", "CamelGb28181DeviceId2", "CamelGb28181Firmware",
                "CamelGb28181FileUrl", "CamelGb28181Manufacturer", "CamelGb28181SessionId", "CamelGb28181Mode",
                "CamelGb28181MediaTransport", "CamelGb28181DownloadSpeed", "CamelGb28181PlayAction",
                "CamelGb28181Scale", "CamelGb28181Position", "CamelGb28181Dts", "CamelGb28181EndOfStream",
                "CamelGb28181EndReason", "CamelGb28181SessionEnded");
        headers.forEach(header -> assertThat(doc).contains("| `" + header + "` |"));
    }
}
