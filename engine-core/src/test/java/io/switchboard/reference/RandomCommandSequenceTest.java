package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded randomized model test: the engine and {@link ReferenceRouter} (a naive, scan-everything implementation of
 * ROUTING.md) are set up identically and fed the same random command sequence, bad commands included. After every
 * command both must return the same {@link Result}, have emitted byte-identical event streams, and agree on every
 * piece of state visible through the engine's inspection API; a set of invariants is checked on top.
 *
 * <p>System properties (for reproduction and narrowing; the defaults cover everything):
 * <ul>
 *   <li>{@code switchboard.model.seed}: base seed (default {@link #BASE_SEED}).</li>
 *   <li>{@code switchboard.model.sequences} / {@code switchboard.model.commands}: sizes (default 2,000 x 300).</li>
 *   <li>{@code switchboard.model.exclude}: comma separated {@link CommandType} names the generator never emits.</li>
 *   <li>{@code switchboard.model.avoid}: comma separated generator features to leave out while investigating:
 *       {@code timeRegression}, {@code pickClosestMatch} (closest match on pick-mode queues), {@code pickTargeted}
 *       (picks of items targeted at an agent), {@code roundRobin} (the strategy), {@code transferToConsultant}
 *       (transfers of an item to the agent consulting on it).</li>
 *   <li>{@code switchboard.model.verbose}: print how many commands ended with each result.</li>
 *   <li>{@code switchboard.model.shrink}: shrink a failing sequence before reporting it (default true).</li>
 * </ul>
 */
class RandomCommandSequenceTest
{
    static final long BASE_SEED = 0x5B0A_2D00_C0FFEEL;
    static final int SEQUENCES = Integer.getInteger("switchboard.model.sequences", 2_000);
    static final int COMMANDS = Integer.getInteger("switchboard.model.commands", 300);
    static final long SEED = Long.getLong("switchboard.model.seed", BASE_SEED);
    static final boolean SHRINK = Boolean.parseBoolean(System.getProperty("switchboard.model.shrink", "true"));
    static final Set<CommandType> EXCLUDED = parseExcluded(System.getProperty("switchboard.model.exclude", ""));
    /** Generator features that can be switched off to look past a known discrepancy (default: none). */
    static final Set<String> AVOID = new HashSet<>(Arrays.asList(System.getProperty("switchboard.model.avoid", "").split(",")));
    static final boolean REGRESSIONS = !AVOID.contains("timeRegression");

    /** Item ids the generator uses for "unknown" items, far from the ids it enqueues. */
    static final long UNKNOWN_ID_BASE = 900_000L;

    // ================================================================================================ tests

    @Test
    @DisplayName("the engine returns the same results, emits the same event bytes and exposes the same state as the "
        + "reference router on thousands of random command sequences")
    void engineAgreesWithTheReferenceRouterOnRandomCommandSequences()
    {
        long commands = 0;
        final int[] resultCounts = new int[Result.values().length];
        final int[] typeCounts = new int[CommandType.values().length];
        for (int s = 0; s < SEQUENCES; s++)
        {
            final long seed = SEED + s;
            final Random random = new Random(seed);
            final Setup setup = Setup.random(random);
            final Run run = new Run(seed, setup);
            final Generator generator = new Generator(random, run.ref, run.tee, setup, EXCLUDED);
            final List<Cmd> applied = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++)
            {
                final Cmd cmd = generator.next();
                applied.add(cmd);
                final String failure = run.apply(cmd);
                if (failure != null)
                {
                    fail(failureReport(seed, setup, applied, i, failure, run));
                }
                resultCounts[run.lastResult.ordinal()]++;
                typeCounts[cmd.type.ordinal()]++;
                commands++;
            }
        }
        assertThat(commands).isEqualTo((long)SEQUENCES * COMMANDS);
        // The generator must actually exercise every command type and most outcomes.
        for (final CommandType type : CommandType.values())
        {
            if (!EXCLUDED.contains(type))
            {
                assertThat(typeCounts[type.ordinal()]).as("commands of type %s", type).isPositive();
            }
        }
        if (Boolean.getBoolean("switchboard.model.verbose"))
        {
            final StringBuilder summary = new StringBuilder("model test: " + commands + " commands;");
            for (final Result result : Result.values())
            {
                summary.append(' ').append(result).append('=').append(resultCounts[result.ordinal()]);
            }
            System.out.println(summary);
        }
        if (EXCLUDED.isEmpty() && AVOID.stream().allMatch(String::isBlank) && SEQUENCES >= 500)
        {
            for (final Result result : EnumSet.complementOf(EnumSet.of(Result.ITEM_TABLE_FULL, Result.EXCLUSION_TABLE_FULL)))
            {
                assertThat(resultCounts[result.ordinal()]).as("commands answered %s", result).isPositive();
            }
        }
    }

    @Test
    @DisplayName("the same generated command sequence run twice on two fresh engines gives byte-identical event streams")
    void theSameSequenceOnTwoFreshEnginesGivesByteIdenticalEventStreams()
    {
        for (int s = 0; s < 100; s++)
        {
            final long seed = SEED ^ 0x00DE_7E11_0000L ^ s;
            final Random random = new Random(seed);
            final Setup setup = Setup.random(random);

            // Generate the sequence against the reference alone, then replay it on two fresh engines.
            final List<Cmd> sequence = generateSequence(seed, random, setup, COMMANDS);

            final RecordingEvents first = new RecordingEvents();
            final RecordingEvents second = new RecordingEvents();
            final Router one = Router.of(new RoutingEngine(config(seed), first));
            final Router two = Router.of(new RoutingEngine(config(seed), second));
            setup.applyTo(one);
            setup.applyTo(two);
            for (final Cmd cmd : sequence)
            {
                assertThat(cmd.applyTo(two)).as("seed %d: %s", seed, cmd).isEqualTo(cmd.applyTo(one));
            }
            assertThat(first.count()).as("seed %d: events", seed).isPositive();
            assertThat(second.toBytes()).as("seed %d: event bytes of the second run", seed).isEqualTo(first.toBytes());
        }
    }

    /** Generates a command sequence by running the generator against the reference router alone. */
    static List<Cmd> generateSequence(final long seed, final Random random, final Setup setup, final int commands)
    {
        final Tee tee = new Tee(new RecordingEvents());
        final ReferenceRouter ref = new ReferenceRouter(config(seed), tee);
        tee.ref = ref;
        setup.applyTo(Router.of(ref));
        final Generator generator = new Generator(random, ref, tee, setup, EnumSet.noneOf(CommandType.class));
        final List<Cmd> sequence = new ArrayList<>();
        for (int i = 0; i < commands; i++)
        {
            final Cmd cmd = generator.next();
            sequence.add(cmd);
            cmd.applyTo(Router.of(ref));
        }
        return sequence;
    }

    @Test
    @DisplayName("the event recorder encodes equal events to equal bytes and describes them readably")
    void theEventRecorderEncodesEqualEventsToEqualBytesAndDescribesThemReadably()
    {
        final RecordingEvents a = new RecordingEvents();
        final RecordingEvents b = new RecordingEvents();
        for (final RecordingEvents r : List.of(a, b))
        {
            r.onOffered(1, 2, 3, 4, 5);
            r.onAssigned(1, 2, 3, 4, 5, AssignReason.PICKED);
            r.onCommandRejected(7, CommandType.PICK, Result.NO_CAPACITY, -1);
        }
        assertThat(a.toBytes()).isEqualTo(b.toBytes());
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.firstDifference(b)).isEqualTo(-1);
        assertThat(a.describe(2)).contains("onAssigned item=2 agent=3 queue=4 offer=5 PICKED")
            .contains("onCommandRejected PICK NO_CAPACITY subject=-1");
        b.onRequeued(9, 2, 4, RequeueReason.TIMED_OUT);
        a.onRequeued(9, 2, 4, RequeueReason.REJECTED);
        assertThat(a.firstDifference(b)).isEqualTo(3);
    }

    // ================================================================================================ one run

    static EngineConfig config(final long seed)
    {
        return EngineConfig.small().randomSeed(seed);
    }

    /** Engine and reference side by side, with the checks applied after every command. */
    static final class Run
    {
        final long seed;
        final Setup setup;
        final RecordingEvents engineEvents = new RecordingEvents();
        final RecordingEvents refEvents = new RecordingEvents();
        final Tee tee;
        final RoutingEngine engine;
        final ReferenceRouter ref;
        final Router engineRouter;
        final Router refRouter;
        /** Item ids enqueued and not yet ended, tracked from results and events only. */
        final Set<Long> tracked = new TreeSet<>();
        int checkedBytes;
        Result lastResult;
        /** The commands applied, as concrete values. */
        final List<Cmd> concrete = new ArrayList<>();

        Run(final long seed, final Setup setup)
        {
            this.seed = seed;
            this.setup = setup;
            this.engine = new RoutingEngine(config(seed), engineEvents);
            this.tee = new Tee(refEvents);
            this.ref = new ReferenceRouter(config(seed), tee);
            tee.ref = ref;
            this.engineRouter = Router.of(engine);
            this.refRouter = Router.of(ref);
            final int[] engineHandles = setup.applyTo(engineRouter);
            final int[] refHandles = setup.applyTo(refRouter);
            if (!Arrays.equals(engineHandles, refHandles))
            {
                throw new AssertionError("setup handles differ: engine " + Arrays.toString(engineHandles)
                    + " reference " + Arrays.toString(refHandles));
            }
        }

        /** @return null when engine and reference agree after the command, else a description of the failure. */
        String apply(final Cmd symbolic)
        {
            final Cmd cmd = symbolic.resolve(ref);
            concrete.add(cmd);
            tee.endedThisCommand.clear();
            tee.violations.clear();
            final Result engineResult;
            try
            {
                engineResult = cmd.applyTo(engineRouter);
            }
            catch (final RuntimeException | Error ex)
            {
                return "the engine threw " + stackTrace(ex);
            }
            final Result refResult;
            try
            {
                refResult = cmd.applyTo(refRouter);
            }
            catch (final RuntimeException | Error ex)
            {
                return "the REFERENCE threw " + stackTrace(ex);
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
                return checkState();
            }
            catch (final RuntimeException | Error ex)
            {
                return "an inspection method threw " + stackTrace(ex);
            }
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
                    return "waitingCount(" + q + "): engine " + engine.waitingCount(q) + ", reference " + ref.waitingCount(q);
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
                        return "itemAgent(" + id + ") in " + state + ": engine " + agent + ", reference " + ref.itemAgent(id);
                    }
                    used[agent] += ref.channelCost(channel);
                    held[agent]++;
                    perChannel[agent][channel]++;
                }
                if (state == ItemState.OFFERED && engine.itemOfferId(id) != ref.itemOfferId(id))
                {
                    return "itemOfferId(" + id + "): engine " + engine.itemOfferId(id) + ", reference " + ref.itemOfferId(id);
                }
                final int consultant = ref.itemConsultAgent(id);
                if (consultant >= 0)
                {
                    if (consultant == ref.itemAgent(id) || state != ItemState.ASSIGNED)
                    {
                        return "consult of item " + id + " by agent " + consultant + " in state " + state;
                    }
                    used[consultant] += ref.channelCost(channel);
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
    }

    /**
     * The reference's event sink: records the bytes, tracks items that ended, and checks at the moment of each offer or
     * direct assignment that the agent met the skills of the item's current step (closest-match queues and targeted
     * items excepted).
     */
    static final class Tee implements EngineEvents
    {
        final RecordingEvents out;
        ReferenceRouter ref;
        final List<Long> endedThisCommand = new ArrayList<>();
        final List<String> violations = new ArrayList<>();
        /** (item, offer id) of every offer ever made, for stale-offer commands. */
        final List<long[]> offerHistory = new ArrayList<>();

        Tee(final RecordingEvents out)
        {
            this.out = out;
        }

        private void checkSkills(final long now, final long itemId, final int agent, final int queue, final String what)
        {
            if (ref == null)
            {
                return;
            }
            if (ref.itemQueue(itemId) != queue)
            {
                violations.add(what + " of item " + itemId + " names queue " + queue + " but the item is in queue "
                    + ref.itemQueue(itemId));
            }
            if (ref.itemTarget(itemId) >= 0)
            {
                if (ref.itemTarget(itemId) != agent)
                {
                    violations.add("t=" + now + " " + what + " of item " + itemId + " targeted at agent "
                        + ref.itemTarget(itemId) + " to agent " + agent);
                }
                return;
            }
            if (!ref.agentIsMember(agent, queue))
            {
                violations.add("t=" + now + " " + what + " of item " + itemId + " to non-member agent " + agent);
            }
            if (!ref.queueClosestMatch(queue) && !ref.agentMeetsCurrentStep(agent, itemId))
            {
                violations.add("t=" + now + " " + what + " of item " + itemId + " (step " + ref.itemStep(itemId)
                    + ") to agent " + agent + " who lacks the step's skills");
            }
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            offerHistory.add(new long[] {itemId, offerId});
            checkSkills(now, itemId, agent, queue, "offer");
            out.onOffered(now, itemId, agent, queue, offerId);
        }

        @Override
        public void onAssigned(
            final long now, final long itemId, final int agent, final int queue, final long offerId, final AssignReason reason)
        {
            if (reason != AssignReason.ACCEPTED)
            {
                offerHistory.add(new long[] {itemId, offerId});
                checkSkills(now, itemId, agent, queue, reason.name());
            }
            out.onAssigned(now, itemId, agent, queue, offerId, reason);
        }

        @Override
        public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
        {
            out.onOfferRejected(now, itemId, agent, offerId);
        }

        @Override
        public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
        {
            out.onOfferTimedOut(now, itemId, agent, offerId);
        }

        @Override
        public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
        {
            out.onRequeued(now, itemId, queue, reason);
        }

        @Override
        public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
        {
            if (wrapUpMs == 0)
            {
                endedThisCommand.add(itemId);
            }
            out.onReleased(now, itemId, agent, wrapUpMs);
        }

        @Override
        public void onWrapUpEnded(final long now, final long itemId, final int agent)
        {
            endedThisCommand.add(itemId);
            out.onWrapUpEnded(now, itemId, agent);
        }

        @Override
        public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue, final int toAgent)
        {
            out.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
        }

        @Override
        public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
        {
            endedThisCommand.add(itemId);
            out.onEnded(now, itemId, queue, reason);
        }

        @Override
        public void onStepAdvanced(final long now, final long itemId, final int step)
        {
            out.onStepAdvanced(now, itemId, step);
        }

        @Override
        public void onPresenceChanged(final long now, final int agent, final Presence presence)
        {
            out.onPresenceChanged(now, agent, presence);
        }

        @Override
        public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
        {
            out.onCommandRejected(now, command, reason, subject);
        }

        @Override
        public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
        {
            out.onSetupChanged(now, change, handle, version);
        }
    }

    // ================================================================================================ reporting

    private static String failureReport(
        final long seed, final Setup setup, final List<Cmd> applied, final int index, final String failure, final Run run)
    {
        final StringBuilder out = new StringBuilder();
        out.append("\nseed ").append(seed).append(", command #").append(index).append(": ").append(applied.get(index))
            .append("\n").append(failure).append('\n');
        appendEvents(out, run);
        out.append("last commands:\n");
        for (int i = Math.max(0, index - 12); i <= index; i++)
        {
            out.append("  #").append(i).append(' ').append(run.concrete.get(i)).append('\n');
        }
        if (SHRINK)
        {
            final Shrunk shrunk = shrink(seed, setup, applied);
            out.append("\n---- shrunk reproduction (").append(shrunk.commands.size()).append(" commands, ")
                .append(shrunk.setup.agents.size()).append(" agents) ----\n");
            out.append("// new RoutingEngine(EngineConfig.small().randomSeed(").append(seed).append("L), events)\n");
            out.append(shrunk.setup.describe());
            for (final Cmd cmd : shrunk.run.concrete)
            {
                out.append(cmd).append(";\n");
            }
            out.append("failure: ").append(shrunk.failure).append('\n');
            appendEvents(out, shrunk.run);
        }
        return out.toString();
    }

    private static void appendEvents(final StringBuilder out, final Run run)
    {
        final int diff = run.engineEvents.firstDifference(run.refEvents);
        if (diff >= 0)
        {
            out.append("first differing event: #").append(diff).append('\n');
            out.append("engine events from #").append(Math.max(0, diff - 8)).append(":\n")
                .append(run.engineEvents.describeRange(diff - 8, diff + 12));
            out.append("reference events from #").append(Math.max(0, diff - 8)).append(":\n")
                .append(run.refEvents.describeRange(diff - 8, diff + 12));
        }
        else
        {
            out.append("engine events (last 20):\n").append(run.engineEvents.describe(20));
            out.append("reference events (last 20):\n").append(run.refEvents.describe(20));
        }
    }

    private static String stackTrace(final Throwable ex)
    {
        final StringBuilder out = new StringBuilder(ex.toString());
        final StackTraceElement[] trace = ex.getStackTrace();
        for (int i = 0; i < Math.min(12, trace.length); i++)
        {
            out.append("\n    at ").append(trace[i]);
        }
        return out.toString();
    }

    // ================================================================================================ shrinking

    static final class Shrunk
    {
        Setup setup;
        List<Cmd> commands;
        String failure;
        Run run;
    }

    /** Replays a fixed sequence; returns the run if it fails (its {@code failure} set), else null. */
    private static Shrunk replayFails(final long seed, final Setup setup, final List<Cmd> commands)
    {
        final Run run;
        try
        {
            run = new Run(seed, setup);
        }
        catch (final RuntimeException | Error ex)
        {
            return null;
        }
        for (final Cmd cmd : commands)
        {
            final String failure = run.apply(cmd);
            if (failure != null)
            {
                final Shrunk shrunk = new Shrunk();
                shrunk.setup = setup;
                shrunk.failure = failure;
                shrunk.run = run;
                shrunk.commands = commands.subList(0, commands.indexOf(cmd) + 1);
                return shrunk;
            }
        }
        return null;
    }

    /** Greedy delta debugging: drop chunks of commands, then trailing agents, while the replay still fails. */
    static Shrunk shrink(final long seed, final Setup setup, final List<Cmd> failing)
    {
        Shrunk best = replayFails(seed, setup, failing);
        if (best == null)
        {
            final Shrunk unchanged = new Shrunk();
            unchanged.setup = setup;
            unchanged.commands = failing;
            unchanged.failure = "(the failure did not reproduce on replay)";
            unchanged.run = new Run(seed, setup);
            return unchanged;
        }
        boolean progress = true;
        while (progress)
        {
            progress = false;
            for (int chunk = Math.max(1, best.commands.size() / 2); chunk >= 1; chunk /= 2)
            {
                for (int from = 0; from < best.commands.size(); )
                {
                    final List<Cmd> candidate = new ArrayList<>(best.commands.subList(0, from));
                    candidate.addAll(best.commands.subList(Math.min(best.commands.size(), from + chunk), best.commands.size()));
                    final Shrunk attempt = candidate.isEmpty() ? null : replayFails(seed, best.setup, candidate);
                    if (attempt != null)
                    {
                        best = attempt;
                        progress = true;
                    }
                    else
                    {
                        from += chunk;
                    }
                }
            }
            while (best.setup.agents.size() > 1)
            {
                final Setup fewer = best.setup.withoutLastAgent();
                final Shrunk attempt = replayFails(seed, fewer, best.commands);
                if (attempt == null)
                {
                    break;
                }
                best = attempt;
                progress = true;
            }
        }
        return best;
    }

    // ================================================================================================ setup

    /** A random but fully described setup, applied identically to the engine and the reference. */
    static final class Setup
    {
        final int[] channelCosts;
        final int skills;
        final List<QueueSpec> queues = new ArrayList<>();
        final List<RequirementSpec> requirements = new ArrayList<>();
        final List<AgentSpec> agents = new ArrayList<>();

        Setup(final int[] channelCosts, final int skills)
        {
            this.channelCosts = channelCosts;
            this.skills = skills;
        }

        static Setup random(final Random r)
        {
            final int channelCount = 2 + r.nextInt(3);
            final int[] costs = new int[channelCount];
            final int[] base = {100, 25, 10, 50};
            for (int c = 0; c < channelCount; c++)
            {
                costs[c] = r.nextInt(6) == 0 ? pick(r, 5, 20, 30, 34, 40, 60) : base[c];
            }
            if (r.nextBoolean())
            {
                shuffle(r, costs);
            }
            final Setup setup = new Setup(costs, 3 + r.nextInt(4));

            final int queueCount = 2 + r.nextInt(4);
            for (int q = 0; q < queueCount; q++)
            {
                final QueueSpec spec = new QueueSpec()
                    .priority(1 + r.nextInt(3))
                    .strategy(Strategy.values()[r.nextInt(Strategy.values().length)])
                    .autoAccept(r.nextInt(4) == 0)
                    .offerTimeoutMs(r.nextInt(5) == 0 ? 1 + r.nextInt(1_000) : pick(r, 2_000, 5_000, 10_000, 20_000, 60_000))
                    .closestMatch(r.nextInt(5) == 0)
                    .pickMode(r.nextInt(8) == 0);
                if (spec.strategy() == Strategy.ROUND_ROBIN && AVOID.contains("roundRobin"))
                {
                    spec.strategy(Strategy.ORDERED);
                }
                if (spec.pickMode() && AVOID.contains("pickClosestMatch"))
                {
                    spec.closestMatch(false);
                }
                setup.queues.add(spec);
            }

            final int requirementCount = 2 + r.nextInt(4);
            for (int i = 0; i < requirementCount; i++)
            {
                final RequirementSpec spec = new RequirementSpec();
                final int steps = r.nextInt(3) == 0 ? 1 : 2 + r.nextInt(2);
                for (int s = 0; s < steps; s++)
                {
                    final boolean last = s == steps - 1;
                    final long duration = last ? (r.nextBoolean() ? 0 : 1_000 + r.nextInt(9_000))
                        : (r.nextInt(12) == 0 ? 1 : pick(r, 500, 1_500, 3_000, 8_000, 20_000) + r.nextInt(100));
                    spec.step(duration);
                    final int requires = last && steps > 1 && r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(2);
                    final Set<Integer> used = new HashSet<>();
                    for (int k = 0; k < requires; k++)
                    {
                        final int skill = r.nextInt(setup.skills);
                        if (used.add(skill))
                        {
                            spec.require(skill, 1 + r.nextInt(Math.max(1, 9 - 3 * s)));
                        }
                    }
                }
                setup.requirements.add(spec);
            }

            final int agentCount = 3 + r.nextInt(10);
            for (int a = 0; a < agentCount; a++)
            {
                final AgentSpec spec = new AgentSpec()
                    .capacity(pick(r, 100, 100, 100, 50, 75, 125, 200, 30))
                    .tier(r.nextInt(4));
                for (int c = 0; c < channelCount; c++)
                {
                    if (r.nextInt(4) == 0)
                    {
                        spec.limit(c, r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(4));
                    }
                }
                for (int s = 0; s < setup.skills; s++)
                {
                    if (r.nextInt(5) < 3)
                    {
                        spec.skill(s, 1 + r.nextInt(10));
                    }
                }
                for (int q = 0; q < queueCount; q++)
                {
                    if (r.nextInt(5) < 3)
                    {
                        spec.queue(q);
                    }
                }
                setup.agents.add(spec);
            }
            return setup;
        }

        Setup withoutLastAgent()
        {
            final Setup copy = new Setup(channelCosts, skills);
            copy.queues.addAll(queues);
            copy.requirements.addAll(requirements);
            copy.agents.addAll(agents.subList(0, agents.size() - 1));
            return copy;
        }

        /** @return every handle returned, in definition order. */
        int[] applyTo(final Router router)
        {
            final List<Integer> handles = new ArrayList<>();
            for (int c = 0; c < channelCosts.length; c++)
            {
                handles.add(router.defineChannel("channel-" + c, channelCosts[c]));
            }
            for (int s = 0; s < skills; s++)
            {
                handles.add(router.defineSkill("skill-" + s));
            }
            for (int q = 0; q < queues.size(); q++)
            {
                handles.add(router.defineQueue("queue-" + q, queues.get(q)));
            }
            for (final RequirementSpec spec : requirements)
            {
                handles.add(router.defineRequirements(spec));
            }
            for (int a = 0; a < agents.size(); a++)
            {
                handles.add(router.defineAgent("agent-" + a, agents.get(a)));
            }
            return handles.stream().mapToInt(Integer::intValue).toArray();
        }

        /** @return Java statements that build this setup. */
        String describe()
        {
            final StringBuilder out = new StringBuilder();
            for (int c = 0; c < channelCosts.length; c++)
            {
                out.append("r.defineChannel(\"channel-").append(c).append("\", ").append(channelCosts[c]).append("); // ")
                    .append(c).append('\n');
            }
            for (int s = 0; s < skills; s++)
            {
                out.append("r.defineSkill(\"skill-").append(s).append("\"); // ").append(s).append('\n');
            }
            for (int q = 0; q < queues.size(); q++)
            {
                final QueueSpec spec = queues.get(q);
                out.append("r.defineQueue(\"queue-").append(q).append("\", new QueueSpec().priority(").append(spec.priority())
                    .append(").strategy(Strategy.").append(spec.strategy()).append(").autoAccept(").append(spec.autoAccept())
                    .append(").offerTimeoutMs(").append(spec.offerTimeoutMs()).append(").closestMatch(")
                    .append(spec.closestMatch()).append(").pickMode(").append(spec.pickMode()).append(")); // ").append(q)
                    .append('\n');
            }
            for (int i = 0; i < requirements.size(); i++)
            {
                final RequirementSpec spec = requirements.get(i);
                out.append("r.defineRequirements(new RequirementSpec()");
                for (int s = 0; s < spec.stepCount(); s++)
                {
                    out.append(".step(").append(spec.stepDurationMs(s)).append(')');
                    for (int k = 0; k < spec.requirementCount(s); k++)
                    {
                        out.append(".require(").append(spec.skill(s, k)).append(", ").append(spec.minLevel(s, k)).append(')');
                    }
                }
                out.append("); // ").append(i).append('\n');
            }
            for (int a = 0; a < agents.size(); a++)
            {
                final AgentSpec spec = agents.get(a);
                out.append("r.defineAgent(\"agent-").append(a).append("\", new AgentSpec().capacity(").append(spec.capacity())
                    .append(").tier(").append(spec.tier()).append(')');
                for (int i = 0; i < spec.limitCount(); i++)
                {
                    out.append(".limit(").append(spec.limitChannel(i)).append(", ").append(spec.limitValue(i)).append(')');
                }
                for (int i = 0; i < spec.skillCount(); i++)
                {
                    out.append(".skill(").append(spec.skillAt(i)).append(", ").append(spec.levelAt(i)).append(')');
                }
                for (int i = 0; i < spec.queueCount(); i++)
                {
                    out.append(".queue(").append(spec.queueAt(i)).append(')');
                }
                out.append("); // ").append(a).append('\n');
            }
            return out.toString();
        }
    }

    // ================================================================================================ commands

    /** The command surface shared by the engine and the reference. */
    interface Router
    {
        int defineChannel(String name, int units);

        int defineSkill(String name);

        int defineQueue(String name, QueueSpec spec);

        int defineRequirements(RequirementSpec spec);

        int defineAgent(String name, AgentSpec spec);

        Result login(long now, int agent);

        Result logout(long now, int agent);

        Result setPresence(long now, int agent, Presence presence);

        Result setSkill(long now, int agent, int skill, int level);

        Result setCapacity(long now, int agent, int units);

        Result setChannelLimit(long now, int agent, int channel, int limit);

        Result joinQueue(long now, int agent, int queue);

        Result leaveQueue(long now, int agent, int queue);

        Result enqueue(long now, long itemId, int channel, int queue, int priority, int requirements);

        Result accept(long now, long itemId, long offerId);

        Result reject(long now, long itemId, long offerId);

        Result release(long now, long itemId, long wrapUpMs);

        Result transferToQueue(long now, long itemId, int queue);

        Result transferToAgent(long now, long itemId, int agent);

        Result startConsult(long now, long itemId, int agent);

        Result endConsult(long now, long itemId);

        Result pick(long now, int agent, long itemId);

        Result abandon(long now, long itemId);

        Result cancel(long now, long itemId);

        Result changePriority(long now, long itemId, int priority);

        Result tick(long now);

        static Router of(final RoutingEngine e)
        {
            return new Router()
            {
                public int defineChannel(final String name, final int units)
                {
                    return e.defineChannel(name, units);
                }

                public int defineSkill(final String name)
                {
                    return e.defineSkill(name);
                }

                public int defineQueue(final String name, final QueueSpec spec)
                {
                    return e.defineQueue(name, spec);
                }

                public int defineRequirements(final RequirementSpec spec)
                {
                    return e.defineRequirements(spec);
                }

                public int defineAgent(final String name, final AgentSpec spec)
                {
                    return e.defineAgent(name, spec);
                }

                public Result login(final long now, final int agent)
                {
                    return e.login(now, agent);
                }

                public Result logout(final long now, final int agent)
                {
                    return e.logout(now, agent);
                }

                public Result setPresence(final long now, final int agent, final Presence presence)
                {
                    return e.setPresence(now, agent, presence);
                }

                public Result setSkill(final long now, final int agent, final int skill, final int level)
                {
                    return e.setSkill(now, agent, skill, level);
                }

                public Result setCapacity(final long now, final int agent, final int units)
                {
                    return e.setCapacity(now, agent, units);
                }

                public Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
                {
                    return e.setChannelLimit(now, agent, channel, limit);
                }

                public Result joinQueue(final long now, final int agent, final int queue)
                {
                    return e.joinQueue(now, agent, queue);
                }

                public Result leaveQueue(final long now, final int agent, final int queue)
                {
                    return e.leaveQueue(now, agent, queue);
                }

                public Result enqueue(
                    final long now, final long itemId, final int channel, final int queue, final int priority, final int req)
                {
                    return e.enqueue(now, itemId, channel, queue, priority, req);
                }

                public Result accept(final long now, final long itemId, final long offerId)
                {
                    return e.accept(now, itemId, offerId);
                }

                public Result reject(final long now, final long itemId, final long offerId)
                {
                    return e.reject(now, itemId, offerId);
                }

                public Result release(final long now, final long itemId, final long wrapUpMs)
                {
                    return e.release(now, itemId, wrapUpMs);
                }

                public Result transferToQueue(final long now, final long itemId, final int queue)
                {
                    return e.transferToQueue(now, itemId, queue);
                }

                public Result transferToAgent(final long now, final long itemId, final int agent)
                {
                    return e.transferToAgent(now, itemId, agent);
                }

                public Result startConsult(final long now, final long itemId, final int agent)
                {
                    return e.startConsult(now, itemId, agent);
                }

                public Result endConsult(final long now, final long itemId)
                {
                    return e.endConsult(now, itemId);
                }

                public Result pick(final long now, final int agent, final long itemId)
                {
                    return e.pick(now, agent, itemId);
                }

                public Result abandon(final long now, final long itemId)
                {
                    return e.abandon(now, itemId);
                }

                public Result cancel(final long now, final long itemId)
                {
                    return e.cancel(now, itemId);
                }

                public Result changePriority(final long now, final long itemId, final int priority)
                {
                    return e.changePriority(now, itemId, priority);
                }

                public Result tick(final long now)
                {
                    return e.tick(now);
                }
            };
        }

        static Router of(final ReferenceRouter e)
        {
            return new Router()
            {
                public int defineChannel(final String name, final int units)
                {
                    return e.defineChannel(name, units);
                }

                public int defineSkill(final String name)
                {
                    return e.defineSkill(name);
                }

                public int defineQueue(final String name, final QueueSpec spec)
                {
                    return e.defineQueue(name, spec);
                }

                public int defineRequirements(final RequirementSpec spec)
                {
                    return e.defineRequirements(spec);
                }

                public int defineAgent(final String name, final AgentSpec spec)
                {
                    return e.defineAgent(name, spec);
                }

                public Result login(final long now, final int agent)
                {
                    return e.login(now, agent);
                }

                public Result logout(final long now, final int agent)
                {
                    return e.logout(now, agent);
                }

                public Result setPresence(final long now, final int agent, final Presence presence)
                {
                    return e.setPresence(now, agent, presence);
                }

                public Result setSkill(final long now, final int agent, final int skill, final int level)
                {
                    return e.setSkill(now, agent, skill, level);
                }

                public Result setCapacity(final long now, final int agent, final int units)
                {
                    return e.setCapacity(now, agent, units);
                }

                public Result setChannelLimit(final long now, final int agent, final int channel, final int limit)
                {
                    return e.setChannelLimit(now, agent, channel, limit);
                }

                public Result joinQueue(final long now, final int agent, final int queue)
                {
                    return e.joinQueue(now, agent, queue);
                }

                public Result leaveQueue(final long now, final int agent, final int queue)
                {
                    return e.leaveQueue(now, agent, queue);
                }

                public Result enqueue(
                    final long now, final long itemId, final int channel, final int queue, final int priority, final int req)
                {
                    return e.enqueue(now, itemId, channel, queue, priority, req);
                }

                public Result accept(final long now, final long itemId, final long offerId)
                {
                    return e.accept(now, itemId, offerId);
                }

                public Result reject(final long now, final long itemId, final long offerId)
                {
                    return e.reject(now, itemId, offerId);
                }

                public Result release(final long now, final long itemId, final long wrapUpMs)
                {
                    return e.release(now, itemId, wrapUpMs);
                }

                public Result transferToQueue(final long now, final long itemId, final int queue)
                {
                    return e.transferToQueue(now, itemId, queue);
                }

                public Result transferToAgent(final long now, final long itemId, final int agent)
                {
                    return e.transferToAgent(now, itemId, agent);
                }

                public Result startConsult(final long now, final long itemId, final int agent)
                {
                    return e.startConsult(now, itemId, agent);
                }

                public Result endConsult(final long now, final long itemId)
                {
                    return e.endConsult(now, itemId);
                }

                public Result pick(final long now, final int agent, final long itemId)
                {
                    return e.pick(now, agent, itemId);
                }

                public Result abandon(final long now, final long itemId)
                {
                    return e.abandon(now, itemId);
                }

                public Result cancel(final long now, final long itemId)
                {
                    return e.cancel(now, itemId);
                }

                public Result changePriority(final long now, final long itemId, final int priority)
                {
                    return e.changePriority(now, itemId, priority);
                }

                public Result tick(final long now)
                {
                    return e.tick(now);
                }
            };
        }
    }

    /** One concrete command with all its arguments. */
    static final class Cmd
    {
        final CommandType type;
        final long now;
        /** Agent handle (agent commands, transfers to an agent, consults, pick). */
        final int agent;
        /** Item id (item commands, pick). */
        final long item;
        /** Queue, channel, skill, level, units, limit or priority, by command. */
        final int a;
        final int b;
        final int c;
        /** Offer id or wrap-up. */
        final long l;
        final Presence presence;
        /**
         * Accept/reject only: when true, {@link #l} is replaced just before the command runs by the item's open offer id
         * as the reference knows it, so that a shrunk sequence still answers the live offer.
         */
        boolean openOffer;

        Cmd(final CommandType type, final long now, final int agent, final long item, final int a, final int b, final int c,
            final long l, final Presence presence)
        {
            this.type = type;
            this.now = now;
            this.agent = agent;
            this.item = item;
            this.a = a;
            this.b = b;
            this.c = c;
            this.l = l;
            this.presence = presence;
        }

        /** @return this command with its symbolic arguments made concrete against the reference's state. */
        Cmd resolve(final ReferenceRouter ref)
        {
            if (openOffer && ref.itemState(item) == ItemState.OFFERED && ref.itemOfferId(item) != l)
            {
                return new Cmd(type, now, agent, item, a, b, c, ref.itemOfferId(item), presence);
            }
            return this;
        }

        Result applyTo(final Router r)
        {
            switch (type)
            {
                case TICK:
                    return r.tick(now);
                case LOGIN:
                    return r.login(now, agent);
                case LOGOUT:
                    return r.logout(now, agent);
                case SET_PRESENCE:
                    return r.setPresence(now, agent, presence);
                case SET_SKILL:
                    return r.setSkill(now, agent, a, b);
                case SET_CAPACITY:
                    return r.setCapacity(now, agent, a);
                case SET_CHANNEL_LIMIT:
                    return r.setChannelLimit(now, agent, a, b);
                case JOIN_QUEUE:
                    return r.joinQueue(now, agent, a);
                case LEAVE_QUEUE:
                    return r.leaveQueue(now, agent, a);
                case ENQUEUE:
                    return r.enqueue(now, item, a, b, c, (int)l);
                case ACCEPT:
                    return r.accept(now, item, l);
                case REJECT:
                    return r.reject(now, item, l);
                case RELEASE:
                    return r.release(now, item, l);
                case TRANSFER_TO_QUEUE:
                    return r.transferToQueue(now, item, a);
                case TRANSFER_TO_AGENT:
                    return r.transferToAgent(now, item, agent);
                case START_CONSULT:
                    return r.startConsult(now, item, agent);
                case END_CONSULT:
                    return r.endConsult(now, item);
                case PICK:
                    return r.pick(now, agent, item);
                case ABANDON:
                    return r.abandon(now, item);
                case CANCEL:
                    return r.cancel(now, item);
                case CHANGE_PRIORITY:
                    return r.changePriority(now, item, a);
                default:
                    throw new IllegalStateException("command " + type);
            }
        }

        @Override
        public String toString()
        {
            final String t = now + "L";
            final String i = item + "L";
            switch (type)
            {
                case TICK:
                    return "r.tick(" + t + ")";
                case LOGIN:
                    return "r.login(" + t + ", " + agent + ")";
                case LOGOUT:
                    return "r.logout(" + t + ", " + agent + ")";
                case SET_PRESENCE:
                    return "r.setPresence(" + t + ", " + agent + ", " + (presence == null ? "null" : "Presence." + presence) + ")";
                case SET_SKILL:
                    return "r.setSkill(" + t + ", " + agent + ", " + a + ", " + b + ")";
                case SET_CAPACITY:
                    return "r.setCapacity(" + t + ", " + agent + ", " + a + ")";
                case SET_CHANNEL_LIMIT:
                    return "r.setChannelLimit(" + t + ", " + agent + ", " + a + ", " + b + ")";
                case JOIN_QUEUE:
                    return "r.joinQueue(" + t + ", " + agent + ", " + a + ")";
                case LEAVE_QUEUE:
                    return "r.leaveQueue(" + t + ", " + agent + ", " + a + ")";
                case ENQUEUE:
                    return "r.enqueue(" + t + ", " + i + ", " + a + ", " + b + ", " + c + ", " + l + ")";
                case ACCEPT:
                    return "r.accept(" + t + ", " + i + ", " + l + "L)";
                case REJECT:
                    return "r.reject(" + t + ", " + i + ", " + l + "L)";
                case RELEASE:
                    return "r.release(" + t + ", " + i + ", " + l + "L)";
                case TRANSFER_TO_QUEUE:
                    return "r.transferToQueue(" + t + ", " + i + ", " + a + ")";
                case TRANSFER_TO_AGENT:
                    return "r.transferToAgent(" + t + ", " + i + ", " + agent + ")";
                case START_CONSULT:
                    return "r.startConsult(" + t + ", " + i + ", " + agent + ")";
                case END_CONSULT:
                    return "r.endConsult(" + t + ", " + i + ")";
                case PICK:
                    return "r.pick(" + t + ", " + agent + ", " + i + ")";
                case ABANDON:
                    return "r.abandon(" + t + ", " + i + ")";
                case CANCEL:
                    return "r.cancel(" + t + ", " + i + ")";
                case CHANGE_PRIORITY:
                    return "r.changePriority(" + t + ", " + i + ", " + a + ")";
                default:
                    return type.toString();
            }
        }
    }

    // ================================================================================================ generator

    /**
     * Generates commands guided by the reference's current state, so that most commands are meaningful (accept the
     * open offer, release an assigned item...) while a steady fraction is wrong on purpose (unknown handles and ids,
     * stale offers, values out of range, time regressions).
     */
    static final class Generator
    {
        private static final long[] WEIRD_IDS = {0L, -7L, Long.MAX_VALUE, Long.MIN_VALUE};

        private final Random r;
        private final ReferenceRouter ref;
        private final Tee tee;
        private final Setup setup;
        private final int[] weights = new int[CommandType.values().length];
        private final int totalWeight;
        private final List<Long> usedIds = new ArrayList<>();
        private long nextId = 1;
        private long now;

        Generator(final Random r, final ReferenceRouter ref, final Tee tee, final Setup setup, final Set<CommandType> excluded)
        {
            this.r = r;
            this.ref = ref;
            this.tee = tee;
            this.setup = setup;
            this.now = r.nextInt(4) == 0 ? 0 : 1_000_000L + r.nextInt(1_000_000);
            weight(CommandType.TICK, 10);
            weight(CommandType.LOGIN, 7);
            weight(CommandType.LOGOUT, 3);
            weight(CommandType.SET_PRESENCE, 4);
            weight(CommandType.SET_SKILL, 3);
            weight(CommandType.SET_CAPACITY, 3);
            weight(CommandType.SET_CHANNEL_LIMIT, 3);
            weight(CommandType.JOIN_QUEUE, 2);
            weight(CommandType.LEAVE_QUEUE, 2);
            weight(CommandType.ENQUEUE, 15);
            weight(CommandType.ACCEPT, 10);
            weight(CommandType.REJECT, 4);
            weight(CommandType.RELEASE, 9);
            weight(CommandType.TRANSFER_TO_QUEUE, 3);
            weight(CommandType.TRANSFER_TO_AGENT, 3);
            weight(CommandType.START_CONSULT, 3);
            weight(CommandType.END_CONSULT, 2);
            weight(CommandType.PICK, 4);
            weight(CommandType.ABANDON, 3);
            weight(CommandType.CANCEL, 2);
            weight(CommandType.CHANGE_PRIORITY, 3);
            int total = 0;
            for (final CommandType type : excluded)
            {
                weights[type.ordinal()] = 0;
            }
            for (final int w : weights)
            {
                total += w;
            }
            this.totalWeight = total;
        }

        private void weight(final CommandType type, final int w)
        {
            weights[type.ordinal()] = w;
        }

        Cmd next()
        {
            int roll = r.nextInt(totalWeight);
            CommandType type = CommandType.TICK;
            for (final CommandType candidate : CommandType.values())
            {
                roll -= weights[candidate.ordinal()];
                if (roll < 0)
                {
                    type = candidate;
                    break;
                }
            }
            final long t = nextTime();
            switch (type)
            {
                case TICK:
                    return cmd(type, t, -1, 0, 0, 0, 0, 0, null);
                case LOGIN:
                    return cmd(type, t, agentPreferring(false, 4), 0, 0, 0, 0, 0, null);
                case LOGOUT:
                    return cmd(type, t, agentPreferring(true, 4), 0, 0, 0, 0, 0, null);
                case SET_PRESENCE:
                {
                    final Presence p;
                    final int x = r.nextInt(40);
                    if (x == 0)
                    {
                        p = null;
                    }
                    else if (x < 4)
                    {
                        p = Presence.OFFLINE;
                    }
                    else if (x < 20)
                    {
                        p = Presence.AVAILABLE;
                    }
                    else
                    {
                        p = pickOf(r, Presence.BUSY, Presence.DO_NOT_DISTURB, Presence.AWAY);
                    }
                    return cmd(type, t, agentPreferring(true, 5), 0, 0, 0, 0, 0, p);
                }
                case SET_SKILL:
                {
                    final int level = r.nextInt(20) == 0 ? pick(r, -1, 11, Integer.MIN_VALUE) : r.nextInt(11);
                    return cmd(type, t, anyAgent(), 0, skill(), level, 0, 0, null);
                }
                case SET_CAPACITY:
                {
                    final int agent = anyAgent();
                    final int used = agent >= 0 && agent < ref.agentCount() ? ref.agentUsedUnits(agent) : 0;
                    final int x = r.nextInt(20);
                    final int units;
                    if (x < 3)
                    {
                        units = used;
                    }
                    else if (x < 6)
                    {
                        units = used - 1;
                    }
                    else if (x < 7)
                    {
                        units = pick(r, 0, -5, 1_000_001, 1_000_000);
                    }
                    else
                    {
                        units = Math.max(1, used) + r.nextInt(150);
                    }
                    return cmd(type, t, agent, 0, units, 0, 0, 0, null);
                }
                case SET_CHANNEL_LIMIT:
                {
                    final int agent = anyAgent();
                    final int channel = channel();
                    final int held = agent >= 0 && agent < ref.agentCount() && channel >= 0
                        && channel < setup.channelCosts.length ? ref.channelCount(agent, channel) : 0;
                    final int x = r.nextInt(20);
                    final int limit;
                    if (x < 6)
                    {
                        limit = -1;
                    }
                    else if (x < 9)
                    {
                        limit = held - 1;
                    }
                    else if (x < 12)
                    {
                        limit = held;
                    }
                    else if (x < 13)
                    {
                        limit = pick(r, -2, Integer.MIN_VALUE);
                    }
                    else
                    {
                        limit = r.nextInt(5);
                    }
                    return cmd(type, t, agent, 0, channel, limit, 0, 0, null);
                }
                case JOIN_QUEUE:
                case LEAVE_QUEUE:
                {
                    final int agent = anyAgent();
                    int queue = queue();
                    if (agent >= 0 && agent < ref.agentCount() && r.nextInt(4) != 0)
                    {
                        // Prefer a queue whose membership actually changes.
                        for (int tries = 0; tries < 4; tries++)
                        {
                            final int q = r.nextInt(setup.queues.size());
                            if (ref.agentIsMember(agent, q) == (type == CommandType.LEAVE_QUEUE))
                            {
                                queue = q;
                                break;
                            }
                        }
                    }
                    return cmd(type, t, agent, 0, queue, 0, 0, 0, null);
                }
                case ENQUEUE:
                {
                    final long id = newItemId();
                    final int x = r.nextInt(20);
                    final int priority = x < 11 ? 0 : x < 18 ? r.nextInt(10) : x < 19 ? 1_000_000 : pick(r, -1, 1_000_001);
                    final int y = r.nextInt(40);
                    final int requirements = y < 13 ? -1
                        : y < 37 ? r.nextInt(setup.requirements.size())
                        : pick(r, setup.requirements.size(), -2, Integer.MAX_VALUE);
                    usedIds.add(id);
                    return cmd(type, t, -1, id, channel(), queue(), priority, requirements, null);
                }
                case ACCEPT:
                case REJECT:
                {
                    final long id = itemIn(ItemState.OFFERED, 5);
                    final long offerId;
                    final int x = r.nextInt(20);
                    if (x < 16 && ref.itemState(id) == ItemState.OFFERED)
                    {
                        offerId = ref.itemOfferId(id);
                    }
                    else if (x < 18 && !tee.offerHistory.isEmpty())
                    {
                        offerId = tee.offerHistory.get(r.nextInt(tee.offerHistory.size()))[1];
                    }
                    else
                    {
                        offerId = pickLong(r, 0L, -1L, ref.itemOfferId(id) + 1, ref.itemOfferId(id) - 1);
                    }
                    final Cmd answer = cmd(type, t, -1, id, 0, 0, 0, offerId, null);
                    answer.openOffer = x < 16 && ref.itemState(id) == ItemState.OFFERED;
                    return answer;
                }
                case RELEASE:
                {
                    final long id = itemIn(ItemState.ASSIGNED, 4);
                    final int x = r.nextInt(20);
                    final long wrapUp = x < 10 ? 0 : x < 18 ? 1 + r.nextInt(12_000) : pickLong(r, -1L, Long.MIN_VALUE, 1L);
                    return cmd(type, t, -1, id, 0, 0, 0, wrapUp, null);
                }
                case TRANSFER_TO_QUEUE:
                    return cmd(type, t, -1, anyItem(), queue(), 0, 0, 0, null);
                case TRANSFER_TO_AGENT:
                {
                    final int agent = agentPreferring(true, 5);
                    final long id = anyItem();
                    if (AVOID.contains("transferToConsultant") && agent >= 0 && ref.itemConsultAgent(id) == agent)
                    {
                        return cmd(CommandType.TICK, t, -1, 0, 0, 0, 0, 0, null);
                    }
                    return cmd(type, t, agent, id, 0, 0, 0, 0, null);
                }
                case START_CONSULT:
                    return cmd(type, t, agentPreferring(true, 6), itemIn(ItemState.ASSIGNED, 4), 0, 0, 0, 0, null);
                case END_CONSULT:
                {
                    final List<Long> consulted = new ArrayList<>();
                    for (final long id : ref.liveItemIds())
                    {
                        if (ref.itemConsultAgent(id) >= 0)
                        {
                            consulted.add(id);
                        }
                    }
                    final long id = !consulted.isEmpty() && r.nextInt(10) < 8
                        ? consulted.get(r.nextInt(consulted.size())) : anyItem();
                    return cmd(type, t, -1, id, 0, 0, 0, 0, null);
                }
                case PICK:
                {
                    final List<Long> pickable = new ArrayList<>();
                    for (final long id : ref.liveItemIds())
                    {
                        if (ref.itemState(id) == ItemState.WAITING && ref.queuePickMode(ref.itemQueue(id)))
                        {
                            pickable.add(id);
                        }
                    }
                    final long id = !pickable.isEmpty() && r.nextInt(10) < 8
                        ? pickable.get(r.nextInt(pickable.size())) : anyItem();
                    int agent = agentPreferring(true, 6);
                    if (ref.itemState(id) != ItemState.NONE && r.nextInt(3) != 0)
                    {
                        final int queue = ref.itemQueue(id);
                        final List<Integer> members = new ArrayList<>();
                        for (int a = 0; a < ref.agentCount(); a++)
                        {
                            if (ref.agentIsMember(a, queue) && ref.agentLoggedIn(a))
                            {
                                members.add(a);
                            }
                        }
                        if (!members.isEmpty())
                        {
                            agent = members.get(r.nextInt(members.size()));
                        }
                    }
                    if (AVOID.contains("pickTargeted") && ref.itemState(id) != ItemState.NONE && ref.itemTarget(id) >= 0)
                    {
                        return cmd(CommandType.TICK, t, -1, 0, 0, 0, 0, 0, null);
                    }
                    return cmd(type, t, agent, id, 0, 0, 0, 0, null);
                }
                case ABANDON:
                case CANCEL:
                {
                    final long id = r.nextInt(3) == 0 ? itemIn(ItemState.WAITING, 5) : anyItem();
                    return cmd(type, t, -1, id, 0, 0, 0, 0, null);
                }
                case CHANGE_PRIORITY:
                {
                    final int priority = r.nextInt(20) == 0 ? pick(r, -1, 1_000_001) : r.nextInt(12);
                    return cmd(type, t, -1, anyItem(), priority, 0, 0, 0, null);
                }
                default:
                    throw new IllegalStateException("type " + type);
            }
        }

        private static Cmd cmd(
            final CommandType type, final long now, final int agent, final long item, final int a, final int b, final int c,
            final long l, final Presence presence)
        {
            return new Cmd(type, now, agent, item, a, b, c, l, presence);
        }

        /** Mostly moves time forward by random steps, sometimes onto the next deadline, rarely backwards. */
        private long nextTime()
        {
            final int x = r.nextInt(100);
            if (x < 3 && now > 0 && REGRESSIONS)
            {
                return Math.max(0, now - 1 - r.nextInt(3_000));
            }
            if (x < 40)
            {
                return now;
            }
            if (x < 70)
            {
                now += 1 + r.nextInt(1_500);
            }
            else if (x < 84)
            {
                now += 1_500 + r.nextInt(25_000);
            }
            else if (x < 86)
            {
                now += 60_000 + r.nextInt(200_000);
            }
            else
            {
                final long deadline = ref.nextDeadline();
                if (deadline != Long.MAX_VALUE && deadline > now)
                {
                    now = r.nextInt(5) == 0 ? Math.max(now, deadline - 1) : deadline;
                }
            }
            return now;
        }

        private int anyAgent()
        {
            final int n = ref.agentCount();
            return r.nextInt(25) == 0 ? pick(r, -1, n, n + 7, Integer.MAX_VALUE) : r.nextInt(n);
        }

        /** An agent, logged in (or out) with probability (odds-1)/odds when one exists. */
        private int agentPreferring(final boolean loggedIn, final int odds)
        {
            if (r.nextInt(odds) != 0)
            {
                final List<Integer> matching = new ArrayList<>();
                for (int a = 0; a < ref.agentCount(); a++)
                {
                    if (ref.agentLoggedIn(a) == loggedIn)
                    {
                        matching.add(a);
                    }
                }
                if (!matching.isEmpty())
                {
                    return matching.get(r.nextInt(matching.size()));
                }
            }
            return anyAgent();
        }

        private int queue()
        {
            final int n = setup.queues.size();
            return r.nextInt(25) == 0 ? pick(r, -1, n, 255, 256, Integer.MIN_VALUE) : r.nextInt(n);
        }

        private int channel()
        {
            final int n = setup.channelCosts.length;
            return r.nextInt(25) == 0 ? pick(r, -1, n, 15, 16, Integer.MAX_VALUE) : r.nextInt(n);
        }

        private int skill()
        {
            final int n = setup.skills;
            return r.nextInt(25) == 0 ? pick(r, -1, n, 255, 256, 1_000) : r.nextInt(n);
        }

        private long newItemId()
        {
            final int x = r.nextInt(100);
            final List<Long> live = ref.liveItemIds();
            if (x < 6 && !live.isEmpty())
            {
                return live.get(r.nextInt(live.size()));
            }
            if (x < 14 && !usedIds.isEmpty())
            {
                return usedIds.get(r.nextInt(usedIds.size()));
            }
            if (x < 15)
            {
                return WEIRD_IDS[r.nextInt(WEIRD_IDS.length)];
            }
            return nextId++;
        }

        private long unknownItem()
        {
            final int x = r.nextInt(4);
            if (x == 0 && !usedIds.isEmpty())
            {
                return usedIds.get(r.nextInt(usedIds.size()));
            }
            if (x == 1)
            {
                return WEIRD_IDS[r.nextInt(WEIRD_IDS.length)];
            }
            return UNKNOWN_ID_BASE + r.nextInt(1_000);
        }

        private long anyItem()
        {
            final List<Long> live = ref.liveItemIds();
            if (live.isEmpty() || r.nextInt(10) == 0)
            {
                return unknownItem();
            }
            return live.get(r.nextInt(live.size()));
        }

        /** A live item in the state with probability (odds-1)/odds when one exists, else any item. */
        private long itemIn(final ItemState state, final int odds)
        {
            if (r.nextInt(odds) != 0)
            {
                final List<Long> matching = new ArrayList<>();
                for (final long id : ref.liveItemIds())
                {
                    if (ref.itemState(id) == state)
                    {
                        matching.add(id);
                    }
                }
                if (!matching.isEmpty())
                {
                    return matching.get(r.nextInt(matching.size()));
                }
            }
            return anyItem();
        }
    }

    // ================================================================================================ helpers

    @SafeVarargs
    static <T> T pickOf(final Random r, final T... values)
    {
        return values[r.nextInt(values.length)];
    }

    static int pick(final Random r, final int... values)
    {
        return values[r.nextInt(values.length)];
    }

    static long pickLong(final Random r, final long... values)
    {
        return values[r.nextInt(values.length)];
    }

    static void shuffle(final Random r, final int[] values)
    {
        for (int i = values.length - 1; i > 0; i--)
        {
            final int j = r.nextInt(i + 1);
            final int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    static Set<CommandType> parseExcluded(final String list)
    {
        final Set<CommandType> excluded = EnumSet.noneOf(CommandType.class);
        for (final String name : list.split(","))
        {
            if (!name.isBlank())
            {
                excluded.add(CommandType.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return excluded;
    }
}
