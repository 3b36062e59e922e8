package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.switchboard.reference.ModelOptions.COMMANDS;
import static io.switchboard.reference.ModelOptions.EXCLUDED;
import static io.switchboard.reference.ModelOptions.SEED;
import static io.switchboard.reference.ModelOptions.SEQUENCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded randomized model test: the engine and {@link ReferenceRouter} (a naive, scan-everything implementation of
 * ROUTING.md and of the setup commands) are set up identically and fed the same random command sequence — routing,
 * setup and service-policy commands, bad ones included ({@link CommandGenerator}). After every command both must
 * return the same {@link Result}, have emitted byte-identical event streams, and agree on every piece of state
 * visible through the engine's inspection API; a set of invariants is checked on top ({@link ModelRun}).
 *
 * <p>System properties (for reproduction and narrowing; the defaults cover everything):
 * <ul>
 *   <li>{@code switchboard.model.seed}: base seed (default {@link ModelOptions#BASE_SEED}).</li>
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
    /** Results a bare routing engine never gives: the policy layer's and a runtime client's. */
    private static final Set<Result> NOT_FROM_A_BARE_ENGINE =
        EnumSet.of(Result.INVALID_POLICIES, Result.BACK_PRESSURED, Result.CLOSED);
    /** Results the generator does not aim for: the item and exclusion tables are far too big to fill. */
    private static final Set<Result> TOO_RARE = EnumSet.of(Result.ITEM_TABLE_FULL, Result.EXCLUSION_TABLE_FULL);

    @Test
    @DisplayName("the engine returns the same results, emits the same event bytes and exposes the same state as the "
        + "reference router on thousands of random command sequences")
    void engineAgreesWithTheReferenceRouterOnRandomCommandSequences()
    {
        long commands = 0;
        final int[] resultCounts = new int[Result.values().length];
        final int[] typeCounts = new int[CommandType.values().length];
        final int[] typeAccepted = new int[CommandType.values().length];
        final int[] typeRouted = new int[CommandType.values().length];
        for (int s = 0; s < SEQUENCES; s++)
        {
            final long seed = SEED + s;
            final Random random = new Random(seed);
            final ModelSetup setup = ModelSetup.random(random);
            final ModelRun run = new ModelRun(seed, setup);
            final CommandGenerator generator = new CommandGenerator(random, run.ref, run.tee, EXCLUDED);
            final List<ModelCommand> applied = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++)
            {
                final ModelCommand cmd = generator.next();
                applied.add(cmd);
                final String failure = run.apply(cmd);
                if (failure != null)
                {
                    fail(failureReport(seed, setup, applied, i, failure, run));
                }
                resultCounts[run.lastResult.ordinal()]++;
                typeCounts[cmd.type.ordinal()]++;
                typeAccepted[cmd.type.ordinal()] += run.lastResult == Result.OK ? 1 : 0;
                typeRouted[cmd.type.ordinal()] += run.tee.routedAfterSetupChange > 0 ? 1 : 0;
                commands++;
            }
        }
        assertThat(commands).isEqualTo((long)SEQUENCES * COMMANDS);
        // The generator must actually exercise every command type and every outcome a bare engine can give.
        for (final CommandType type : CommandType.values())
        {
            if (!EXCLUDED.contains(type))
            {
                assertThat(typeCounts[type.ordinal()]).as("commands of type %s", type).isPositive();
            }
        }
        if (ModelOptions.VERBOSE)
        {
            final StringBuilder summary = new StringBuilder("model test: " + commands + " commands;");
            for (final Result result : Result.values())
            {
                summary.append(' ').append(result).append('=').append(resultCounts[result.ordinal()]);
            }
            summary.append("\nrouted work after the change/accepted/generated:");
            for (final CommandType type : CommandType.values())
            {
                summary.append(' ').append(type).append('=').append(typeRouted[type.ordinal()]).append('/')
                    .append(typeAccepted[type.ordinal()]).append('/').append(typeCounts[type.ordinal()]);
            }
            System.out.println(summary);
        }
        if (ModelOptions.complete() && SEQUENCES >= 500)
        {
            for (final Result result : Result.values())
            {
                if (!NOT_FROM_A_BARE_ENGINE.contains(result) && !TOO_RARE.contains(result))
                {
                    assertThat(resultCounts[result.ordinal()]).as("commands answered %s", result).isPositive();
                }
            }
        }
        // Changes in the middle of a run must actually move work: each kind frees some for an offer at once.
        for (final CommandType change : EnumSet.of(CommandType.CHANGE_CHANNEL, CommandType.CHANGE_QUEUE,
            CommandType.CHANGE_AGENT))
        {
            if (!EXCLUDED.contains(change))
            {
                assertThat(typeRouted[change.ordinal()]).as("%s commands that routed work", change).isPositive();
            }
        }
        for (final Result result : NOT_FROM_A_BARE_ENGINE)
        {
            assertThat(resultCounts[result.ordinal()]).as("commands answered %s", result).isZero();
        }
    }

    @Test
    @DisplayName("the same generated command sequence run twice on two fresh engines gives byte-identical event "
        + "streams and states")
    void theSameSequenceOnTwoFreshEnginesGivesByteIdenticalEventStreams()
    {
        for (int s = 0; s < 100; s++)
        {
            final long seed = SEED ^ 0x00DE_7E11_0000L ^ s;
            final Random random = new Random(seed);
            final ModelSetup setup = ModelSetup.random(random);

            // Generate the sequence against the reference alone, then replay it on two fresh engines.
            final List<ModelCommand> sequence = generateSequence(seed, random, setup, COMMANDS);

            final RecordingEvents first = new RecordingEvents();
            final RecordingEvents second = new RecordingEvents();
            final RoutingEngine one = new RoutingEngine(setup.config(seed), first);
            final RoutingEngine two = new RoutingEngine(setup.config(seed), second);
            setup.applyTo(ModelSetup.Target.of(one));
            setup.applyTo(ModelSetup.Target.of(two));
            for (final ModelCommand cmd : sequence)
            {
                assertThat(cmd.applyTo(two)).as("seed %d: %s", seed, cmd).isEqualTo(cmd.applyTo(one));
            }
            assertThat(first.count()).as("seed %d: events", seed).isPositive();
            assertThat(second.toBytes()).as("seed %d: event bytes of the second run", seed).isEqualTo(first.toBytes());
            assertThat(two.stateHash()).as("seed %d: state hash of the second run", seed).isEqualTo(one.stateHash());
        }
    }

    /** Generates a command sequence by running the generator against the reference router alone. */
    static List<ModelCommand> generateSequence(final long seed, final Random random, final ModelSetup setup,
        final int commands)
    {
        final ModelEvents tee = new ModelEvents(new RecordingEvents());
        final ReferenceRouter ref = new ReferenceRouter(setup.config(seed), tee);
        tee.ref = ref;
        setup.applyTo(ModelSetup.Target.of(ref));
        final CommandGenerator generator = new CommandGenerator(random, ref, tee, EnumSet.noneOf(CommandType.class));
        final List<ModelCommand> sequence = new ArrayList<>();
        for (int i = 0; i < commands; i++)
        {
            final ModelCommand cmd = generator.next();
            sequence.add(cmd);
            cmd.applyTo(ref);
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

    // ================================================================================================ reporting

    private static String failureReport(final long seed, final ModelSetup setup, final List<ModelCommand> applied,
        final int index, final String failure, final ModelRun run)
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
        if (ModelOptions.SHRINK)
        {
            final Shrinker.Shrunk shrunk = Shrinker.shrink(seed, setup, applied);
            out.append("\n---- shrunk reproduction (").append(shrunk.commands.size()).append(" commands, ")
                .append(shrunk.setup.agents.size()).append(" agents) ----\n");
            out.append(shrunk.setup.describe(seed));
            for (final ModelCommand cmd : shrunk.run.concrete)
            {
                out.append(cmd).append(";\n");
            }
            out.append("failure: ").append(shrunk.failure).append('\n');
            appendEvents(out, shrunk.run);
        }
        return out.toString();
    }

    private static void appendEvents(final StringBuilder out, final ModelRun run)
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
}
