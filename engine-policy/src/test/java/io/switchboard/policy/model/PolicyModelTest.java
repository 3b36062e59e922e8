package io.switchboard.policy.model;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.SlaKpi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded randomized model test of the service-policy layer: a real {@code PolicyEngine} and {@link ReferencePolicies}
 * (a naive reading of POLICIES.md §3 that takes the routing engine's behaviour as facts from the event stream) are
 * fed the same random command sequence ({@link PolicyCommandGenerator}): setup and policy installations as commands,
 * re-installations while items are tracked, classification, enqueues, SLA pauses, sentiment, offers answered and
 * rejected, releases, transfers, abandons, logins, ticks, time jumps and bad arguments. After every command the
 * reference judges the engine's result and events ({@link PolicyModelRun}), the per-item policy state is compared and
 * invariants are checked.
 *
 * <p>System properties (for reproduction; the defaults cover everything):
 * <ul>
 *   <li>{@code switchboard.policyModel.seed}: base seed; sequence {@code s} uses {@code seed + s}.</li>
 *   <li>{@code switchboard.policyModel.sequences} / {@code switchboard.policyModel.commands}: sizes (300 × 300).</li>
 *   <li>{@code switchboard.policyModel.verbose}: print how often each command, result and policy event occurred.</li>
 *   <li>{@code switchboard.policyModel.tail}: how many commands before a failure its report shows (14).</li>
 * </ul>
 * Reproduce one failing sequence with
 * {@code -Dswitchboard.policyModel.seed=<seed> -Dswitchboard.policyModel.sequences=1}.
 */
class PolicyModelTest
{
    static final long BASE_SEED = 0x5B0A_2D00_70_11C7L;
    static final long SEED = Long.getLong("switchboard.policyModel.seed", BASE_SEED);
    static final int SEQUENCES = Integer.getInteger("switchboard.policyModel.sequences", 300);
    static final int COMMANDS = Integer.getInteger("switchboard.policyModel.commands", 300);
    static final boolean VERBOSE = Boolean.getBoolean("switchboard.policyModel.verbose");
    static final int TAIL = Integer.getInteger("switchboard.policyModel.tail", 14);

    /** The policy commands and the routing commands the policies act on: each must be generated and accepted. */
    private static final Set<CommandType> POLICY_COMMANDS = EnumSet.of(CommandType.ENQUEUE,
        CommandType.CLASSIFY_AND_ENQUEUE, CommandType.TRANSFER_TO_QUEUE, CommandType.CHANGE_PRIORITY,
        CommandType.PAUSE_SLA, CommandType.RESUME_SLA, CommandType.REPORT_SENTIMENT, CommandType.INSTALL_POLICIES);
    /** Every command the generator draws. */
    private static final Set<CommandType> GENERATED = EnumSet.of(CommandType.TICK, CommandType.LOGIN,
        CommandType.LOGOUT, CommandType.SET_PRESENCE, CommandType.JOIN_QUEUE, CommandType.LEAVE_QUEUE,
        CommandType.ENQUEUE, CommandType.ACCEPT, CommandType.REJECT, CommandType.RELEASE,
        CommandType.TRANSFER_TO_QUEUE, CommandType.TRANSFER_TO_AGENT, CommandType.PICK, CommandType.ABANDON,
        CommandType.CANCEL, CommandType.CHANGE_PRIORITY, CommandType.DEFINE_CHANNEL, CommandType.DEFINE_SKILL,
        CommandType.DEFINE_QUEUE, CommandType.CHANGE_QUEUE, CommandType.DEFINE_AGENT, CommandType.CHANGE_AGENT,
        CommandType.DEFINE_REQUIREMENTS, CommandType.INSTALL_POLICIES, CommandType.CLASSIFY_AND_ENQUEUE,
        CommandType.PAUSE_SLA, CommandType.RESUME_SLA, CommandType.REPORT_SENTIMENT);

    @Test
    @DisplayName("the policy engine emits the policy events, returns the results and keeps the per-item policy state "
        + "that a naive reference of POLICIES.md predicts, on hundreds of random command sequences")
    void policyEngineAgreesWithTheReferenceOnRandomCommandSequences()
    {
        final int[] drawn = new int[CommandType.values().length];
        final int[] accepted = new int[CommandType.values().length];
        final TreeMap<String, Integer> eventCounts = new TreeMap<>();
        final TreeMap<String, Integer> resultCounts = new TreeMap<>();
        final TreeMap<String, Integer> coverage = new TreeMap<>();
        long commands = 0;
        final long started = System.nanoTime();
        for (int s = 0; s < SEQUENCES; s++)
        {
            final long seed = SEED + s;
            final Random random = new Random(seed);
            final PolicyModelRun run = new PolicyModelRun(seed);
            final PolicyCommandGenerator generator = new PolicyCommandGenerator(random, run.ref, run.engine,
                PolicyModelRun.MAX_AGENTS);
            final List<PolicyCommand> setup = generator.setup();
            for (int i = 0; i < setup.size() + COMMANDS; i++)
            {
                final PolicyCommand cmd = i < setup.size() ? setup.get(i) : generator.next();
                final String failure = run.apply(cmd);
                if (failure != null)
                {
                    fail(failureReport(run, i, failure));
                }
                final Result result = run.results.get(i);
                accepted[cmd.type.ordinal()] += result == Result.OK ? 1 : 0;
                resultCounts.merge(result.name(), 1, Integer::sum);
                commands++;
            }
            for (final Ev event : run.log.events)
            {
                if (event.isPolicy())
                {
                    eventCounts.merge(eventName(event), 1, Integer::sum);
                }
            }
            run.ref.coverage.forEach((path, count) -> coverage.merge(path, count, Integer::sum));
            for (int t = 0; t < drawn.length; t++)
            {
                drawn[t] += generator.drawn[t];
            }
        }
        final long millis = (System.nanoTime() - started) / 1_000_000;
        if (VERBOSE)
        {
            final StringBuilder out = new StringBuilder("policy model test: " + SEQUENCES + " sequences, " + commands
                + " commands in " + millis + " ms\ncommands accepted/drawn:");
            for (final CommandType type : GENERATED)
            {
                out.append(' ').append(type).append('=').append(accepted[type.ordinal()]).append('/')
                    .append(drawn[type.ordinal()]);
            }
            out.append("\nresults: ").append(resultCounts).append("\npolicy events: ").append(eventCounts);
            coverage.forEach((path, count) -> out.append("\n  ").append(path).append(": ").append(count));
            System.out.println(out);
        }
        if (SEQUENCES * COMMANDS < 20_000)
        {
            return; // a reproduction run: the coverage below needs the full size
        }
        for (final CommandType type : GENERATED)
        {
            assertThat(drawn[type.ordinal()]).as("generated %s commands", type).isPositive();
        }
        for (final CommandType type : POLICY_COMMANDS)
        {
            assertThat(accepted[type.ordinal()]).as("accepted %s commands", type).isPositive();
        }
        for (final Result result : EnumSet.of(Result.UNKNOWN_ITEM, Result.INVALID_VALUE, Result.TIME_REGRESSED,
            Result.UNKNOWN_QUEUE, Result.INVALID_POLICIES, Result.DUPLICATE_ITEM, Result.UNKNOWN_CHANNEL))
        {
            assertThat(resultCounts.getOrDefault(result.name(), 0)).as("commands answered %s", result).isPositive();
        }
        for (final String kind : List.of("routed", "endedByRule", "overflowStopped", "slaWarning FIRST_RESPONSE",
            "slaWarning RESOLUTION", "slaBreached FIRST_RESPONSE", "slaBreached RESOLUTION", "sentimentAlert",
            "overflowed TRANSFER", "overflowed RAISE_PRIORITY", "overflowed END", "overflowed CALLBACK",
            "overflowed VOICEMAIL"))
        {
            assertThat(eventCounts.getOrDefault(kind, 0)).as("policy events %s", kind).isPositive();
        }
        for (final String path : List.of("due rule applied after a failed offer",
            "due rules applied after a failed offer (several)", "due rules kept: offered again at once",
            "timer re-planned into the past", "engine ticked at a policy deadline",
            "engine timers due at the command's time", "install: SLA kept by name", "install: SLA no longer defined",
            "install: KPI no longer measured", "install: in-queue rules re-planned",
            "install: rules left behind stay behind", "curve: several points at once",
            "curve: point reached under an earlier definition clamped",
            "SLA milestone on a business calendar across closed time", "SLA paused", "SLA resumed",
            "SLA warning and failure at once", "sentiment raise", "hop limit before queueing", "hop limit in queue",
            "in-queue transfer ended before queueing", "new item not tracked (passive policies)",
            "before-queueing WAITING_AT_LEAST held", "before-queueing NO_AGENT_LOGGED_IN held",
            "before-queueing ESTIMATED_WAIT_AT_LEAST held", "before-queueing OUTSIDE_OPERATING_HOURS held"))
        {
            assertThat(coverage.getOrDefault(path, 0)).as("the reference went through '%s'", path).isPositive();
        }
    }

    private static String eventName(final Ev event)
    {
        switch (event.kind())
        {
            case OVERFLOWED:
                return "overflowed " + event.detail();
            case SLA_WARNING:
                return "slaWarning " + event.detail();
            case SLA_BREACHED:
                return "slaBreached " + event.detail();
            case ROUTED:
                return "routed";
            case ENDED_BY_RULE:
                return "endedByRule";
            case OVERFLOW_STOPPED:
                return "overflowStopped";
            default:
                return "sentimentAlert";
        }
    }

    private static String failureReport(final PolicyModelRun run, final int index, final String failure)
    {
        final StringBuilder out = new StringBuilder();
        out.append("\nseed ").append(run.seed).append(", command #").append(index).append(": ")
            .append(run.commands.get(index)).append("\n").append(failure).append("\n")
            .append("reproduce: -Dswitchboard.policyModel.seed=").append(run.seed)
            .append(" -Dswitchboard.policyModel.sequences=1\n");
        out.append("installed: ").append(run.ref.policies).append('\n');
        out.append("last commands and the engine's events:\n");
        for (int i = Math.max(0, index - TAIL); i <= index; i++)
        {
            out.append("  #").append(i).append(' ').append(run.commands.get(i)).append("  => ")
                .append(run.results.get(i)).append('\n');
            final int from = run.firstEvent.get(i);
            final int to = i + 1 < run.firstEvent.size() ? run.firstEvent.get(i + 1) : run.log.events.size();
            for (int e = from; e < to; e++)
            {
                final Ev event = run.log.events.get(e);
                if (event.kind() != Ev.Kind.PRESENCE && event.kind() != Ev.Kind.SETUP)
                {
                    out.append("      ").append(event).append('\n');
                }
            }
        }
        out.append("reference: tracked ").append(run.ref.tracked.keySet()).append(", live ")
            .append(run.ref.facts.keySet()).append("\nafter the command: waiting");
        for (int q = 0; q < run.engine.queueCount(); q++)
        {
            out.append(" q").append(q).append('=').append(run.engine.waitingCount(q));
        }
        out.append(", logged-in members");
        for (int q = 0; q < run.engine.queueCount(); q++)
        {
            out.append(" q").append(q).append('=').append(run.engine.loggedInMembers(q));
        }
        out.append('\n');
        return out.toString();
    }

    @Test
    @DisplayName("the reference's business-time arithmetic agrees with itself: adding the time between two instants "
        + "lands on or before the later one, after the last open minute")
    void theNaiveCalendarIsConsistent()
    {
        final Random random = new Random(SEED);
        for (final NaiveCalendar calendar : List.of(NaiveCalendar.OFFICE, NaiveCalendar.OPENING))
        {
            for (int i = 0; i < 2_000; i++)
            {
                final long from = random.nextInt(20 * 24 * 60) * NaiveCalendar.MINUTE + random.nextInt(60_000);
                final long to = from + random.nextInt(5 * 24 * 60) * NaiveCalendar.MINUTE;
                final long business = calendar.businessBetween(from, to);
                final long end = calendar.addBusiness(from, business);
                assertThat(end).isLessThanOrEqualTo(to);
                assertThat(calendar.businessBetween(from, end)).isEqualTo(business);
                assertThat(calendar.businessBetween(end, to)).isZero();
                final long origin = PolicyDraft.ORIGIN;
                assertThat(calendar.engineCalendar().businessMillisBetween(origin + from, origin + to))
                    .as("%s %d..%d", calendar, from, to).isEqualTo(business);
                assertThat(calendar.engineCalendar().isOpen(origin + from)).isEqualTo(calendar.isOpen(from));
            }
        }
        assertThat(OverflowAction.values()).hasSize(5);
        assertThat(SlaKpi.values()).hasSize(2);
    }
}
