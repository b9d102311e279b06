package dev.gb28181.media.rtp;

/** {@link RtpUdpMuxTest} on Java NIO: what a platform runs where epoll is missing or turned off. */
class RtpUdpMuxNioTest extends RtpUdpMuxTest {

    @Override
    boolean nativeTransport() {
        return false;
    }
}
