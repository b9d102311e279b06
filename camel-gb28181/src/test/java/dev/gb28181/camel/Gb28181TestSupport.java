package dev.gb28181.camel;

import dev.gb28181.sip.Transport;
import dev.gb28181.testing.TestDevice;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A Camel context whose {@code gb28181} component runs a platform on 127.0.0.1 on a free port, and
 * simulated devices ({@link TestDevice}, real sockets) that talk to it.
 */
abstract class Gb28181TestSupport extends CamelTestSupport {

    static final String PASSWORD = "12345678";

    private final List<TestDevice> devices = new ArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        Gb28181Component component = new Gb28181Component();
        configure(component.getConfiguration());
        camelContext.addComponent("gb28181", component);
        return camelContext;
    }

    /** Test settings of the platform: loopback, a free port, a password. */
    protected void configure(Gb28181Configuration configuration) {
        configuration.setHost("127.0.0.1");
        configuration.setPort(0);
        configuration.setPassword(PASSWORD);
    }

    protected Gb28181Component component() {
        return context.getComponent("gb28181", Gb28181Component.class);
    }

    protected InetSocketAddress platformAddress() {
        return new InetSocketAddress("127.0.0.1", component().getPlatform().sipPort());
    }

    /** A device that knows the password, closed after the test. */
    protected TestDevice device(Transport transport, String deviceId) {
        TestDevice device = TestDevice.of(transport, deviceId, platformAddress()).password(PASSWORD);
        devices.add(device);
        return device;
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(TestDevice::close);
    }
}
