package io.switchboard.reference;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.EventTee;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One model-test run: the engine and the reference side by side, set up identically, each command applied to both
 * and followed by the checks — same result, byte-identical events, same state through every inspection method
 * (setup version, definitions, policy definition included), and the invariants: used units within 0..capacity and
 * equal to the units the agent's holds reserved, channel limits kept, the items alive are exactly those the events
 * say (nothing lost or invented), plus the checks {@link ModelEvents} makes at each offer.
 */
final class ModelRun
{
    final long seed;
    final ModelSetup setup;
    final RecordingEvents engineEvents = new RecordingEvents();
    final RecordingEvents refEvents = new RecordingEvents();
    final ModelEvents tee;
    /** The engine under test; replaced now and then by its own restored snapshot ({@link #restoreEvery}). */
    RoutingEngine engine;
    final ReferenceRouter ref;
    /** The statistics the engine must report, worked out from the reference's events. */
    final ReferenceStatistics stats = new ReferenceStatistics();
    /** Item ids enqueued and not yet ended, tracked from results and events only. */
    final Set<Long> tracked = new TreeSet<>();
    int checkedBytes;
    Result lastResult;
    /** The commands applied, as concrete values. */
    final List<ModelCommand> concrete = new ArrayList<>();

    ModelRun(final long seed, final ModelSetup setup)
    {
        this.seed = seed;
        this.setup = setup;
        this.engine = new RoutingEngine(setup.config(seed), engineEvents);
        this.tee = new ModelEvents(refEvents);
        this.ref = new ReferenceRouter(setup.config(seed), new EventTee(tee, stats));
        tee.ref = ref;
        stats.ref = ref;
        final int[] engineHandles = setup.applyTo(ModelSetup.Target.of(engine));
        final int[] refHandles = setup.applyTo(ModelSetup.Target.of(ref));
        if (!Arrays.equals(engineHandles, refHandles))
        {
            throw new AssertionError("setup handles differ: engine " + Arrays.toString(engineHandles)
                + " reference " + Arrays.toString(refHandles));
        }
        stats.sampleAgents(ref.latestTime());
    }

    /** @return null when engine and reference agree after the command, else a description of the failure. */
    String apply(final ModelCommand symbolic)
    {
        final ModelCommand cmd = symbolic.resolve(ref);
        concrete.add(cmd);
        tee.endedThisCommand.clear();
        tee.violations.clear();
        tee.routedAfterSetupChange = 0;
        tee.setupChanged = false;
        final Result engineResult;
        try
        {
            engineResult = cmd.applyTo(engine);
        }
        catch (final RuntimeException | Error ex)
        {
            return "the engine threw " + stackTrace(ex);
        }
        final Result refResult;
        if (cmd.type == CommandType.ENQUEUE)
        {
            stats.enqueueing(cmd.now, cmd.item, cmd.b);
        }
        try
        {
            refResult = cmd.applyTo(ref);
        }
        catch (final RuntimeException | Error ex)
        {
            return "the REFERENCE threw " + stackTrace(ex);
        }
        if (cmd.type == CommandType.ENQUEUE)
        {
            stats.enqueued(refResult == Result.OK);
        }
        lastResult = refResult;
        // Items can only end in a command before an enqueue's own effects (due timers fire first).
        tracked.removeAll(tee.endedThisCommand);
        if (cmd.type == CommandType.ENQUEUE && refResult == Result.OK)
        {
            tracked.add(cmd.item);
        }
        if (engineResult != refResult)
        {
            return "results differ: engine " + engineResult + ", reference " + refResult;
        }
        if (!engineEvents.sameBytesFrom(refEvents, checkedBytes))
        {
            final int at = engineEvents.firstDifference(refEvents);
            return "event streams differ from event #" + at;
        }
        checkedBytes = engineEvents.byteLength();
        if (!tee.violations.isEmpty())
        {
            return "invariant violated: " + tee.violations;
        }
        try
        {
            final String setupDifference = checkSetup();
            final String stateDifference = setupDifference != null ? setupDifference : checkState();
            final String difference = stateDifference != null ? stateDifference : stats.compare(engine, cmd.now);
            return difference != null || concrete.size() % RESTORE_EVERY != 0 ? difference : restoreFromSnapshot();
        }
        catch (final RuntimeException | Error ex)
        {
            return "an inspection method threw " + stackTrace(ex);
        }
    }

    /** The setup version, the definitions (count and name of each handle) and the policy definition. */
    private String checkSetup()
    {
        if (engine.setupVersion() != ref.setupVersion())
        {
            return "setupVersion: engine " + engine.setupVersion() + ", reference " + ref.setupVersion();
        }
        if (engine.queueCount() != ref.queueCount() || engine.agentCount() != ref.agentCount())
        {
            return "definitions: engine " + engine.queueCount() + " queues and " + engine.agentCount() +
                " agents, reference " + ref.queueCount() + " and " + ref.agentCount();
        }
        for (int c = 0; c < ref.channelCountDefined(); c++)
        {
            if (engine.channelId(ref.channelName(c)) != c)
            {
                return "channelId(" + SpecText.literal(ref.channelName(c)) + "): engine " +
                    engine.channelId(ref.channelName(c)) + ", reference " + c;
            }
        }
        for (int s = 0; s < ref.skillCount(); s++)
        {
            if (engine.skillId(ref.skillName(s)) != s)
            {
                return "skillId(" + SpecText.literal(ref.skillName(s)) + "): engine " +
                    engine.skillId(ref.skillName(s)) + ", reference " + s;
            }
        }
        for (int q = 0; q < ref.queueCount(); q++)
        {
            if (engine.queueId(ref.queueName(q)) != q)
            {
                return "queueId(" + SpecText.literal(ref.queueName(q)) + "): engine " +
                    engine.queueId(ref.queueName(q)) + ", reference " + q;
            }
        }
        for (int a = 0; a < ref.agentCount(); a++)
        {
            if (engine.agentId(ref.agentName(a)) != a)
            {
                return "agentId(" + SpecText.literal(ref.agentName(a)) + "): engine " +
                    engine.agentId(ref.agentName(a)) + ", reference " + a;
            }
        }
        final DirectBuffer enginePolicies = engine.policyDefinition();
        final byte[] engineBytes = enginePolicies == null ? null : new byte[enginePolicies.capacity()];
        if (engineBytes != null)
        {
            enginePolicies.getBytes(0, engineBytes);
        }
        if (!Arrays.equals(engineBytes, ref.policyDefinition()))
        {
            return "policyDefinition: engine " + Arrays.toString(engineBytes) + ", reference " +
                Arrays.toString(ref.policyDefinition());
        }
        return null;
    }

    private String checkState()
    {
        if (engine.liveItems() != ref.liveItems())
        {
            return "liveItems: engine " + engine.liveItems() + ", reference " + ref.liveItems();
        }
        if (engine.nextDeadline() != ref.nextDeadline())
        {
            return "nextDeadline: engine " + engine.nextDeadline() + ", reference " + ref.nextDeadline();
        }
        final Set<Long> live = new LinkedHashSet<>(ref.liveItemIds());
        if (!live.equals(tracked))
        {
            return "items lost or invented: tracked from events " + tracked + ", reference live " + live;
        }
        for (int q = 0; q < ref.queueCount(); q++)
        {
            if (engine.waitingCount(q) != ref.waitingCount(q))
            {
                return "waitingCount(" + q + "): engine " + engine.waitingCount(q) + ", reference " +
                    ref.waitingCount(q);
            }
            if (engine.loggedInMembers(q) != ref.loggedInMembers(q))
            {
                return "loggedInMembers(" + q + "): engine " + engine.loggedInMembers(q) + ", reference " +
                    ref.loggedInMembers(q);
            }
        }
        final int agents = ref.agentCount();
        final int channels = ref.channelCountDefined();
        final long[] used = new long[agents];
        final int[] held = new int[agents];
        final int[][] perChannel = new int[agents][channels];
        for (final long id : tee.endedThisCommand)
        {
            if (engine.itemState(id) != ref.itemState(id))
            {
                return "itemState(" + id + ") after it ended: engine " + engine.itemState(id) + ", reference "
                    + ref.itemState(id);
            }
        }
        for (final long id : live)
        {
            final ItemState state = engine.itemState(id);
            if (state != ref.itemState(id))
            {
                return "itemState(" + id + "): engine " + state + ", reference " + ref.itemState(id);
            }
            final int channel = ref.itemChannel(id);
            if (state != ItemState.WAITING)
            {
                final int agent = engine.itemAgent(id);
                if (agent != ref.itemAgent(id))
                {
                    return "itemAgent(" + id + ") in " + state + ": engine " + agent + ", reference " +
                        ref.itemAgent(id);
                }
                used[agent] += ref.itemUnits(id);
                held[agent]++;
                perChannel[agent][channel]++;
            }
            if (state == ItemState.OFFERED && engine.itemOfferId(id) != ref.itemOfferId(id))
            {
                return "itemOfferId(" + id + "): engine " + engine.itemOfferId(id) + ", reference " +
                    ref.itemOfferId(id);
            }
            final int consultant = ref.itemConsultAgent(id);
            if (consultant >= 0)
            {
                if (consultant == ref.itemAgent(id) || state != ItemState.ASSIGNED)
                {
                    return "consult of item " + id + " by agent " + consultant + " in state " + state;
                }
                used[consultant] += ref.itemConsultUnits(id);
                held[consultant]++;
                perChannel[consultant][channel]++;
            }
        }
        for (int a = 0; a < agents; a++)
        {
            final String who = "agent " + a + ": ";
            if (engine.agentPresence(a) != ref.agentPresence(a))
            {
                return who + "agentPresence: engine " + engine.agentPresence(a) + ", reference " + ref.agentPresence(a);
            }
            final int engineUsed = engine.agentUsedUnits(a);
            if (engineUsed != ref.agentUsedUnits(a) || engineUsed != used[a])
            {
                return who + "agentUsedUnits: engine " + engineUsed + ", reference " + ref.agentUsedUnits(a)
                    + ", sum over held items " + used[a];
            }
            if (engineUsed < 0 || engineUsed > ref.agentCapacity(a))
            {
                return who + "used units " + engineUsed + " outside 0.." + ref.agentCapacity(a);
            }
            final int engineHeld = engine.agentHeldItems(a);
            if (engineHeld != ref.agentHeldItems(a) || engineHeld != held[a])
            {
                return who + "agentHeldItems: engine " + engineHeld + ", reference " + ref.agentHeldItems(a)
                    + ", count of held items " + held[a];
            }
            for (int c = 0; c < channels; c++)
            {
                final int count = engine.channelCount(a, c);
                if (count != ref.channelCount(a, c) || count != perChannel[a][c])
                {
                    return who + "channelCount(" + c + "): engine " + count + ", reference " + ref.channelCount(a, c)
                        + ", count of held items " + perChannel[a][c];
                }
                final int limit = ref.agentChannelLimit(a, c);
                if (limit >= 0 && count > limit)
                {
                    return who + "channel " + c + " holds " + count + " items above its limit " + limit;
                }
            }
        }
        return null;
    }

    /**
     * Every this many commands the engine is replaced by one restored from its snapshot: the run must go on exactly
     * as if nothing happened (same results, event bytes, state and statistics from then on).
     */
    static final int RESTORE_EVERY = 97;

    private String restoreFromSnapshot()
    {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        final RoutingEngine restored;
        try
        {
            engine.writeSnapshot(new java.io.DataOutputStream(bytes));
            restored = RoutingEngine.readSnapshot(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), engineEvents);
        }
        catch (final java.io.IOException ex)
        {
            return "the snapshot round trip failed: " + ex;
        }
        if (restored.stateHash() != engine.stateHash())
        {
            return "the engine restored from its snapshot has another state hash";
        }
        engine = restored;
        return null;
    }

    static String stackTrace(final Throwable ex)
    {
        final StringBuilder out = new StringBuilder(ex.toString());
        final StackTraceElement[] trace = ex.getStackTrace();
        for (int i = 0; i < Math.min(12, trace.length); i++)
        {
            out.append("\n    at ").append(trace[i]);
        }
        return out.toString();
    }
}
