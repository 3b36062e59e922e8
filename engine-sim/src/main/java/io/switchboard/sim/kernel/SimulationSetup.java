package io.switchboard.sim.kernel;

import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.EngineEvents;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.runtime.TappingProxy;
import io.switchboard.sim.random.Purpose;
import io.switchboard.sim.random.RandomStream;
import io.switchboard.sim.random.Sampler;
import io.switchboard.sim.report.KpiCollector;
import io.switchboard.sim.scenario.AgentGroupDef;
import io.switchboard.sim.scenario.QueueDef;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ShiftDef;
import io.switchboard.sim.scenario.StaffingProfile;
import io.switchboard.sim.scenario.StreamDef;
import io.switchboard.sim.traffic.RateFunction;
import io.switchboard.sim.traffic.TrafficSource;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A run as it stands before its first event: the policy engine, set up through commands ({@link EngineBuilder}) so
 * that a journal records the setup too, and the lookup arrays that the per-event code reads instead of the
 * scenario's lists — the traffic's names as scenario indices, channel units, per traffic stream how agents answer
 * its offers, per agent its group and capacity, per group its members, queues and wrap-up — together with the run's
 * empty item table, KPI collector and attribute filler. Everything is built in the constructor, in the order the
 * engine and the journal must see it; the arrays are never changed afterwards.
 *
 * <p><b>Threading:</b> built on, and then only used from, the one simulation thread.
 */
final class SimulationSetup
{
    /** The engine the run drives, asked for its next deadline and its last classification. */
    final PolicyEngine policy;
    /** Where every command goes: the engine, or a proxy that shows each command to the journal first. */
    final EngineCommands commands;

    /** Per traffic queue, the scenario queue (= engine queue handle). */
    final int[] queueOfTraffic;
    /** Per traffic channel, the scenario channel (= engine channel handle). */
    final int[] channelOfTraffic;
    /** Per traffic requirement set, the engine's requirement profile handle (-1 for none). */
    final int[] requirementHandles;
    /** Per scenario channel, the capacity units an item of it occupies while an agent holds it. */
    final int[] channelUnits;

    /** Per traffic stream, the scenario stream of the same name (-1 when the scenario has none). */
    final int[] scenarioStream;
    /** Per traffic stream, how long an agent takes to accept an offer; null when it accepts at once. */
    final Sampler[] acceptDelay;
    /** Per traffic stream, the draws for {@link #acceptDelay}. */
    final RandomStream[] acceptDelayRandom;
    /** Per traffic stream, the chance that an agent rejects an offer. */
    final double[] rejectProbability;
    /** Per traffic stream, the draws for {@link #rejectProbability}. */
    final RandomStream[] rejectRandom;

    /** Per agent (engine handle), its group. */
    final int[] agentGroup;
    /** Per agent, its capacity. */
    final int[] agentCapacity;
    /** Per group, the first agent; entry {@code groups} is one past the last agent. */
    final int[] groupFirstAgent;
    /** Per group, the scenario queues its agents serve. */
    final int[][] groupQueues;
    /** Per group, the wrap-up after each release. */
    final long[] groupWrapUp;
    /** Per group, its shift; null for a group that logs in at time 0 and stays. */
    final ShiftDef[] groupShift;
    /** The scenario's calendar, for clock-time shifts. */
    final io.switchboard.sim.scenario.ScenarioClock clock;
    /** Per group, agents logged in over time (a step function); null for a group without a staffing profile. */
    final RateFunction[] groupStaffing;

    /** The run's KPIs, told which queues have SLAs and which queues the rules can choose. */
    final KpiCollector kpis;
    /** The run's live items, empty. */
    final ItemTable items;
    /** Fills the attributes the rules classify an item of a traffic stream on. */
    final StreamAttributes attributes;

    /**
     * @param scenario the scenario.
     * @param traffic  the work items.
     * @param origin   file name of the traffic for error messages.
     * @param events   receives the engine's and the policies' events.
     * @param journal  sees the set-up engine, every command and every event; null for none.
     */
    SimulationSetup(final Scenario scenario, final TrafficSource traffic, final String origin,
        final EngineEvents events, final SimulationJournal journal)
    {
        queueOfTraffic = EngineBuilder.map(traffic.queueNames(), scenario, "queue", origin);
        channelOfTraffic = EngineBuilder.map(traffic.channelNames(), scenario, "channel", origin);
        policy = new PolicyEngine(EngineBuilder.config(scenario, traffic.requirementSets().size()),
            journal == null ? events : journal.events(events));
        if (journal != null)
        {
            journal.started(policy); // before the first command: the journal must see setup as commands too
        }
        commands = journal == null ? policy : new TappingProxy(journal.commands(), policy);
        EngineBuilder.define(commands, policy.engine(), scenario);
        requirementHandles = EngineBuilder.requirements(commands, policy.engine(), traffic, origin);
        EngineBuilder.installPolicies(commands, policy, scenario.policies());

        channelUnits = new int[scenario.channels().size()];
        for (int c = 0; c < channelUnits.length; c++)
        {
            channelUnits[c] = scenario.channels().get(c).units();
        }

        final int ns = traffic.streamNames().size();
        scenarioStream = new int[ns];
        acceptDelay = new Sampler[ns];
        acceptDelayRandom = new RandomStream[ns];
        rejectProbability = new double[ns];
        rejectRandom = new RandomStream[ns];
        for (int s = 0; s < ns; s++)
        {
            final String name = traffic.streamNames().get(s);
            final int index = scenario.streamIndex(name);
            scenarioStream[s] = index;
            if (index >= 0)
            {
                final StreamDef def = scenario.traffic().get(index);
                acceptDelay[s] = def.acceptDelay().isZero() ? null : new Sampler(def.acceptDelay());
                rejectProbability[s] = def.rejectProbability();
            }
            acceptDelayRandom[s] = RandomStream.derive(scenario.seed(), name, Purpose.ACCEPT_DELAY);
            rejectRandom[s] = RandomStream.derive(scenario.seed(), name, Purpose.REJECT);
        }

        clock = scenario.clock();
        final int groups = scenario.agents().size();
        agentGroup = new int[scenario.agentCount()];
        agentCapacity = new int[scenario.agentCount()];
        groupQueues = new int[groups][];
        groupFirstAgent = new int[groups + 1];
        groupWrapUp = new long[groups];
        groupShift = new ShiftDef[groups];
        groupStaffing = new RateFunction[groups];
        int agent = 0;
        for (int g = 0; g < groups; g++)
        {
            final AgentGroupDef group = scenario.agents().get(g);
            groupFirstAgent[g] = agent;
            groupWrapUp[g] = group.wrapUpMs();
            groupShift[g] = group.shift();
            final StaffingProfile staffing = group.staffing();
            groupStaffing[g] = staffing.isEmpty() ? null
                : new RateFunction(staffing.steps(), staffing.clock(scenario.clock()));
            groupQueues[g] = group.queues().stream().mapToInt(scenario::queueIndex).toArray();
            for (int i = 0; i < group.count(); i++)
            {
                agentGroup[agent] = g;
                agentCapacity[agent] = group.capacity();
                agent++;
            }
        }
        groupFirstAgent[groups] = agent;

        kpis = kpiCollector(scenario, traffic.streamNames());
        items = new ItemTable(scenario.maxLiveItems());
        attributes = new StreamAttributes(scenario, traffic.streamNames(), scenarioStream, origin);
        reportPolicies(kpis, scenario);
        kpis.reportContext(ScenarioSummary.context(scenario));
    }

    private static KpiCollector kpiCollector(final Scenario scenario, final List<String> streamNames)
    {
        final long[] thresholds = new long[scenario.queues().size()];
        for (int q = 0; q < thresholds.length; q++)
        {
            thresholds[q] = scenario.queues().get(q).serviceLevelMs();
        }
        return new KpiCollector(scenario.queues().stream().map(QueueDef::name).toList(), thresholds,
            scenario.channels().stream().map(c -> c.name()).toList(), streamNames, scenario.warmupMs(),
            scenario.durationMs(), scenario.reportIntervalMs());
    }

    /** Tells the KPIs which queues have SLAs and which queues the classification rules can choose. */
    private static void reportPolicies(final KpiCollector kpis, final Scenario scenario)
    {
        final ServicePolicies policies = scenario.policies();
        final boolean[] slaQueues = new boolean[scenario.queues().size()];
        for (int q = 0; q < slaQueues.length; q++)
        {
            slaQueues[q] = policies.hasSlaConditions() || policies.queueSla(scenario.queues().get(q).name()) != null;
        }
        kpis.reportPolicies(slaQueues, policies.rules() == null ? List.of()
            : IntStream.range(0, policies.rules().queues().size()).mapToObj(i -> policies.rules().queues().name(i))
                .toList(), policies.endReasons());
    }
}
