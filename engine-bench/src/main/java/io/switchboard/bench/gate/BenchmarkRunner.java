package io.switchboard.bench.gate;

/**
 * Measures one {@link GateCheck}: the gate's only contact with JMH, so that the gate's decisions can be tested with
 * a scripted runner instead of real benchmarks. Called on the gate's one thread.
 */
interface BenchmarkRunner
{
    /**
     * @param check                 what to run.
     * @param measurementIterations measurement iterations per fork.
     * @return the check's cost (ns per operation, best iteration) and allocation ({@code gc.alloc.rate.norm}).
     * @throws GateException when the benchmark could not be run or gave no result.
     */
    Measurement measure(GateCheck check, int measurementIterations);

    /**
     * One measured check.
     *
     * @param cost       nanoseconds per operation.
     * @param bytesPerOp bytes allocated per operation, NaN when not measured.
     */
    record Measurement(double cost, double bytesPerOp)
    {
    }
}
