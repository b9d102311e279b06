package dev.gb28181.benchmarks;

import dev.gb28181.ptz.PtzAction;
import dev.gb28181.ptz.PtzCommand;
import dev.gb28181.ptz.PtzParams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the PTZCmd codec ({@link PtzCommand}, GB/T 28181-2016 Annex A.3) on the 2024 capture's
 * "up at speed 100": decoding the 16 hex characters, encoding a built command, and building plus encoding
 * from an action and its parameters (what the {@code gb28181:ptz} producer does per exchange). See
 * docs/performance.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class PtzCodecBenchmark {

    /** Capture 2024, message 4.1: up at tilt speed 100. */
    String hex = "A50F000800640020";
    PtzCommand command;
    PtzParams params;

    @Setup
    public void setUp() {
        params = new PtzParams().speed(100);
        command = PtzCommand.of(PtzAction.UP, params);
        if (!command.encode().equals(hex) || !PtzCommand.decode(hex).equals(command)) {
            throw new IllegalStateException("the codec does not reproduce the capture's " + hex);
        }
    }

    @Benchmark
    public PtzCommand decode() {
        return PtzCommand.decode(hex);
    }

    @Benchmark
    public String encode() {
        return command.encode();
    }

    @Benchmark
    public String buildAndEncode() {
        return PtzCommand.of(PtzAction.UP, params).encode();
    }
}
