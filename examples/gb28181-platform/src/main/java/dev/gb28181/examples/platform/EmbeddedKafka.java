package dev.gb28181.examples.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one process) listening on
 * {@code 127.0.0.1:port} and keeping its log in a folder of its own: events written to it survive a
 * restart of the broker or of the application, and a new folder is formatted on first use. The port
 * stays the same across {@link #stop()} and {@link #start()}, so producers and consumers reconnect to
 * the broker they knew.
 */
public final class EmbeddedKafka {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param dataDirectory where the log is kept (created and formatted when it holds none)
     * @param port the client port; 0 picks a free one, kept for the life of this object
     */
    public EmbeddedKafka(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = freePort();
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Starts the broker on its folder and port; returns once it listens. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("The embedded Kafka at " + bootstrapServers() + " runs already");
        }
        KafkaConfig config = new KafkaConfig(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER + "://" + HOST + ":"
                        + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + bootstrapServers()),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("log.dirs", dataDirectory.toString()),
                // one node: internal topics cannot have more replicas, and need no more partitions
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // the log cleaner (compacting __consumer_offsets) allocates this at start: 128 MB by default
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024))));
        formatOnFirstUse();
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        starting.startup();
        server = starting;
    }

    /** Stops the broker (a controlled shutdown: its log is flushed); {@link #start()} brings it back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private void formatOnFirstUse() {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(dataDirectory.toString())
                    .addDirectory(dataDirectory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format " + dataDirectory + " for the embedded Kafka", e);
        }
        LOG.info("Kafka: formatted {} ({})", dataDirectory, output.toString(StandardCharsets.UTF_8).strip());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded Kafka", e);
        }
    }
}
