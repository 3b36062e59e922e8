package io.switchboard.runtime;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.OpGroupConfig;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.jetbrains.kotlinx.lincheck.verifier.VerifierState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

/**
 * Lincheck linearizability test of the close handshake in {@link CommandGate} — the only memory-ordering code of our
 * own in the runtime. Producers submit while a closer closes and drains; the sequential specification is "a submit
 * before the close is accepted and drained, a submit after it is CLOSED", so a producer told ACCEPTED for a command
 * the drain missed (the bug the handshake prevents) is a linearizability violation. Model checking explores thread
 * interleavings at every shared-memory access; the stress run uses real threads.
 *
 * <p>Slow (tens of seconds), so it runs only in the {@code concurrency} Maven profile, which also opens the JDK
 * internals Lincheck needs; without it both tests are skipped:
 * {@code mvn -q -pl engine-core test -Pconcurrency -Dtest='*LincheckTest'}.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:9")
@OpGroupConfig(name = "engine", nonParallel = true)
public class CommandGateLincheckTest extends VerifierState
{
    private final CommandGate gate = new CommandGate(new ManyToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(4096 + RingBufferDescriptor.TRAILER_LENGTH))));
    private int drained;

    /**
     * A producer submits one command carrying {@code value}; returns the {@link Result} name (a String, because
     * Lincheck compares results across its own class loader, where enum constants are not identical).
     */
    @Operation
    public String submit(@Param(name = "value") final int value)
    {
        final int index = gate.tryClaim(1, 8);
        if (index == CommandGate.CLOSED)
        {
            return "CLOSED";
        }
        if (index == CommandGate.BACK_PRESSURED)
        {
            return "BACK_PRESSURED";
        }
        gate.ring().buffer().putLong(index, value);
        gate.commit(index);
        return "ACCEPTED";
    }

    /** The engine side: close, drain until every claimed command is consumed; returns how many were drained. */
    @Operation(group = "engine")
    public int closeAndDrain()
    {
        gate.close();
        while (!gate.isDrained())
        {
            gate.ring().read((type, buffer, index, length) -> drained++);
        }
        return drained;
    }

    @Override
    protected Object extractState()
    {
        // everything that decides future results: closed or not, commands claimed, commands drained
        return gate.isClosed() + "/" + gate.ring().producerPosition() + "/" + drained;
    }

    @BeforeAll
    static void onlyInTheConcurrencyProfile()
    {
        Assumptions.assumeTrue(Boolean.getBoolean("switchboard.concurrency"), "run with -Pconcurrency");
    }

    @Test
    void closeNeverLosesAnAcceptedCommandUnderModelChecking()
    {
        LinChecker.check(CommandGateLincheckTest.class, new ModelCheckingOptions()
            .iterations(60).invocationsPerIteration(1_000).threads(3).actorsPerThread(2).minimizeFailedScenario(false));
    }

    @Test
    void closeNeverLosesAnAcceptedCommandUnderStress()
    {
        LinChecker.check(CommandGateLincheckTest.class, new StressOptions()
            .iterations(30).invocationsPerIteration(1_000).threads(3).actorsPerThread(2).minimizeFailedScenario(false));
    }
}
