package io.switchboard.policy.model;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.model.ReferencePolicies.Fact;
import io.switchboard.policy.model.ReferencePolicies.Tracked;
import io.switchboard.policy.service.PolicyEngine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sequence: a real {@link PolicyEngine} and the {@link ReferencePolicies} side by side. Each command is applied
 * to the engine; the reference judges its result and events; then the state visible through the policy engine's
 * inspection methods is compared item by item, the reference's routing facts are checked against the routing
 * engine, and invariants are checked on the event stream itself.
 */
final class PolicyModelRun
{
    static final int MAX_QUEUES = 6;
    static final int MAX_AGENTS = 8;
    static final int MAX_ITEMS = 256;

    final long seed;
    final Ev.Log log = new Ev.Log();
    final PolicyEngine policy;
    final RoutingEngine engine;
    final ReferencePolicies ref;
    private final EnginePeek peek;
    final List<PolicyCommand> commands = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    /** Index of the first event of each command in {@link Ev.Log#events}. */
    final List<Integer> firstEvent = new ArrayList<>();
    private final Invariants invariants = new Invariants();

    PolicyModelRun(final long seed)
    {
        this.seed = seed;
        policy = new PolicyEngine(new EngineConfig().maxAgents(MAX_AGENTS).maxItems(MAX_ITEMS).maxQueues(MAX_QUEUES)
            .maxSkills(4).maxChannels(4).maxRequirementSets(8).maxExclusions(4_096), log);
        engine = policy.engine();
        ref = new ReferencePolicies(MAX_QUEUES, MAX_ITEMS);
        peek = new EnginePeek(engine);
    }

    /** @return null when the engine and the reference agree after the command, else what differs. */
    String apply(final PolicyCommand cmd)
    {
        commands.add(cmd);
        final int from = log.events.size();
        firstEvent.add(from);
        final int[] loggedIn = loggedInMembers();
        final Result result;
        try
        {
            result = cmd.applyTo(policy);
        }
        catch (final RuntimeException | Error ex)
        {
            results.add(null);
            return "the engine threw " + stackTrace(ex);
        }
        results.add(result);
        final List<Ev> events = log.events.subList(from, log.events.size());
        final String invariant = invariants.check(cmd, events);
        final String judged = ref.judge(cmd, result, events, loggedIn, loggedInMembers());
        if (judged != null)
        {
            return judged + (invariant != null ? "\n(and an invariant: " + invariant + ")" : "");
        }
        if (invariant != null)
        {
            return "invariant violated: " + invariant;
        }
        try
        {
            return compareState();
        }
        catch (final RuntimeException | Error ex)
        {
            return "an inspection method threw " + stackTrace(ex);
        }
    }

    private int[] loggedInMembers()
    {
        final int[] members = new int[MAX_QUEUES];
        for (int q = 0; q < engine.queueCount(); q++)
        {
            members[q] = engine.loggedInMembers(q);
        }
        return members;
    }

    private String compareState()
    {
        if (policy.trackedItems() != ref.tracked.size())
        {
            return "trackedItems: engine " + policy.trackedItems() + ", reference " + ref.tracked.size() + " "
                + ref.tracked.keySet();
        }
        for (final Tracked item : ref.tracked.values())
        {
            final long id = item.id;
            final String what = compare("effectivePriority(" + id + ")", policy.effectivePriority(id), item.priority,
                "itemSla(" + id + ")", policy.itemSla(id), item.sla,
                "overflowHops(" + id + ")", policy.overflowHops(id), item.hops,
                "isFlaggedForCallback(" + id + ")", policy.isFlaggedForCallback(id) ? 1 : 0,
                item.callback || item.voicemail ? 1 : 0,
                "isSlaPaused(" + id + ", FIRST_RESPONSE)", policy.isSlaPaused(id, SlaKpi.FIRST_RESPONSE) ? 1 : 0,
                item.kpis[0].paused ? 1 : 0,
                "isSlaPaused(" + id + ", RESOLUTION)", policy.isSlaPaused(id, SlaKpi.RESOLUTION) ? 1 : 0,
                item.kpis[1].paused ? 1 : 0);
            if (what != null)
            {
                return what;
            }
            if (item.priority < item.base)
            {
                return "invariant: effective priority " + item.priority + " of " + id + " below the host's "
                    + item.base;
            }
            final Fact fact = ref.facts.get(id);
            if (fact.state == ReferencePolicies.State.WAITING && peek.priority(id) != item.priority)
            {
                return "invariant: the routing engine holds priority " + peek.priority(id) + " for waiting item "
                    + id + ", its effective priority is " + item.priority;
            }
        }
        // the routing facts the reference reads from events must be the engine's
        if (engine.liveItems() != ref.facts.size())
        {
            return "facts: the engine has " + engine.liveItems() + " live items, the events say " + ref.facts.size();
        }
        for (final Fact fact : ref.facts.values())
        {
            final ItemState state = engine.itemState(fact.id);
            if (state == null || !state.name().equals(fact.state.name()))
            {
                return "facts: item " + fact.id + " is " + state + " in the engine, " + fact.state + " by the events";
            }
            if (!ref.tracked.containsKey(fact.id) && policy.effectivePriority(fact.id) != -1)
            {
                return "the engine tracks item " + fact.id + ", the reference does not";
            }
        }
        for (int q = 0; q < engine.queueCount(); q++)
        {
            if (engine.waitingCount(q) != ref.waitingCount(q))
            {
                return "facts: waitingCount(" + q + ") is " + engine.waitingCount(q) + ", the events say "
                    + ref.waitingCount(q);
            }
        }
        if (engine.nextDeadline() != ref.minEngineDeadline())
        {
            return "facts: the engine's next deadline is " + engine.nextDeadline() + ", the events say "
                + ref.minEngineDeadline();
        }
        final long expected = Math.min(ref.minEngineDeadline(), ref.minPolicyDeadline());
        if (policy.nextDeadline() != expected)
        {
            return "nextDeadline: engine " + policy.nextDeadline() + ", reference " + expected;
        }
        return null;
    }

    private static String compare(final Object... triples)
    {
        for (int i = 0; i < triples.length; i += 3)
        {
            if (!triples[i + 1].equals(triples[i + 2]))
            {
                return triples[i] + ": engine " + triples[i + 1] + ", reference " + triples[i + 2];
            }
        }
        return null;
    }

    static String stackTrace(final Throwable ex)
    {
        final StringBuilder out = new StringBuilder(ex.toString());
        final StackTraceElement[] trace = ex.getStackTrace();
        for (int i = 0; i < Math.min(14, trace.length); i++)
        {
            out.append("\n    at ").append(trace[i]);
        }
        return out.toString();
    }

    /** Checks on the event stream alone, independent of the reference's predictions. */
    static final class Invariants
    {
        private final Set<Long> live = new HashSet<>();
        /** Per item: KPIs met (bit 0 first response, bit 1 resolution) and KPIs breached (bits 2, 3). */
        private final Map<Long, Integer> sla = new HashMap<>();

        String check(final PolicyCommand cmd, final List<Ev> events)
        {
            // events for the command's own new item come before it is live (before-queueing overflow); its id may
            // also have belonged to an item that ended earlier in the same command
            final boolean enqueues = cmd.type == CommandType.ENQUEUE || cmd.type == CommandType.CLASSIFY_AND_ENQUEUE;
            String violation = null;
            final Set<Long> routedNow = new HashSet<>();
            for (final Ev event : events)
            {
                final long id = event.item();
                final boolean newItem = enqueues && id == cmd.item && event.now() == cmd.now && !live.contains(id);
                switch (event.kind())
                {
                    case ROUTED:
                        routedNow.add(id);
                        live.add(id);
                        sla.put(id, 0);
                        break;
                    case REJECTED:
                        if (event.command() == CommandType.ENQUEUE && enqueues && id == cmd.item
                            && routedNow.remove(id))
                        {
                            live.remove(id);
                            violation = violation != null ? violation : "onRouted for " + id + ", whose enqueue the "
                                + "engine then rejected (" + event.detail() + ")";
                        }
                        break;
                    case ASSIGNED:
                        sla.merge(id, 1, (a, b) -> a | b);
                        break;
                    case RELEASED:
                        sla.merge(id, 2, (a, b) -> a | b);
                        if (event.number() == 0)
                        {
                            live.remove(id);
                        }
                        break;
                    case WRAP_UP_ENDED:
                    case ENDED:
                        live.remove(id);
                        break;
                    default:
                        break;
                }
                if (event.isPolicy() && event.kind() != Ev.Kind.ROUTED && event.kind() != Ev.Kind.ENDED_BY_RULE
                    && !live.contains(id) && !newItem)
                {
                    violation = violation != null ? violation : "policy event for an item that is not live: " + event;
                }
                if (event.kind() == Ev.Kind.SLA_WARNING || event.kind() == Ev.Kind.SLA_BREACHED)
                {
                    final int kpi = ((SlaKpi)event.detail()).ordinal();
                    final int state = sla.getOrDefault(id, 0);
                    if ((state & (1 << kpi)) != 0)
                    {
                        violation = violation != null ? violation : event + " after the KPI was met";
                    }
                    if (event.kind() == Ev.Kind.SLA_WARNING && (state & (4 << kpi)) != 0)
                    {
                        violation = violation != null ? violation : event + " after its failure";
                    }
                    if (event.kind() == Ev.Kind.SLA_BREACHED)
                    {
                        sla.put(id, state | (4 << kpi));
                    }
                }
            }
            return violation;
        }
    }
}
