package dev.gb28181.media.rtp;

/** {@link RtpReceiverTest} on Java NIO: what a platform runs where epoll is missing or turned off. */
class RtpReceiverNioTest extends RtpReceiverTest {

    @Override
    boolean nativeTransport() {
        return false;
    }
}
