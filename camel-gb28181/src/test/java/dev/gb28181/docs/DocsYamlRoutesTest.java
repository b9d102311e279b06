package dev.gb28181.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.camel.Gb28181Kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every YAML DSL route shown in {@code docs/} loads and starts: each {@code ```yaml} block of every
 * Markdown file is loaded with Camel's YAML DSL into a context of its own whose {@code gb28181}
 * component runs a platform on a free loopback port, and each of its routes must be started. Routes
 * that forward to Kafka start against a stub {@code kafka} component (camel-stub), as no broker is
 * part of this test; everything else (gb28181, direct, log, file, json) is the real component. Also
 * checks that every kind has its guide with a Java and a YAML route.
 */
class DocsYamlRoutesTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("^```yaml\\n(.*?)^```$",
            Pattern.DOTALL | Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> everyYamlRouteOfTheDocsStarts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : markdownFiles()) {
            Matcher block = YAML_BLOCK.matcher(read(file));
            for (int n = 1; block.find(); n++) {
                String name = DocsSyncTest.DOCS.getParent().relativize(file) + " yaml block " + n;
                String yaml = block.group(1);
                tests.add(DynamicTest.dynamicTest(name, () -> startsEveryRoute(name, yaml)));
            }
        }
        assertThat(tests).as("YAML routes in the docs").hasSizeGreaterThanOrEqualTo(Gb28181Kind.values().length);
        return tests.stream();
    }

    @Test
    void everyKindHasAGuideWithAJavaAndAYamlRoute() {
        for (Gb28181Kind kind : Gb28181Kind.values()) {
            Path guide = DocsSyncTest.DOCS.resolve("kinds").resolve(kind.uriName() + ".md");
            assertThat(guide).as("the guide of gb28181:%s", kind).exists();
            String text = read(guide);
            assertThat(text).as(guide.toString()).contains("```java\n", "```yaml\n", "gb28181:" + kind.uriName());
        }
    }

    private static void startsEveryRoute(String name, String yaml) throws Exception {
        // the loader is chosen by the extension after the first dot: a name with only ".yaml"
        DocsRoutes.startsEveryRoute(name, context -> PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.fromString(name.replaceAll("[^A-Za-z0-9]+", "-") + ".yaml", yaml)));
    }

    private static List<Path> markdownFiles() {
        try (Stream<Path> files = Files.walk(DocsSyncTest.DOCS)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
