package dev.gb28181.sip.codec;

import dev.gb28181.sip.SipMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the byte-exact test vectors of src/test/resources and compares messages entry by entry. */
final class SipTestMessages {

    private SipTestMessages() {
    }

    static byte[] resource(String path) {
        try (InputStream in = SipTestMessages.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names in a resource folder with the given suffix, sorted. */
    static List<String> list(String folder, String suffix) {
        URL url = SipTestMessages.class.getResource("/" + folder);
        if (url == null) {
            throw new IllegalArgumentException("No test resource folder " + folder);
        }
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static SipMessage parse(String text) {
        byte[] bytes = ascii(text);
        return SipParser.parse(bytes, 0, bytes.length, true);
    }

    static List<String> entries(SipMessage m) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < m.headerCount(); i++) {
            list.add(m.headerName(i) + ": " + m.headerValue(i));
        }
        return list;
    }

    static void assertSameMessage(SipMessage actual, SipMessage expected) {
        assertThat(actual.startLine()).isEqualTo(expected.startLine());
        assertThat(entries(actual)).containsExactlyElementsOf(entries(expected));
        assertThat(actual.body()).isEqualTo(expected.body());
    }
}
