package io.switchboard.sim.kernel;

import io.switchboard.sim.erlang.ErlangA;
import io.switchboard.sim.erlang.ErlangC;
import io.switchboard.sim.erlang.QueueingAnswer;
import io.switchboard.sim.report.IntervalReport;
import io.switchboard.sim.report.KpiValues;
import io.switchboard.sim.report.SimulationReport;
import io.switchboard.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-queue scenarios with Poisson arrivals and exponential handle times reproduce queueing theory within three
 * standard errors (batch means over 20 equal intervals after a warm-up).
 */
class ErlangAgreementTest
{
    private static final int BATCHES = 20;

    private static SimulationReport simulate(final int agents, final int capacity, final String channelUnits,
        final double ratePerHour, final String aht, final String patience, final boolean autoAccept, final double hours,
        final long seed)
    {
        final String yaml = String.join("\n",
            "name: erlang-check",
            "seed: " + seed,
            "duration: " + hours + "h",
            "warmup: 5h",
            "interval: " + (hours / BATCHES) + "h",
            "channels: { work: " + channelUnits + " }",
            "queues:",
            "  q: { autoAccept: " + autoAccept + ", serviceLevel: 20s, strategy: longest-idle }",
            "agents:",
            "  - { name: a, count: " + agents + ", capacity: " + capacity + ", queues: [q] }",
            "traffic:",
            "  - name: s",
            "    channel: work",
            "    queue: q",
            "    arrivals: { ratePerHour: " + ratePerHour + " }",
            "    handleTime: { dist: exponential, mean: " + aht + " }",
            patience == null ? "" : "    patience: { dist: exponential, mean: " + patience + " }",
            "");
        return new Simulator(ScenarioLoader.parse("erlang-check.yaml", yaml), ProgressListener.NONE).run();
    }

    private static void assertWithinThreeStandardErrors(final SimulationReport report, final String kpi,
        final ToDoubleFunction<KpiValues> value, final double theory)
    {
        final List<IntervalReport> intervals = report.intervals();
        final int n = intervals.size();
        double sum = 0;
        double sumSq = 0;
        for (final IntervalReport interval : intervals)
        {
            final double v = value.applyAsDouble(interval.overall());
            sum += v;
            sumSq += v * v;
        }
        final double mean = sum / n;
        final double standardError = Math.sqrt(Math.max(0, sumSq / n - mean * mean) / (n - 1));
        final double simulated = value.applyAsDouble(report.overall());
        assertThat(Math.abs(simulated - theory))
            .as(String.format(Locale.ROOT, "%s: simulated %.5f, theory %.5f, standard error %.5f", kpi, simulated,
                theory, standardError))
            .isLessThanOrEqualTo(3 * standardError + 1e-9);
        assertThat(standardError).as(kpi + " standard error").isLessThan(Math.max(0.04 * Math.abs(theory), 0.01));
    }

    private static void assertErlangC(final SimulationReport report, final QueueingAnswer theory)
    {
        assertThat(report.overall().offered()).isGreaterThan(100_000);
        assertWithinThreeStandardErrors(report, "probWait", KpiValues::probWait, theory.probWait());
        assertWithinThreeStandardErrors(report, "asa", KpiValues::asa, theory.asaSeconds());
        assertWithinThreeStandardErrors(report, "serviceLevel", KpiValues::serviceLevel, theory.serviceLevel());
        assertThat(report.overall().occupancy()).isCloseTo(theory.occupancy(),
            org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void tenAgentsAtEightyFivePercentLoadMatchErlangC()
    {
        final SimulationReport report = simulate(10, 100, "100", 170, "180s", null, true, 3_000, 11);
        assertErlangC(report, ErlangC.solve(10, 170, 180, 20));
    }

    @Test
    void fiftyAgentsAtNinetyPercentLoadWithAnOfferStepMatchErlangC()
    {
        final SimulationReport report = simulate(50, 100, "100", 900, "3m", null, false, 2_000, 12);
        assertErlangC(report, ErlangC.solve(50, 900, 180, 20));
    }

    @Test
    void agentsHandlingFourChatsAtOnceThroughCapacityUnitsMatchErlangCWithFourServersEach()
    {
        // 10 agents x 100 units / 25 units per chat = 40 servers; 36 Erlangs of chat
        final SimulationReport report = simulate(10, 100, "25", 216, "10m", null, true, 2_500, 13);
        assertErlangC(report, ErlangC.solve(40, 216, 600, 20));
    }

    @Test
    void impatientCustomersOfAnOverloadedQueueMatchErlangA()
    {
        // 10 agents, 10.5 Erlangs offered, patience 2 min: only abandonment keeps the queue stable
        final SimulationReport report = simulate(10, 100, "100", 210, "180s", "2m", true, 1_000, 14);
        final QueueingAnswer theory = ErlangA.solve(10, 210, 180, 120, 20);
        assertThat(report.overall().offered()).isGreaterThan(100_000);
        assertWithinThreeStandardErrors(report, "abandonRate", KpiValues::abandonRate, theory.abandonRate());
        assertWithinThreeStandardErrors(report, "probWait", KpiValues::probWait, theory.probWait());
        assertWithinThreeStandardErrors(report, "asa", KpiValues::asa, theory.asaSeconds());
        assertWithinThreeStandardErrors(report, "serviceLevel", KpiValues::serviceLevel, theory.serviceLevel());
    }

    @Test
    void impatientChatCustomersOfMultiChatAgentsMatchErlangA()
    {
        // 6 agents x 3 chats (33 of 100 units) = 18 servers, 17 Erlangs, patience 5 min
        final SimulationReport report = simulate(6, 100, "33", 102, "10m", "5m", false, 3_000, 15);
        final QueueingAnswer theory = ErlangA.solve(18, 102, 600, 300, 20);
        assertThat(report.overall().offered()).isGreaterThan(100_000);
        assertWithinThreeStandardErrors(report, "abandonRate", KpiValues::abandonRate, theory.abandonRate());
        assertWithinThreeStandardErrors(report, "probWait", KpiValues::probWait, theory.probWait());
        assertWithinThreeStandardErrors(report, "asa", KpiValues::asa, theory.asaSeconds());
        assertWithinThreeStandardErrors(report, "serviceLevel", KpiValues::serviceLevel, theory.serviceLevel());
    }
}
