package dev.gb28181.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Keeps the option and header tables of {@code docs/reference.md} equal to what the generated catalog
 * ({@code gb28181.json}) says, so a renamed, added or re-documented option or header fails the build
 * until the docs follow. Run with {@code -Ddocs.update=true} to rewrite the tables instead:
 * {@code mvn -pl camel-gb28181 test -Dtest=DocsSyncTest -Ddocs.update=true}.
 */
class DocsSyncTest {

    static final Path DOCS = Path.of(System.getProperty("basedir", ".")).resolve("../docs").normalize();
    private static final Path REFERENCE = DOCS.resolve("reference.md");

    @Test
    void referenceTablesMatchTheGeneratedCatalog() throws Exception {
        String current = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        String rendered = CatalogTables.load().render(current);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(REFERENCE, rendered, StandardCharsets.UTF_8);
            return;
        }
        assertThat(current)
                .as("%s is out of date with %s; regenerate its tables with:%n  mvn -B -pl camel-gb28181 test"
                        + " -Dtest=DocsSyncTest -Ddocs.update=true%nthen review and commit the file", REFERENCE,
                        CatalogTables.CATALOG)
                .isEqualTo(rendered);
    }

    @Test
    void aDocumentWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> CatalogTables.load().render("# Reference\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No markers for the generated section");
    }
}
