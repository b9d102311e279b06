package dev.gb28181.docs;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java DSL route of the kind guides ({@code docs/kinds/*.md}) compiles and starts: each
 * {@code ```java} block becomes the body of a {@code RouteBuilder.configure()}, all are compiled with
 * the JDK's compiler against the test classpath, and each is started in a context of its own whose
 * {@code gb28181} component runs a platform on a free loopback port, with a stub {@code kafka}
 * component as in {@link DocsYamlRoutesTest}. A renamed option, header constant or method fails here.
 */
class DocsJavaRoutesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```$",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final String IMPORTS = """
            import dev.gb28181.camel.Gb28181Constants;
            import org.apache.camel.LoggingLevel;
            import org.apache.camel.builder.RouteBuilder;
            """;

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyJavaRouteOfTheKindGuidesStarts() throws Exception {
        Map<String, String> classes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DocsSyncTest.DOCS.resolve("kinds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                Matcher block = JAVA_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
                for (int n = 1; block.find(); n++) {
                    String name = file.getFileName().toString().replace(".md", "") + n;
                    classes.put("docs/kinds/" + file.getFileName() + " java block " + n,
                            write("Route_" + name, block.group(1)));
                }
            }
        }
        assertThat(classes).as("Java routes in docs/kinds").isNotEmpty();
        ClassLoader loader = compile(classes.values());
        List<DynamicTest> tests = new ArrayList<>();
        classes.forEach((name, className) -> tests.add(DynamicTest.dynamicTest(name,
                () -> DocsRoutes.startsEveryRoute(name, context -> context.addRoutes(
                        (RoutesBuilder) loader.loadClass(className).getDeclaredConstructor().newInstance())))));
        return tests.stream();
    }

    /** Writes {@code block} as the configure() of class {@code docs.<simpleName>}; returns the class name. */
    private static String write(String simpleName, String block) throws IOException {
        String source = "package docs;\n" + IMPORTS + "public class " + simpleName + " extends RouteBuilder {\n"
                + "    @Override\n    public void configure() {\n" + block + "    }\n}\n";
        Path file = work.resolve("src/docs/" + simpleName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return "docs." + simpleName;
    }

    private static ClassLoader compile(Iterable<String> classNames) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("the JDK's compiler").isNotNull();
        Path out = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", testClassPath(),
                "-proc:none", "-Xlint:none"));
        for (String className : classNames) {
            args.add(work.resolve("src").resolve(className.replace('.', '/') + ".java").toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(status).as("compiling the Java routes of docs/kinds:%n%s", errors.toString(StandardCharsets.UTF_8))
                .isZero();
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, DocsJavaRoutesTest.class.getClassLoader());
    }

    /** The test classpath: surefire's (its booter jar hides it from java.class.path), else the JVM's. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
