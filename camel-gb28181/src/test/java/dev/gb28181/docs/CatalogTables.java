package dev.gb28181.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the option and header tables of {@code docs/reference.md} from the component's generated
 * catalog ({@code META-INF/dev/gb28181/camel/gb28181.json}, written by camel-package-maven-plugin from
 * the {@code @UriParam}, {@code @Metadata} and javadoc of the component, endpoint, configuration and
 * constants classes), so the docs say what the code says. Each table sits between the markers
 * {@code <!-- BEGIN GENERATED: name -->} and {@code <!-- END GENERATED: name -->}.
 */
final class CatalogTables {

    static final String CATALOG = "META-INF/dev/gb28181/camel/gb28181.json";

    private static final Pattern SECTION = Pattern.compile(
            "(<!-- BEGIN GENERATED: ([a-z-]+) -->\n)(.*?)(<!-- END GENERATED: \\2 -->)", Pattern.DOTALL);

    private final JsonNode catalog;

    private CatalogTables(JsonNode catalog) {
        this.catalog = catalog;
    }

    /** The catalog the build generated, from the test classpath. */
    static CatalogTables load() {
        try (InputStream in = CatalogTables.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the classpath: build the module first");
            }
            return new CatalogTables(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated sections by marker name. */
    Map<String, String> sections() {
        return Map.of(
                "component-options", optionTable(catalog.path("componentProperties"), false),
                "endpoint-options", optionTable(catalog.path("properties"), true),
                "headers", headerTable(catalog.path("headers")));
    }

    /**
     * {@code document} with every generated section replaced by its table.
     *
     * @throws IllegalArgumentException when a section of {@link #sections()} has no markers in the document
     */
    String render(String document) {
        Map<String, String> sections = sections();
        List<String> found = new ArrayList<>();
        Matcher matcher = SECTION.matcher(document);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String table = sections.get(name);
            if (table == null) {
                throw new IllegalArgumentException("Unknown generated section '" + name + "'");
            }
            found.add(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + table + matcher.group(4)));
        }
        matcher.appendTail(out);
        for (String name : sections.keySet()) {
            if (!found.contains(name)) {
                throw new IllegalArgumentException("No markers for the generated section '" + name + "'");
            }
        }
        return out.toString();
    }

    private static String optionTable(JsonNode options, boolean endpoint) {
        StringBuilder table = new StringBuilder(endpoint
                ? "| Name | Kind | Group | Default | Type | Description |\n|---|---|---|---|---|---|\n"
                : "| Name | Group | Default | Type | Description |\n|---|---|---|---|---|\n");
        options.properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            table.append("| `").append(entry.getKey()).append("` | ");
            if (endpoint) {
                table.append(option.path("kind").asText()).append(" | ");
            }
            table.append(option.path("group").asText()).append(" | ")
                    .append(code(option.path("defaultValue"), JsonNode::asText)).append(" | ")
                    .append(type(option)).append(" | ")
                    .append(cell(option.path("description").asText()));
            if (option.path("required").asBoolean()) {
                table.append(" Required.");
            }
            table.append(" |\n");
        });
        return table.toString();
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder table = new StringBuilder("| Name | Constant | Group | Type | Description |\n|---|---|---|---|---|\n");
        headers.properties().forEach(entry -> {
            JsonNode header = entry.getValue();
            String constant = header.path("constantName").asText();
            table.append("| `").append(entry.getKey()).append("` | `")
                    .append(constant.substring(constant.lastIndexOf('.') + 1).replace('#', '.')).append("` | ")
                    .append(header.path("group").asText()).append(" | `")
                    .append(header.path("javaType").asText()).append("` | ")
                    .append(cell(header.path("description").asText())).append(" |\n");
        });
        return table.toString();
    }

    /** The option's type: the enum values, the Java type of objects, else the catalog type (duration, integer, ...). */
    private static String type(JsonNode option) {
        JsonNode values = option.path("enum");
        if (values.isArray()) {
            List<String> names = new ArrayList<>();
            values.forEach(value -> names.add(value.asText()));
            return "enum: " + String.join(", ", names);
        }
        String javaType = option.path("javaType").asText();
        if ("object".equals(option.path("type").asText())) {
            return "`" + javaType.substring(javaType.lastIndexOf('.') + 1) + "`";
        }
        return option.path("type").asText();
    }

    private static String code(JsonNode value, Function<JsonNode, String> text) {
        return value.isMissingNode() || value.isNull() ? "" : "`" + text.apply(value) + "`";
    }

    /** Text safe in a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
