package dev.gb28181.sip.transport;

import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.Via;
import dev.gb28181.sip.testsupport.Requests;
import dev.gb28181.sip.testsupport.TcpPeer;
import dev.gb28181.sip.testsupport.TestStacks;
import dev.gb28181.sip.testsupport.UdpPeer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Binding, stopping, Via and identifiers of a {@link SipStack}. */
class SipStackLifecycleTest {

    @Test
    void bindingATakenPortFailsWithTheCause() {
        try (SipStack first = TestStacks.started(tx -> tx.respond(200))) {
            SipStack second = new SipStack(TestStacks.config().port(first.port()), tx -> tx.respond(200));
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Integer.toString(first.port())).hasCauseInstanceOf(Exception.class);
            assertThat(second.isBound()).isFalse();
            second.close();
            assertThat(first.isBound()).isTrue();
        }
    }

    @Test
    void stopReleasesThePortAndIsIdempotent() throws IOException {
        SipStack stack = TestStacks.started(tx -> tx.respond(200));
        int port = stack.port();
        stack.stop();
        stack.close();
        assertThat(stack.isBound()).isFalse();
        assertThatThrownBy(stack::start).isInstanceOf(IllegalStateException.class);
        // bind the freed port at once with plain sockets: starting a second stack takes long enough for a
        // parallel test's ephemeral socket to take the number, which says nothing about this stack
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(udp.getLocalPort()).isEqualTo(port);
            assertThat(tcp.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void udpOnlyStackAnswersOverUdpAndRefusesTcpRequests() {
        try (SipStack stack = TestStacks.started(TestStacks.config().transports(EnumSet.of(Transport.UDP)),
                tx -> tx.respond(200)); UdpPeer device = new UdpPeer()) {
            assertThat(stack.isBound()).isTrue();
            device.send(Requests.keepalive("UDP", Requests.branch(), "udp-only"), stack.port());
            assertThat(Requests.status(device.take())).isEqualTo(200);
            assertThatThrownBy(() -> stack.sendRequest(Requests.outbound("MESSAGE", "no-tcp", 1), Transport.TCP,
                    device.address()).join()).hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void idleTcpConnectionIsClosed() {
        try (SipStack stack = TestStacks.started(TestStacks.config().tcpIdleTimeout(Duration.ofMillis(300)),
                tx -> tx.respond(200)); TcpPeer device = TcpPeer.connect(stack.port())) {
            device.write(Requests.keepalive("TCP", Requests.branch(), "idle"));
            assertThat(((SipResponse) device.readMessage()).status()).isEqualTo(200);
            assertThat(device.closedByPeer()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.stats().tcpConnections() == 0);
        }
    }

    @Test
    void viaCarriesTheAdvertisedHostThePortAndRport() {
        try (SipStack stack = TestStacks.started(TestStacks.config().advertisedHost("203.0.113.7"),
                tx -> tx.respond(200))) {
            Via via = stack.localVia(Transport.TCP, stack.newBranch());
            assertThat(via.transport()).isEqualTo("TCP");
            assertThat(via.host()).isEqualTo("203.0.113.7");
            assertThat(via.port()).isEqualTo(stack.port());
            assertThat(via.hasParam("rport")).isTrue();
            assertThat(via.branch()).startsWith(Via.BRANCH_MAGIC_COOKIE);
        }
    }

    @Test
    void wildcardBindWritesTheAddressOfTheRouteIntoVia() {
        try (SipStack stack = TestStacks.started(TestStacks.config().host("0.0.0.0"), tx -> tx.respond(200))) {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5060);
            assertThat(stack.localVia(Transport.UDP, stack.newBranch(), loopback).host()).isEqualTo("127.0.0.1");
            assertThat(stack.localVia(Transport.UDP, stack.newBranch()).host()).isNotEqualTo("0.0.0.0");
        }
    }

    @Test
    void identifiersAreUniqueAndWellFormed() {
        try (SipStack stack = new SipStack(TestStacks.config(), tx -> tx.respond(200))) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                String branch = stack.newBranch();
                assertThat(branch).startsWith("z9hG4bK").hasSize(31);
                assertThat(seen.add(branch)).isTrue();
                assertThat(seen.add(stack.newTag())).isTrue();
                assertThat(seen.add(stack.newCallId())).isTrue();
            }
            assertThat(stack.newCallId()).matches("[0-9a-f]{32}");
        }
    }
}
