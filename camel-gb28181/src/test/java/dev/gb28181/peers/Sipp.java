package dev.gb28181.peers;

import dev.gb28181.sip.Transport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs sipp 3.6 (a SIP peer the project did not write) as one or more GB/T 28181 devices against a
 * platform on loopback, so registration (GB/T 28181-2016 §9.1, RFC 3261 §10, §22) and keepalive
 * (§9.6) are checked against an independent implementation of SIP and digest authentication.
 *
 * <p>A scenario is an XML file under {@code src/test/resources/sipp/}. Each call of the run is one
 * device, taken in order from an injection file written by {@link #device(String, String)}: field 0
 * is the device ID, field 1 sipp's {@code [authentication]} keyword with that device's credentials.
 * The platform ID and domain are passed as {@code -key}s, and the digest {@code uri} is forced to
 * {@code sip:<platformId>@<domain>} with {@code -auth_uri}, as real devices send it.
 *
 * <p>sipp's exit code is 0 when every call followed its scenario. Every output of the run (screen,
 * errors, messages) stays in the work directory and goes into {@link Result#toString()} for assertion
 * messages. A missing sipp fails loudly: the real-peer tests are never skipped.
 */
final class Sipp {

    private static final int BIND_ATTEMPTS = 3;
    private static final Charset GENERATED = Charset.forName("GB18030");

    static final String INSTALL_HINT =
            "sipp not found on PATH: the real-peer tests need it, install it with 'apt-get install -y sip-tester'";

    private final String scenario;
    private final String scenarioXml;
    private final Path workDir;
    private String outOfCallXml;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<String> devices = new ArrayList<>();
    private Transport transport = Transport.UDP;
    private String authUri;
    private int callsPerSecond = 10;
    private Duration timeout = Duration.ofSeconds(20);

    private Sipp(String scenario, String scenarioXml, Path workDir) {
        this.scenario = scenario;
        this.scenarioXml = scenarioXml;
        this.workDir = workDir;
    }

    /**
     * A run of {@code scenario} (a file name under the {@code sipp/} test resources) whose files go to
     * {@code workDir} (a JUnit temporary directory: one per run).
     */
    static Sipp scenario(String scenario, Path workDir) {
        return new Sipp(scenario, null, workDir);
    }

    /**
     * A run of a scenario built in code ({@link SippScenario}), for content that varies per test
     * (bodies, parts); {@code name} is the file name it gets in {@code workDir}. Generated scenarios
     * are written in GB18030, which leaves ASCII as it is: sipp copies bytes, so a body declared
     * {@code GB2312} carries its Chinese text in GB2312, as most devices send it.
     */
    static Sipp generated(String name, String xml, Path workDir) {
        return new Sipp(name, xml, workDir);
    }

    /**
     * The out-of-call scenario ({@code -oocsf}): sipp plays it for every request it gets outside its
     * own calls, i.e. everything the platform starts (queries, Response/Alarm, SUBSCRIBE); {@code null}
     * for none.
     */
    Sipp outOfCall(String xml) {
        this.outOfCallXml = xml;
        return this;
    }

    /** The platform the devices talk to: its ID and domain become the keys {@code platform_id}, {@code domain}. */
    Sipp platform(String platformId, String domain) {
        keys.put("platform_id", platformId);
        keys.put("domain", domain);
        authUri = platformId + "@" + domain;
        return this;
    }

    /** A scenario keyword ({@code -key name value}), e.g. {@code keepalives}. */
    Sipp key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /** One more device (one call of the run) with its digest credentials. */
    Sipp device(String deviceId, String password) {
        devices.add(deviceId + ";[authentication username=" + deviceId + " password=" + password + "];");
        return this;
    }

    /** UDP ({@code -t u1}) or TCP ({@code -t t1}), one socket for all devices either way. */
    Sipp transport(Transport transport) {
        this.transport = transport;
        return this;
    }

    /** How many devices start per second ({@code -r}). */
    Sipp rate(int callsPerSecond) {
        this.callsPerSecond = callsPerSecond;
        return this;
    }

    /** sipp's global timeout: past it every unfinished call fails. */
    Sipp timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Runs sipp against {@code host:port} and waits for it to end. */
    Result run(String host, int port) {
        if (devices.isEmpty()) {
            throw new IllegalStateException("a sipp run needs at least one device");
        }
        try {
            return runAttempts(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run sipp in " + workDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sipp ran", e);
        }
    }

    /**
     * Starts sipp against {@code host:port} and returns at once, so that the test can drive the
     * platform (queries, subscriptions) while sipp plays its device; {@link Running#await()} ends it.
     * A port taken between probing and binding is not retried here: start-stop tests use {@link #run}.
     */
    Running start(String host, int port) {
        if (devices.isEmpty()) {
            throw new IllegalStateException("a sipp run needs at least one device");
        }
        try {
            List<String> command = command(host, port, freeLocalPort(host), prepare());
            return new Running(command, launch(command));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run sipp in " + workDir, e);
        }
    }

    /** A sipp started by {@link #start}. */
    final class Running {

        private final List<String> command;
        private final Process process;

        private Running(List<String> command, Process process) {
            this.command = command;
            this.process = process;
        }

        /** false once sipp ended (e.g. it refused its scenario at start). */
        boolean alive() {
            return process.isAlive();
        }

        /** Waits for sipp to end (its scenario or its global timeout) and collects its outputs. */
        Result await() {
            try {
                return finish(command, process);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read sipp's outputs in " + workDir, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sipp ran", e);
            }
        }
    }

    private Result runAttempts(String host, int port) throws IOException, InterruptedException {
        List<Path> files = prepare();
        Result result = null;
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            List<String> command = command(host, port, freeLocalPort(host), files);
            result = finish(command, launch(command));
            if (result.exitCode() != Result.CANNOT_BIND) {
                break;
            }
        }
        return result;
    }

    /** Writes the scenario(s) and the injection file into the work directory. */
    private List<Path> prepare() throws IOException {
        Path scenarioFile = copyScenario();
        Path injection = workDir.resolve("devices.csv");
        List<String> lines = new ArrayList<>(devices.size() + 1);
        lines.add("SEQUENTIAL");
        lines.addAll(devices);
        Files.write(injection, lines, StandardCharsets.US_ASCII);
        List<Path> files = new ArrayList<>(List.of(scenarioFile, injection));
        if (outOfCallXml != null) {
            Path ooc = workDir.resolve("out-of-call.xml");
            Files.writeString(ooc, outOfCallXml, GENERATED);
            files.add(ooc);
        }
        return files;
    }

    private Process launch(List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(workDir.resolve("screen.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .start();
    }

    private Result finish(List<String> command, Process process) throws IOException, InterruptedException {
        // sipp ends by itself at its own timeout; the margin covers start-up and the final report.
        boolean ended = process.waitFor(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        return new Result(ended ? process.exitValue() : Result.KILLED, command,
                read(workDir.resolve("screen.txt")) + read(workDir.resolve("stderr.txt")),
                read(workDir.resolve("errors.log")), read(workDir.resolve("messages.log")));
    }

    /**
     * A port free for both UDP and TCP on {@code host}. Left to itself sipp tries 5060, 5061, ... and
     * two sipp runs in parallel race for the same one; another process may still take this port before
     * sipp binds it, which {@link #run} survives by trying again.
     */
    private static int freeLocalPort(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        while (true) {
            try (ServerSocket tcp = new ServerSocket(0, 1, address)) {
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()))) {
                    return udp.getLocalPort();
                } catch (SocketException taken) {
                    // the UDP port is in use: draw another
                }
            }
        }
    }

    private List<String> command(String host, int port, int localPort, List<Path> files) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.add(host + ":" + port);
        command.addAll(List.of("-sf", files.get(0).toString(), "-inf", files.get(1).toString()));
        if (files.size() > 2) {
            command.addAll(List.of("-oocsf", files.get(2).toString()));
        }
        keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
        if (authUri != null) {
            command.addAll(List.of("-auth_uri", authUri));
        }
        command.addAll(List.of(
                "-t", transport == Transport.UDP ? "u1" : "t1",
                "-i", host,
                "-p", Integer.toString(localPort),
                "-m", Integer.toString(devices.size()),
                "-r", Integer.toString(callsPerSecond),
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-trace_err", "-error_file", workDir.resolve("errors.log").toString(),
                "-trace_msg", "-message_file", workDir.resolve("messages.log").toString(),
                "-nostdin"));
        return command;
    }

    private Path copyScenario() throws IOException {
        Path target = workDir.resolve(scenario);
        if (scenarioXml != null) {
            Files.writeString(target, scenarioXml, GENERATED);
            return target;
        }
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no sipp scenario in the test resources: sipp/" + scenario);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String executable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "sipp");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException(INSTALL_HINT);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    /**
     * The outcome of a run.
     *
     * @param exitCode sipp's exit code: 0 all calls succeeded, 1 some failed, others are errors;
     *                 {@link #KILLED} when it had to be killed
     * @param command  the command line
     * @param screen   sipp's final screens and standard error
     * @param errors   the unexpected messages and failures sipp traced
     * @param messages every message sent and received
     */
    record Result(int exitCode, List<String> command, String screen, String errors, String messages) {

        static final int KILLED = -100;
        /** sipp's "fatal error binding a socket" (-2). */
        static final int CANNOT_BIND = 254;
        private static final int TAIL = 6_000;

        boolean allCallsSuccessful() {
            return exitCode == 0;
        }

        /**
         * The bodies of the MESSAGE requests sipp received, in arrival order, from its message trace
         * ({@code -trace_msg}: one block per message, headed by a dashed line and "message received"),
         * each decoded in the charset its prolog declares (GB2312 read as its superset GB18030).
         */
        List<String> receivedBodies() {
            List<String> bodies = new ArrayList<>();
            for (String request : receivedRequests("MESSAGE")) {
                String sip = request.replace("\r\n", "\n");
                int body = sip.indexOf("\n\n");
                bodies.add(body < 0 ? "" : declared(sip.substring(body + 2).strip()));
            }
            return bodies;
        }

        /**
         * The requests of {@code method} sipp received, in arrival order, each as sipp traced it (start line,
         * headers, blank line, body; line ends as they came), read as ISO-8859-1.
         */
        List<String> receivedRequests(String method) {
            List<String> requests = new ArrayList<>();
            for (String block : messages.split("\n-{10,} ")) {
                int start = block.indexOf("message received");
                int message = start < 0 ? -1 : block.indexOf("\n\n", start);
                if (message >= 0 && block.startsWith(method + " ", message + 2)) {
                    requests.add(block.substring(message + 2));
                }
            }
            return requests;
        }

        /** {@code body}, read as ISO-8859-1 bytes, decoded in the charset its XML prolog names. */
        private static String declared(String body) {
            int at = body.indexOf("encoding=\"");
            int prologEnd = body.indexOf("?>");
            if (at < 0 || prologEnd < at) {
                return body;
            }
            String name = body.substring(at + 10, body.indexOf('"', at + 10));
            Charset charset = name.equalsIgnoreCase("GB2312") ? GENERATED : Charset.forName(name);
            return new String(body.getBytes(StandardCharsets.ISO_8859_1), charset);
        }

        @Override
        public String toString() {
            return "sipp exit code " + exitCode + (exitCode == KILLED ? " (killed: it did not end in time)" : "")
                    + "\ncommand: " + String.join(" ", command)
                    + "\n--- screen and stderr (tail)\n" + tail(screen)
                    + "\n--- errors (tail)\n" + tail(errors)
                    + "\n--- messages (tail)\n" + tail(messages);
        }

        private static String tail(String text) {
            return text.length() <= TAIL ? text : "..." + text.substring(text.length() - TAIL);
        }
    }
}
