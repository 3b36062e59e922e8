package io.switchboard.bench.gate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BenchmarkRunner} that runs nothing: each check answers the measurements queued for it, then repeats its
 * last one. Records every call, so a test can say what the gate measured and in which order. Test thread only.
 */
final class ScriptedRunner implements BenchmarkRunner
{
    private final Map<String, Deque<Measurement>> script = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    private RuntimeException failure;
    private String failingCheck;

    /** Every check at its baseline cost (see {@link GateCommandTest#BASELINE}), calibration 50 ns, no allocation. */
    static ScriptedRunner steady()
    {
        final ScriptedRunner runner = new ScriptedRunner();
        runner.then("calibration", 50.0, 0.0);
        runner.then("routing agents=1000", 500.0, 0.003);
        runner.then("routing agents=10000", 750.0, 0.004);
        runner.then("routing agents=100000", 1_500.0, 0.008);
        runner.then("throughput agents=10000", 475.0, 0.002);
        runner.then("simulator items", 640.0, 310.0);
        runner.then("runtime agents=10000", 450.0, 0.003);
        return runner;
    }

    /** Queues a measurement for a check; the last one queued repeats. */
    ScriptedRunner then(final String check, final double cost, final double bytesPerOp)
    {
        script.computeIfAbsent(check, name -> new ArrayDeque<>()).addLast(new Measurement(cost, bytesPerOp));
        return this;
    }

    /** Replaces a check's script with these measurements. */
    ScriptedRunner only(final String check, final double... costs)
    {
        final Deque<Measurement> queue = new ArrayDeque<>();
        final double bytes = script.get(check).peekFirst().bytesPerOp();
        for (final double cost : costs)
        {
            queue.addLast(new Measurement(cost, bytes));
        }
        script.put(check, queue);
        return this;
    }

    ScriptedRunner failing(final String check, final RuntimeException e)
    {
        failingCheck = check;
        failure = e;
        return this;
    }

    @Override
    public Measurement measure(final GateCheck check, final int measurementIterations)
    {
        calls.add(check.name());
        if (check.name().equals(failingCheck))
        {
            throw failure;
        }
        final Deque<Measurement> queue = script.get(check.name());
        return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
    }
}
