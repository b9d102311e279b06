package dev.gb28181.platform;

import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A started platform on 127.0.0.1, an ephemeral port, UDP and TCP, with an event recorder and its devices. */
final class PlatformFixture implements AutoCloseable {

    static final String PASSWORD = "12345678";
    static final String PLATFORM_ID = TestDevice.DEFAULT_PLATFORM_ID;

    final Gb28181Platform platform;
    final EventRecorder events = new EventRecorder();
    private final List<TestDevice> devices = new ArrayList<>();

    PlatformFixture(PlatformConfig config) {
        platform = new Gb28181Platform(config);
        platform.addListener(events);
        platform.start();
    }

    PlatformFixture() {
        this(config());
    }

    /** Test defaults: loopback, port 0, password {@link #PASSWORD}. */
    static PlatformConfig config() {
        return new PlatformConfig().sipId(PLATFORM_ID).host("127.0.0.1").port(0).password(PASSWORD);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", platform.sipPort());
    }

    /** A device with the right password, closed with the fixture. */
    TestDevice device(Transport transport, String deviceId) {
        TestDevice d = TestDevice.of(transport, deviceId, address()).password(PASSWORD);
        devices.add(d);
        return d;
    }

    TestDevice udp(String deviceId) {
        return device(Transport.UDP, deviceId);
    }

    Device registered(String deviceId) {
        return platform.registry().find(deviceId).orElseThrow();
    }

    @Override
    public void close() {
        devices.forEach(TestDevice::close);
        platform.stop();
    }
}
