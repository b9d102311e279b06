package dev.gb28181.sip.testsupport;

import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.SipStackConfig;
import dev.gb28181.sip.transaction.SipRequestHandler;

import java.time.Duration;

/** Stacks on 127.0.0.1, a free port, one I/O thread and short RFC 3261 timers, so tests run fast. */
public final class TestStacks {

    private TestStacks() {
    }

    public static SipStackConfig config() {
        return new SipStackConfig().host("127.0.0.1").port(0).ioThreads(1)
                .t1(Duration.ofMillis(50)).t2(Duration.ofMillis(200)).t4(Duration.ofMillis(250))
                .connectTimeout(Duration.ofSeconds(2));
    }

    public static SipStack started(SipStackConfig config, SipRequestHandler handler) {
        SipStack stack = new SipStack(config, handler);
        stack.start();
        return stack;
    }

    public static SipStack started(SipRequestHandler handler) {
        return started(config(), handler);
    }
}
