package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.sip.Transport;
import dev.gb28181.sip.transport.SipTrace;
import dev.gb28181.testing.TestDevice;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sipTrace options and the run-time switch: the trace lines of this test's devices (other tests' lines are
 * filtered out by device ID) on the dev.gb28181.sip.trace logger, digest responses masked.
 */
class Gb28181SipTraceTest extends Gb28181TestSupport {

    private static final String TRACED = "34020000001320000701";
    private static final String OTHER = "34020000001320000702";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Capture traced = new Capture(TRACED);
    private final Capture other = new Capture(OTHER);

    @Override
    protected void configure(Gb28181Configuration configuration) {
        super.configure(configuration);
        configuration.setSipTrace(true);
        configuration.setSipTraceDevices(" " + TRACED + " ,");
    }

    @BeforeEach
    void capture() {
        traced.attach();
        other.attach();
    }

    @AfterEach
    void release() {
        traced.detach();
        other.detach();
    }

    @Test
    void theOptionsTraceOneDeviceWithItsDigestResponseMasked() {
        TestDevice camera = device(Transport.UDP, TRACED);
        TestDevice quiet = device(Transport.TCP, OTHER);
        assertThat(camera.register(3600).status()).isEqualTo(200);
        assertThat(quiet.register(3600).status()).isEqualTo(200);

        // REGISTER, 401, REGISTER with Authorization, 200
        await().atMost(WAIT).until(() -> traced.lines.size() >= 4);
        assertThat(traced.lines.get(0)).startsWith("IN UDP from 127.0.0.1:" + camera.localAddress().getPort()
                + " (local port " + component().getPlatform().sipPort() + ", ").contains("REGISTER sip:");
        assertThat(traced.lines.get(1)).startsWith("OUT UDP to 127.0.0.1:").contains("SIP/2.0 401 Unauthorized");
        String authorized = traced.lines.get(2);
        assertThat(authorized).contains("Authorization: Digest ", "response=\"***\"", "username=\"" + TRACED + '"')
                .doesNotContainPattern("response=\"[0-9a-fA-F]{32}\"");
        assertThat(traced.lines.get(3)).startsWith("OUT UDP").contains("SIP/2.0 200 OK");
        assertThat(other.lines).isEmpty();
    }

    @Test
    void theTraceIsSwitchedAtRunTime() {
        TestDevice camera = device(Transport.UDP, TRACED);
        TestDevice quiet = device(Transport.TCP, OTHER);
        assertThat(camera.register(3600).status()).isEqualTo(200);
        assertThat(quiet.register(3600).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> traced.lines.size() >= 4);

        component().disableSipTrace();
        assertThat(component().isSipTraceEnabled()).isFalse();
        int before = traced.lines.size();
        assertThat(camera.keepalive().status()).isEqualTo(200);
        assertThat(quiet.keepalive().status()).isEqualTo(200);

        SipTrace trace = component().getPlatform().sipTrace();
        trace.enable(OTHER);
        assertThat(quiet.keepalive().status()).isEqualTo(200);
        // the keepalive MESSAGE and its 200, over TCP
        await().atMost(WAIT).until(() -> other.lines.size() >= 2);
        assertThat(other.lines.get(0)).startsWith("IN TCP from").contains("<CmdType>Keepalive</CmdType>");
        assertThat(other.lines.get(1)).startsWith("OUT TCP to").contains("SIP/2.0 200 OK");
        assertThat(traced.lines).hasSize(before);

        trace.disable(OTHER);
        trace.enableAll();
        assertThat(camera.keepalive().status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> traced.lines.size() >= before + 2);
        assertThat(traced.lines.get(before)).startsWith("IN UDP").contains("<CmdType>Keepalive</CmdType>");
    }

    /** The trace lines naming one device ID, from a log4j appender on the trace logger. */
    private static final class Capture extends AbstractAppender {

        final List<String> lines = new CopyOnWriteArrayList<>();
        private final String deviceId;

        Capture(String deviceId) {
            super("sip-trace-" + deviceId + '-' + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
            this.deviceId = deviceId;
        }

        @Override
        public void append(LogEvent event) {
            String line = event.getMessage().getFormattedMessage();
            if (line.contains(deviceId)) {
                lines.add(line);
            }
        }

        void attach() {
            start();
            LoggerContext logging = (LoggerContext) LogManager.getContext(false);
            LoggerConfig config = logging.getConfiguration().getLoggerConfig(SipTrace.LOGGER);
            assertThat(config.getName()).isEqualTo(SipTrace.LOGGER);
            config.addAppender(this, Level.INFO, null);
            logging.updateLoggers();
        }

        void detach() {
            LoggerContext logging = (LoggerContext) LogManager.getContext(false);
            logging.getConfiguration().getLoggerConfig(SipTrace.LOGGER).removeAppender(getName());
            logging.updateLoggers();
            stop();
        }
    }
}
