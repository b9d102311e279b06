package dev.gb28181.examples.platform;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A runnable GB/T 28181 platform: devices register to it (GB/T 28181-2016 §9.1) and keep alive
 * (§9.6), and every registration, keepalive and online/offline event is written as JSON to the
 * Kafka topic {@code gb28181-events}, keyed by device ID. Without configured brokers an embedded
 * single-node Kafka starts first ({@link EmbeddedKafkaInitializer}). Live video (§9.2) is recorded to
 * {@code app.recordings.dir} ({@link RecordingRoutes}), and a REST API opens, controls and ends media
 * sessions ({@link MediaApiController}) and commands devices ({@link DeviceApiController}).
 */
@SpringBootApplication
public class PlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlatformApplication.class, args);
    }

    /** Closed after the Camel context stopped, so the last frames are written before the files close. */
    @Bean(destroyMethod = "close")
    StreamRecorder streamRecorder(@Value("${app.recordings.dir:recordings}") Path directory,
            @Value("${app.recordings.max-open-files:256}") int maxOpenFiles) {
        return new StreamRecorder(directory, maxOpenFiles);
    }
}
