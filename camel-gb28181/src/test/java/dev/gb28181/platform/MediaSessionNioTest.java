package dev.gb28181.platform;

/** {@link MediaSessionTest} with {@code mediaNativeTransport(false)}: the RTP threads fall back to NIO. */
class MediaSessionNioTest extends MediaSessionTest {

    @Override
    boolean nativeTransport() {
        return false;
    }
}
