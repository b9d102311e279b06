package dev.gb28181.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;

import java.util.Locale;

/** The transport RTP loops must run in a test: epoll is required on Linux x86_64, whose library ships with us. */
public final class NativeTransport {

    private static final boolean LINUX_X86_64 = System.getProperty("os.name").toLowerCase(Locale.ROOT)
            .startsWith("linux") && System.getProperty("os.arch").equals("amd64");

    private NativeTransport() {
    }

    /**
     * Whether loops asked for the native transport ({@code asked}) run epoll on this machine; fails on Linux
     * x86_64 if epoll is not available there.
     */
    public static boolean expected(boolean asked) {
        if (LINUX_X86_64) {
            assertThat(Epoll.isAvailable()).as("epoll unavailable: %s", Epoll.unavailabilityCause()).isTrue();
        }
        return asked && Epoll.isAvailable();
    }
}
