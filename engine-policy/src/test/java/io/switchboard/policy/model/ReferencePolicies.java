package io.switchboard.policy.model;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.model.PolicyDraft.Overflow;
import io.switchboard.policy.model.PolicyDraft.QueueDraft;
import io.switchboard.policy.model.PolicyDraft.Sla;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The judge: a naive model of the policy layer (POLICIES.md §3), written from the document. It reads the routing
 * engine's behaviour as facts from the policy engine's own event stream — offers, assignments, requeues, transfers,
 * releases, ends and the setup changes the engine accepted — and predicts every policy event, in order and in its
 * place among those facts, and the results of the commands the policies decide.
 *
 * <p>How a command is judged ({@link #judge}): its events are read with a cursor. The policy timers due by the
 * command's {@code now} fire first, each at its own deadline: the routing events stamped with that deadline that
 * come before any policy event are the engine's timers, which fire first (§3.9); then the reference fires its own
 * timers in {@code (deadline, item arrival, kind)} order, predicting their policy events and reading the routing
 * events their actions cause. Then the engine's timers due by {@code now}, then the command itself, then the
 * follow-ups (in-queue rules that came due while the item was offered). Every event must be accounted for.
 *
 * <p>State is kept the plain way: maps of items with flags and numbers; the next timer is found by scanning every
 * tracked item; business time is added up day by day ({@link NaiveCalendar}).
 *
 * <p>Where POLICIES.md is silent, the reference follows the engine: in-queue rules restart from the first one at a
 * re-installation (a raise already applied in the visit applies again); an SLA re-installed under the same name
 * does not start a KPI the item's clock did not measure before; a KPI the SLA no longer measures keeps the curve
 * point it reached; a met KPI that was paused still reads as paused ({@code isSlaPaused}); a transfer rule skipped at
 * the hop limit ends the item's before-queueing rules there; the sentiment alert is armed per item, across queues;
 * only tracked items feed the average handle time; {@code onEndedByRule} needs no valid channel or new id; ties of
 * one item's timers go overflow, first response, resolution.
 *
 * <p>Not modelled: requirement profiles with several steps (step timers), consults, channel changes, split rules,
 * calendars other than UTC weekly hours with holidays (no zones, no daylight saving, no special days, no overnight
 * ranges), unknown requirement profiles on enqueue, snapshots and journals, and the routing itself (which agent
 * gets an offer, and when, is read from the events).
 */
final class ReferencePolicies
{
    static final long NO_DEADLINE = Long.MAX_VALUE;
    private static final int ENDED = -2;
    private static final int QUEUE_SLA = -1;
    /**
     * Commands whose own routing events, if any, come after a policy event of theirs, or that have none: only
     * these may come right after engine timers due at their own time, whose routing events could otherwise not be
     * told from the command's own (the generator ticks first for the others).
     */
    static final Set<CommandType> TIMER_SAFE = EnumSet.of(CommandType.TICK, CommandType.ENQUEUE,
        CommandType.CLASSIFY_AND_ENQUEUE, CommandType.CHANGE_PRIORITY, CommandType.PAUSE_SLA, CommandType.RESUME_SLA,
        CommandType.REPORT_SENTIMENT, CommandType.INSTALL_POLICIES);

    /** Thrown when the engine's events or results differ from the reference's. */
    static final class Mismatch extends RuntimeException
    {
        Mismatch(final String message)
        {
            super(message, null, false, false);
        }
    }

    enum State
    {
        WAITING, OFFERED, ASSIGNED, WRAP_UP
    }

    /** A queue as the setup commands the engine accepted define it. */
    static final class QueueFacts
    {
        final String name;
        long offerTimeoutMs;
        boolean pickMode;

        QueueFacts(final String name, final long offerTimeoutMs, final boolean pickMode)
        {
            this.name = name;
            this.offerTimeoutMs = offerTimeoutMs;
            this.pickMode = pickMode;
        }
    }

    /** A live item of the routing engine, as its events tell. */
    static final class Fact
    {
        final long id;
        State state = State.WAITING;
        int queue;
        int agent = -1;
        long offerId;
        long offerDeadline = NO_DEADLINE;
        long wrapDeadline = NO_DEADLINE;

        Fact(final long id, final int queue)
        {
            this.id = id;
            this.queue = queue;
        }
    }

    /** One KPI clock of a tracked item. */
    static final class Kpi
    {
        boolean active;
        boolean paused;
        boolean warned;
        boolean breached;
        long elapsed;
        long since;
        int step;
        long deadline = NO_DEADLINE;
    }

    /** An item the policies track. */
    static final class Tracked
    {
        final long id;
        final long seq;
        int queue;
        int visit;
        long enteredAt;
        boolean visitActive;
        int nextRule;
        final List<Overflow> due = new ArrayList<>();
        boolean inDeferred;
        long assignedAt;
        int base;
        int floor;
        int priority;
        int sla = -1;
        int hops;
        boolean callback;
        boolean voicemail;
        boolean alerted;
        final Kpi[] kpis = {new Kpi(), new Kpi()};

        Tracked(final long id, final long seq, final int base)
        {
            this.id = id;
            this.seq = seq;
            this.base = base;
            this.priority = base;
        }
    }

    final int maxQueues;
    final int maxItems;
    final List<QueueFacts> queues = new ArrayList<>();
    int channels;
    int requirementProfiles;
    int agents;

    final Map<Long, Fact> facts = new LinkedHashMap<>();
    PolicyDraft policies = PolicyDraft.NONE;
    /** Tracked items in arrival order. */
    final Map<Long, Tracked> tracked = new LinkedHashMap<>();
    private long lastSeq;
    private final double[] averageHandleMs;
    private final boolean[] handleMeasured;
    long lastNow = Long.MIN_VALUE;
    private final ArrayDeque<long[]> deferred = new ArrayDeque<>();

    /** How often the reference went through the paths worth covering (for the test's coverage checks). */
    final Map<String, Integer> coverage = new java.util.TreeMap<>();
    private PolicyCommand command;
    private List<Ev> events;
    private int cursor;
    private int[] loggedIn;
    private int[] loggedInAfter;

    ReferencePolicies(final int maxQueues, final int maxItems)
    {
        this.maxQueues = maxQueues;
        this.maxItems = maxItems;
        averageHandleMs = new double[maxQueues];
        handleMeasured = new boolean[maxQueues];
    }

    // ================================================================================================ judging

    /**
     * Judges one command applied to the engine.
     *
     * @param result         what the engine returned.
     * @param commandEvents  the events the engine emitted for it, in order.
     * @param loggedInBefore {@code loggedInMembers} per queue before the command, and after it: logins and
     *                       memberships change only by the host's own command, never by timers or policies, so
     *                       decisions before it see the first and follow-ups after it the second.
     * @return null when the engine did what the reference predicts, else what differs.
     */
    String judge(final PolicyCommand cmd, final Result result, final List<Ev> commandEvents,
        final int[] loggedInBefore, final int[] loggedInAfterwards)
    {
        command = cmd;
        events = commandEvents;
        cursor = 0;
        loggedIn = loggedInBefore;
        loggedInAfter = loggedInAfterwards;
        try
        {
            run(result);
            return null;
        }
        catch (final Mismatch mismatch)
        {
            return mismatch.getMessage();
        }
    }

    private void run(final Result result)
    {
        final long now = command.now;
        if (now < lastNow)
        {
            consumeFacts(Long.MAX_VALUE);
            requireEnd();
            checkRejections(Result.TIME_REGRESSED, result);
            return;
        }
        pump(now);
        lastNow = now;
        if (minEngineDeadline() <= now)
        {
            // the engine's timers due by now fire before the command (§3.9), and their follow-ups after them
            if (!TIMER_SAFE.contains(command.type))
            {
                throw new IllegalStateException("generator contract: " + command.type + " at " + now
                    + " comes after engine timers due by then; tick first");
            }
            count("engine timers due at the command's time");
            if (consumeFacts(now) == 0)
            {
                throw new Mismatch("the engine's timers due by " + now + " did not fire before the command");
            }
            while (!deferred.isEmpty())
            {
                runDeferred(now);
                consumeFacts(now);
            }
        }
        final Result predicted = host(now, result);
        loggedIn = loggedInAfter;
        while (true)
        {
            consumeFacts(now);
            if (deferred.isEmpty())
            {
                break;
            }
            runDeferred(now);
        }
        requireEnd();
        checkRejections(predicted != null ? predicted : result, result);
    }

    private void checkRejections(final Result predicted, final Result result)
    {
        if (predicted != result)
        {
            throw new Mismatch("result: engine " + result + ", reference " + predicted);
        }
        final List<Ev> rejections = new ArrayList<>();
        for (final Ev event : events)
        {
            if (event.kind() == Ev.Kind.REJECTED)
            {
                rejections.add(event);
            }
        }
        if (result == Result.OK && !rejections.isEmpty() || result != Result.OK && rejections.size() != 1)
        {
            throw new Mismatch("an accepted command emits no rejection and a rejected one exactly one; result "
                + result + ", rejections " + rejections);
        }
        if (result != Result.OK)
        {
            final Ev rejection = rejections.get(0);
            final boolean sameCommand = rejection.command() == command.type
                || command.type == CommandType.CLASSIFY_AND_ENQUEUE && rejection.command() == CommandType.ENQUEUE;
            if (rejection.detail() != result || !sameCommand)
            {
                throw new Mismatch("the rejection " + rejection + " does not match the result " + result);
            }
        }
    }

    /** Fires the policy timers due by {@code now}, each at its own deadline, after the engine's (§3.9). */
    private void pump(final long now)
    {
        while (true)
        {
            final long[] timer = nextTimer();
            if (timer == null || timer[0] > now)
            {
                return;
            }
            final long at = Math.max(timer[0], lastNow);
            if (timer[0] < lastNow)
            {
                count("timer re-planned into the past");
            }
            lastNow = at;
            final boolean engineDue = minEngineDeadline() <= at;
            final int tickEvents = consumeFacts(at);
            if (engineDue != tickEvents > 0)
            {
                throw new Mismatch("at " + at + " the engine's timers due by then " + (engineDue
                    ? "did not fire before the policy timers" : "are unknown to the reference, yet it emitted "
                    + events.get(cursor - 1)));
            }
            if (tickEvents > 0 || !deferred.isEmpty())
            {
                count("engine ticked at a policy deadline");
                runDeferred(at);
                continue;
            }
            final Tracked item = trackedBySeq(timer[1]);
            final int kind = (int)timer[2];
            if (kind == 0)
            {
                fireOverflow(item, at);
            }
            else
            {
                fireSla(item, kind - 1, at);
            }
            consumeFacts(at);
            runDeferred(at);
        }
    }

    /** @return {deadline, seq, kind} of the earliest policy timer (ties: arrival order, then kind), or null. */
    long[] nextTimer()
    {
        long[] best = null;
        for (final Tracked item : tracked.values())
        {
            for (int kind = 0; kind < 3; kind++)
            {
                final long deadline = kind == 0 ? overflowDeadline(item) : item.kpis[kind - 1].active
                    && !item.kpis[kind - 1].paused ? item.kpis[kind - 1].deadline : NO_DEADLINE;
                if (deadline != NO_DEADLINE && (best == null || deadline < best[0]))
                {
                    best = new long[] {deadline, item.seq, kind};
                }
            }
        }
        return best;
    }

    long minPolicyDeadline()
    {
        final long[] timer = nextTimer();
        return timer == null ? NO_DEADLINE : timer[0];
    }

    long minEngineDeadline()
    {
        long min = NO_DEADLINE;
        for (final Fact fact : facts.values())
        {
            min = Math.min(min, Math.min(fact.offerDeadline, fact.wrapDeadline));
        }
        return min;
    }

    private void count(final String path)
    {
        coverage.merge(path, 1, Integer::sum);
    }

    private Tracked trackedBySeq(final long seq)
    {
        for (final Tracked item : tracked.values())
        {
            if (item.seq == seq)
            {
                return item;
            }
        }
        throw new IllegalStateException("no tracked item with seq " + seq);
    }

    private long overflowDeadline(final Tracked item)
    {
        if (!item.visitActive)
        {
            return NO_DEADLINE;
        }
        final List<Overflow> rules = inQueueRules(item.queue);
        return item.nextRule < rules.size() ? item.enteredAt + rules.get(item.nextRule).threshold() : NO_DEADLINE;
    }

    // ================================================================================================ the event cursor

    /** Reads the routing events up to the next policy event, stamped {@code limit} or earlier, as facts. */
    private int consumeFacts(final long limit)
    {
        int count = 0;
        while (cursor < events.size())
        {
            final Ev event = events.get(cursor);
            if (event.isPolicy() || event.now() > limit)
            {
                break;
            }
            cursor++;
            count++;
            applyFact(event);
        }
        return count;
    }

    private void expect(final Ev expected)
    {
        if (cursor >= events.size())
        {
            throw new Mismatch("expected " + expected + ", the engine emitted nothing more");
        }
        final Ev actual = events.get(cursor);
        if (!actual.equals(expected))
        {
            throw new Mismatch("expected " + expected + ", the engine emitted " + actual);
        }
        cursor++;
    }

    private void requireEnd()
    {
        if (cursor < events.size())
        {
            throw new Mismatch("the engine emitted " + events.get(cursor) + " where the reference expects "
                + "nothing more");
        }
    }

    /** A policy decision at {@code now} must see the engine after its timers due by then (§3.9). */
    private void requireTimersFired(final long now, final String decision)
    {
        final long due = minEngineDeadline();
        if (due <= now)
        {
            throw new Mismatch(decision + " at " + now + " was decided before the engine's timer due at " + due
                + " fired");
        }
    }

    // ================================================================================================ routing facts

    private void applyFact(final Ev event)
    {
        final Fact fact = facts.get(event.item());
        final Tracked item = tracked.get(event.item());
        switch (event.kind())
        {
            case OFFERED:
                need(fact, event).state = State.OFFERED;
                fact.agent = event.agent();
                fact.offerId = event.number();
                fact.offerDeadline = event.now() + queues.get(event.queue()).offerTimeoutMs;
                break;
            case ASSIGNED:
                need(fact, event).state = State.ASSIGNED;
                fact.agent = event.agent();
                fact.offerId = event.number();
                fact.offerDeadline = NO_DEADLINE;
                if (item != null)
                {
                    item.assignedAt = event.now();
                    completeKpi(item, 0);
                    stopVisit(item);
                }
                break;
            case OFFER_REJECTED:
            case OFFER_TIMED_OUT:
                need(fact, event).offerDeadline = NO_DEADLINE;
                break;
            case REQUEUED:
                need(fact, event).state = State.WAITING;
                fact.offerDeadline = NO_DEADLINE;
                fact.agent = -1;
                if (item != null && !item.due.isEmpty() && !item.inDeferred)
                {
                    item.inDeferred = true;
                    deferred.add(new long[] {item.id, item.visit});
                }
                break;
            case RELEASED:
                need(fact, event).state = State.WRAP_UP;
                if (item != null)
                {
                    sampleHandleTime(item.queue, event.now() + event.number() - item.assignedAt);
                    completeKpi(item, 1);
                }
                if (event.number() == 0)
                {
                    end(event.item());
                }
                else
                {
                    fact.wrapDeadline = event.now() + event.number();
                }
                break;
            case WRAP_UP_ENDED:
            case ENDED:
                need(fact, event);
                end(event.item());
                break;
            case TRANSFERRED:
                need(fact, event).state = State.WAITING;
                fact.queue = event.other();
                fact.offerDeadline = NO_DEADLINE;
                fact.agent = -1;
                if (item != null)
                {
                    item.queue = event.other();
                    item.visit++;
                    item.enteredAt = event.now();
                    if (event.agent() < 0)
                    {
                        startVisit(item);
                    }
                    else
                    {
                        stopVisit(item);
                    }
                }
                break;
            case SETUP:
                applySetup((CommandType)event.detail());
                break;
            default:
                break;
        }
    }

    private Fact need(final Fact fact, final Ev event)
    {
        if (fact == null)
        {
            throw new Mismatch("the engine emitted " + event + " for an item that is not live");
        }
        return fact;
    }

    private void end(final long id)
    {
        facts.remove(id);
        tracked.remove(id);
    }

    /** A setup command took effect (its {@code onSetupChanged}): the facts the reference needs from it. */
    private void applySetup(final CommandType change)
    {
        switch (change)
        {
            case DEFINE_CHANNEL:
                channels++;
                break;
            case DEFINE_QUEUE:
                queues.add(new QueueFacts(command.name, command.queueSpec.offerTimeoutMs(),
                    command.queueSpec.pickMode()));
                break;
            case CHANGE_QUEUE:
                queues.get(command.queue).offerTimeoutMs = command.queueSpec.offerTimeoutMs();
                queues.get(command.queue).pickMode = command.queueSpec.pickMode();
                break;
            case DEFINE_AGENT:
                agents++;
                break;
            case DEFINE_REQUIREMENTS:
                requirementProfiles++;
                break;
            default:
                break;
        }
    }

    int waitingCount(final int queue)
    {
        int count = 0;
        for (final Fact fact : facts.values())
        {
            count += fact.queue == queue && fact.state == State.WAITING ? 1 : 0;
        }
        return count;
    }

    // ================================================================================================ commands

    /** @return the result the reference predicts, or null for a command whose result is the engine's business. */
    private Result host(final long now, final Result engineResult)
    {
        final PolicyCommand cmd = command;
        switch (cmd.type)
        {
            case ENQUEUE:
                return enqueue(now, cmd.item, cmd.channel, cmd.queue, cmd.priority, cmd.requirements, QUEUE_SLA);
            case CLASSIFY_AND_ENQUEUE:
                return classify(now);
            case TRANSFER_TO_QUEUE:
                transfer(now, cmd.item, cmd.queue);
                return null;
            case CHANGE_PRIORITY:
            {
                final Tracked item = tracked.get(cmd.item);
                if (item != null && cmd.priority >= 0 && cmd.priority <= RoutingEngine.MAX_PRIORITY)
                {
                    item.base = cmd.priority;
                    item.priority = effective(item);
                }
                return null;
            }
            case PAUSE_SLA:
            case RESUME_SLA:
            {
                final Tracked item = tracked.get(cmd.item);
                if (item == null)
                {
                    return Result.UNKNOWN_ITEM;
                }
                requireTimersFired(now, cmd.type.name());
                if (cmd.type == CommandType.PAUSE_SLA)
                {
                    pause(item, now);
                }
                else
                {
                    resume(item, now);
                }
                return Result.OK;
            }
            case REPORT_SENTIMENT:
            {
                if (cmd.level == null)
                {
                    return Result.INVALID_VALUE;
                }
                final Tracked item = tracked.get(cmd.item);
                if (item == null)
                {
                    return Result.UNKNOWN_ITEM;
                }
                requireTimersFired(now, "the sentiment report");
                report(item, cmd.level, now);
                return Result.OK;
            }
            case INSTALL_POLICIES:
                return install(now, cmd.draft);
            default:
                return null;
        }
    }

    /** The engine's enqueue checks (ROUTING.md §1), which the policies must not run ahead of. */
    private Result validateEnqueue(final long id, final int channel, final int queue, final int priority,
        final int requirements)
    {
        if (facts.containsKey(id))
        {
            return Result.DUPLICATE_ITEM;
        }
        if (channel < 0 || channel >= channels)
        {
            return Result.UNKNOWN_CHANNEL;
        }
        if (queue < 0 || queue >= queues.size())
        {
            return Result.UNKNOWN_QUEUE;
        }
        if (priority < 0 || priority > RoutingEngine.MAX_PRIORITY)
        {
            return Result.INVALID_VALUE;
        }
        if (requirements != -1 && (requirements < 0 || requirements >= requirementProfiles))
        {
            return Result.UNKNOWN_REQUIREMENTS;
        }
        return facts.size() >= maxItems ? Result.ITEM_TABLE_FULL : Result.OK;
    }

    /** §3.2 enqueue: before-queueing overflow, the SLA, the visit, {@code onRouted}, then the engine's enqueue. */
    private Result enqueue(final long now, final long id, final int channel, final int queue, final int priority,
        final int requirements, final int slaChoice)
    {
        final Result invalid = validateEnqueue(id, channel, queue, priority, requirements);
        if (invalid != Result.OK)
        {
            return invalid;
        }
        requireTimersFired(now, "the routing of new item " + id);
        if (!policies.tracking())
        {
            count("new item not tracked (passive policies)");
            expect(Ev.routed(now, id, queue, priority));
            facts.put(id, new Fact(id, queue));
            return Result.OK;
        }
        final Tracked item = new Tracked(id, ++lastSeq, priority);
        item.sla = slaChoice >= 0 ? slaChoice : slaChoice == QUEUE_SLA ? queueSla(queue) : -1;
        final int target = beforeQueueing(item, queue, now);
        if (target == ENDED)
        {
            return Result.OK;
        }
        item.priority = effective(item);
        item.queue = target;
        item.visit = 1;
        item.enteredAt = now;
        tracked.put(id, item);
        startSla(item, now);
        startVisit(item);
        expect(Ev.routed(now, id, target, item.priority));
        facts.put(id, new Fact(id, target));
        return Result.OK;
    }

    /** §3.2 classifyAndEnqueue with the reference's own reading of the rules (§1). */
    private Result classify(final long now)
    {
        final PolicyCommand cmd = command;
        if (policies.rules == null)
        {
            return Result.UNKNOWN_QUEUE;
        }
        final PolicyDraft.Decision decision = policies.rules.classify(cmd.attributes);
        if (decision == null)
        {
            return Result.UNKNOWN_QUEUE;
        }
        if (decision.route().end())
        {
            expect(Ev.endedByRule(now, cmd.item, policies.endReasons().indexOf(decision.route().name())));
            return Result.OK;
        }
        int sla = QUEUE_SLA;
        for (int i = 0; i < policies.slas.size(); i++)
        {
            final Cond condition = policies.slas.get(i).condition();
            if (condition != null && condition.test(cmd.attributes))
            {
                sla = i;
                break;
            }
        }
        final int priority = decision.priority() == PolicyDraft.KEEP ? cmd.priority : decision.priority();
        final Integer mapped = decision.profile() == null ? null : policies.profiles.get(decision.profile());
        final int requirements = mapped != null ? mapped : cmd.requirements;
        return enqueue(now, cmd.item, cmd.channel, queueHandle(decision.route().name()), priority, requirements, sla);
    }

    /** §3.2 transferToQueue: the target's before-queueing overflow first, then the engine's transfer. */
    private void transfer(final long now, final long id, final int queue)
    {
        final Tracked item = tracked.get(id);
        if (item == null || queue < 0 || queue >= queues.size() || facts.get(id).state == State.WRAP_UP)
        {
            return; // the engine's business (it rejects or moves an item the policies do not track)
        }
        requireTimersFired(now, "the transfer of " + id);
        final boolean assigned = facts.get(id).state == State.ASSIGNED;
        final int target = beforeQueueing(item, queue, now);
        consumeFacts(now);
        final Fact after = facts.get(id);
        if (target == ENDED && assigned)
        {
            count("transfer of an assigned item into a queue that ends it");
        }
        if (target == ENDED && assigned && after != null && after.state == State.ASSIGNED)
        {
            // an assigned item is transferred into the queue that ends it, and cancelled unless answered at once
            checkMoved(item, queue);
            return;
        }
        checkMoved(item, target == ENDED ? ENDED : target);
        if (target != ENDED && tracked.containsKey(id))
        {
            refresh(item);
        }
    }

    private void checkMoved(final Tracked item, final int queue)
    {
        final Fact fact = facts.get(item.id);
        if (queue == ENDED ? fact != null : fact == null || fact.queue != queue)
        {
            throw new Mismatch("after the overflow of " + item.id + " it should be " + (queue == ENDED ? "ended"
                : "in q" + queue) + ", the engine's events say " + (fact == null ? "ended" : "q" + fact.queue));
        }
    }

    /** §3.2 installPolicies: queue names must exist; tracked items keep SLAs by name and re-plan. */
    private Result install(final long now, final PolicyDraft draft)
    {
        for (final String name : draft.queueNames())
        {
            if (queueHandle(name) < 0)
            {
                return Result.INVALID_POLICIES;
            }
        }
        final PolicyDraft previous = policies;
        policies = draft;
        for (final Tracked item : tracked.values())
        {
            if (item.sla >= 0)
            {
                item.sla = draft.slaId(previous.slas.get(item.sla).name());
                count(item.sla < 0 ? "install: SLA no longer defined" : "install: SLA kept by name");
                if (item.sla < 0)
                {
                    for (final Kpi kpi : item.kpis)
                    {
                        stopKpiForGood(kpi);
                    }
                }
            }
        }
        for (final Tracked item : tracked.values())
        {
            if (item.sla >= 0)
            {
                final Sla sla = policies.slas.get(item.sla);
                for (int k = 0; k < 2; k++)
                {
                    final Kpi kpi = item.kpis[k];
                    if (!kpi.active)
                    {
                        continue;
                    }
                    if (!sla.measures(k))
                    {
                        count("install: KPI no longer measured");
                        stopKpiForGood(kpi);
                    }
                    else if (!kpi.paused)
                    {
                        reschedule(item, k, now);
                    }
                }
            }
            final State state = facts.get(item.id).state;
            if (!item.visitActive && (state == State.WAITING || state == State.OFFERED))
            {
                count("install: rules left behind stay behind");
            }
            if (item.visitActive && (state == State.WAITING || state == State.OFFERED))
            {
                count("install: in-queue rules re-planned");
                item.nextRule = 0;
                item.due.clear();
            }
            refresh(item);
        }
        return Result.OK;
    }

    /** The SLA no longer measures the KPI: no clock, no flags (the curve step it reached stays). */
    private static void stopKpiForGood(final Kpi kpi)
    {
        kpi.active = false;
        kpi.paused = false;
        kpi.warned = false;
        kpi.breached = false;
        kpi.deadline = NO_DEADLINE;
    }

    // ================================================================================================ overflow (§3.3)

    private QueueDraft policyOf(final int queue)
    {
        return queue < 0 || queue >= queues.size() ? null : policies.queue(queues.get(queue).name);
    }

    private List<Overflow> inQueueRules(final int queue)
    {
        final QueueDraft draft = policyOf(queue);
        return draft == null ? List.of() : draft.inQueue();
    }

    int queueHandle(final String name)
    {
        for (int q = 0; q < queues.size(); q++)
        {
            if (queues.get(q).name.equals(name))
            {
                return q;
            }
        }
        return -1;
    }

    private int queueSla(final int queue)
    {
        final QueueDraft draft = policyOf(queue);
        return draft == null || draft.sla() == null ? -1 : policies.slaId(draft.sla());
    }

    /** Before-queueing rules from {@code queue} on; @return the queue the item enters, or {@link #ENDED}. */
    private int beforeQueueing(final Tracked item, final int queue, final long now)
    {
        int q = queue;
        while (true)
        {
            Overflow acting = null;
            final QueueDraft draft = policyOf(q);
            for (final Overflow rule : draft == null ? List.<Overflow>of() : draft.before())
            {
                if (holds(rule, q, now))
                {
                    acting = rule;
                    break;
                }
            }
            if (acting == null)
            {
                return q;
            }
            count("before-queueing " + acting.trigger() + " held");
            switch (acting.action())
            {
                case TRANSFER:
                {
                    if (item.hops >= policies.maxHops)
                    {
                        count("hop limit before queueing");
                        expect(Ev.overflowStopped(now, item.id, q));
                        return q;
                    }
                    item.hops++;
                    final int target = queueHandle(acting.target());
                    expect(Ev.overflowed(now, item.id, q, OverflowAction.TRANSFER, target));
                    q = target;
                    continue;
                }
                case END:
                    expect(Ev.overflowed(now, item.id, q, OverflowAction.END,
                        policies.endReasons().indexOf(acting.reason())));
                    return ENDED;
                case RAISE_PRIORITY:
                    item.floor = Math.max(item.floor, acting.priority());
                    expect(Ev.overflowed(now, item.id, q, OverflowAction.RAISE_PRIORITY, acting.priority()));
                    return q;
                default:
                    flag(item, q, acting.action(), now);
                    return q;
            }
        }
    }

    private boolean holds(final Overflow rule, final int queue, final long now)
    {
        switch (rule.trigger())
        {
            case WAITING_AT_LEAST:
                return waitingCount(queue) >= rule.threshold();
            case NO_AGENT_LOGGED_IN:
                return loggedIn[queue] == 0;
            case ESTIMATED_WAIT_AT_LEAST:
                return estimatedWaitMs(queue) >= rule.threshold();
            default:
            {
                final NaiveCalendar hours = policyOf(queue).hours();
                return hours != null && !hours.isOpen(now);
            }
        }
    }

    /** waiting × recent average handle time ÷ logged-in members; unbounded with nobody logged in. */
    private long estimatedWaitMs(final int queue)
    {
        final int members = loggedIn[queue];
        if (members == 0)
        {
            return Long.MAX_VALUE;
        }
        final double average = handleMeasured[queue] ? averageHandleMs[queue] : policyOf(queue).expectedHandleMs();
        return (long)(waitingCount(queue) * average / members);
    }

    private void sampleHandleTime(final int queue, final long handleMs)
    {
        if (handleMeasured[queue])
        {
            averageHandleMs[queue] += (handleMs - averageHandleMs[queue]) / 16.0;
        }
        else
        {
            averageHandleMs[queue] = handleMs;
            handleMeasured[queue] = true;
        }
    }

    private void flag(final Tracked item, final int queue, final OverflowAction action, final long now)
    {
        final boolean callback = action == OverflowAction.CALLBACK;
        if (callback ? item.callback : item.voicemail)
        {
            return;
        }
        if (callback)
        {
            item.callback = true;
        }
        else
        {
            item.voicemail = true;
        }
        expect(Ev.overflowed(now, item.id, queue, action, -1));
    }

    private void startVisit(final Tracked item)
    {
        item.visitActive = true;
        item.nextRule = 0;
        item.due.clear();
    }

    private void stopVisit(final Tracked item)
    {
        item.visitActive = false;
        item.due.clear();
    }

    /** The in-queue timer: the next rule of the visit applies now, or waits for the offer's outcome. */
    private void fireOverflow(final Tracked item, final long at)
    {
        requireTimersFired(at, "the in-queue rule of " + item.id);
        final Overflow rule = inQueueRules(item.queue).get(item.nextRule++);
        final State state = facts.get(item.id).state;
        if (state == State.WAITING)
        {
            applyInQueue(item, rule, at);
        }
        else if (state == State.OFFERED)
        {
            count("in-queue rule due while offered");
            item.due.add(rule);
        }
    }

    /** In-queue rules that came due while the item was offered apply once it waits again. */
    private void runDeferred(final long at)
    {
        while (!deferred.isEmpty())
        {
            final long[] work = deferred.poll();
            final Tracked item = tracked.get(work[0]);
            if (item == null)
            {
                continue;
            }
            item.inDeferred = false;
            if (item.visit == work[1] && !item.due.isEmpty() && facts.get(item.id).state == State.OFFERED)
            {
                count("due rules kept: offered again at once");
            }
            if (item.visit != work[1] || item.due.isEmpty() || facts.get(item.id).state != State.WAITING)
            {
                continue; // re-offered at once: the rules stay due until that offer's outcome
            }
            final List<Overflow> due = new ArrayList<>(item.due);
            count(due.size() > 1 ? "due rules applied after a failed offer (several)"
                : "due rule applied after a failed offer");
            item.due.clear();
            for (final Overflow rule : due)
            {
                if (!tracked.containsKey(item.id) || item.visit != work[1]
                    || facts.get(item.id).state != State.WAITING)
                {
                    break;
                }
                applyInQueue(item, rule, at);
                consumeFacts(at);
            }
        }
    }

    private void applyInQueue(final Tracked item, final Overflow rule, final long at)
    {
        final int q = item.queue;
        switch (rule.action())
        {
            case TRANSFER:
            {
                if (item.hops >= policies.maxHops)
                {
                    count("hop limit in queue");
                    expect(Ev.overflowStopped(at, item.id, q));
                    return;
                }
                item.hops++;
                final int first = queueHandle(rule.target());
                expect(Ev.overflowed(at, item.id, q, OverflowAction.TRANSFER, first));
                final int target = beforeQueueing(item, first, at);
                count(target == ENDED ? "in-queue transfer ended before queueing" : "in-queue transfer");
                consumeFacts(at);
                checkMoved(item, target);
                if (target != ENDED && tracked.containsKey(item.id))
                {
                    refresh(item);
                }
                return;
            }
            case END:
                expect(Ev.overflowed(at, item.id, q, OverflowAction.END, policies.endReasons().indexOf(rule.reason())));
                consumeFacts(at);
                checkMoved(item, ENDED);
                return;
            case RAISE_PRIORITY:
                item.floor = Math.max(item.floor, rule.priority());
                expect(Ev.overflowed(at, item.id, q, OverflowAction.RAISE_PRIORITY, rule.priority()));
                refresh(item);
                return;
            default:
                flag(item, q, rule.action(), at);
        }
    }

    // ============================================================================================ SLAs (§3.4, §3.5)

    private void startSla(final Tracked item, final long now)
    {
        if (item.sla < 0)
        {
            return;
        }
        final Sla sla = policies.slas.get(item.sla);
        for (int k = 0; k < 2; k++)
        {
            if (sla.measures(k))
            {
                final Kpi kpi = item.kpis[k];
                kpi.active = true;
                kpi.since = now;
                kpi.elapsed = 0;
                kpi.step = 0;
                reschedule(item, k, now);
            }
        }
    }

    /** The KPI's next milestone — warning, next curve point or failure — in business time of the SLA's calendar. */
    private void reschedule(final Tracked item, final int k, final long now)
    {
        final Kpi kpi = item.kpis[k];
        final Sla sla = policies.slas.get(item.sla);
        long next = Long.MAX_VALUE;
        if (!kpi.warned)
        {
            next = sla.warningMs()[k];
        }
        if (!kpi.breached)
        {
            next = Math.min(next, sla.failureMs()[k]);
        }
        if (sla.curve() && kpi.step < sla.curveSteps())
        {
            next = Math.min(next, sla.point(k, kpi.step + 1));
        }
        if (next == Long.MAX_VALUE)
        {
            kpi.deadline = NO_DEADLINE;
            return;
        }
        final long remaining = next - kpi.elapsed;
        kpi.deadline = remaining > 0 ? sla.calendar().addBusiness(kpi.since, remaining) : now;
    }

    private void completeKpi(final Tracked item, final int k)
    {
        item.kpis[k].active = false;
        item.kpis[k].deadline = NO_DEADLINE;
    }

    private void fireSla(final Tracked item, final int k, final long at)
    {
        requireTimersFired(at, "the SLA milestone of " + item.id);
        final Kpi kpi = item.kpis[k];
        final Sla sla = policies.slas.get(item.sla);
        final long used = kpi.elapsed + sla.calendar().businessBetween(kpi.since, at);
        if (!sla.calendar().isAlways() && used < at - kpi.since + kpi.elapsed)
        {
            count("SLA milestone on a business calendar across closed time");
        }
        boolean moves = false;
        if (!kpi.warned && !kpi.breached && used >= sla.failureMs()[k] && sla.warningMs()[k] == sla.failureMs()[k])
        {
            count("SLA warning and failure at once");
        }
        if (!kpi.warned && used >= sla.warningMs()[k])
        {
            kpi.warned = true;
            expect(Ev.slaWarning(at, item.id, item.queue, SlaKpi.of(k)));
        }
        if (sla.curve())
        {
            int step = kpi.step;
            while (step < sla.curveSteps() && used >= sla.point(k, step + 1))
            {
                step++;
            }
            moves = step != kpi.step;
            if (moves)
            {
                count(step - kpi.step > 1 ? "curve: several points at once" : "curve: one point");
            }
            kpi.step = step;
        }
        if (!kpi.breached && used >= sla.failureMs()[k])
        {
            kpi.breached = true;
            expect(Ev.slaBreached(at, item.id, item.queue, SlaKpi.of(k)));
            if (sla.raiseOnFailure() >= 0)
            {
                item.floor = Math.max(item.floor, sla.raiseOnFailure());
                moves = true;
            }
        }
        reschedule(item, k, at);
        if (moves)
        {
            refresh(item);
        }
    }

    private void pause(final Tracked item, final long now)
    {
        if (item.sla < 0)
        {
            return;
        }
        final Sla sla = policies.slas.get(item.sla);
        for (final Kpi kpi : item.kpis)
        {
            if (kpi.active && !kpi.paused)
            {
                count("SLA paused");
                kpi.elapsed += sla.calendar().businessBetween(kpi.since, now);
                kpi.paused = true;
            }
        }
    }

    private void resume(final Tracked item, final long now)
    {
        for (int k = 0; k < 2 && item.sla >= 0; k++)
        {
            final Kpi kpi = item.kpis[k];
            if (kpi.active && kpi.paused)
            {
                count("SLA resumed");
                kpi.paused = false;
                kpi.since = now;
                reschedule(item, k, now);
            }
        }
    }

    // ========================================================================================= priority, sentiment

    /** §3.6: max(floor, min(1,000,000, base + curve)); the curve at point k of n adds (target − base)·k²/n². */
    int effective(final Tracked item)
    {
        long priority = item.base;
        if (item.sla >= 0)
        {
            final Sla sla = policies.slas.get(item.sla);
            final int target = sla.curveTarget();
            if (sla.curve() && target > item.base)
            {
                final long n = sla.curveSteps();
                final long k = Math.min(n, Math.max(item.kpis[0].step, item.kpis[1].step));
                if (k < Math.max(item.kpis[0].step, item.kpis[1].step))
                {
                    count("curve: point reached under an earlier definition clamped");
                }
                priority = item.base + (target - item.base) * k * k / (n * n);
            }
        }
        return (int)Math.max(item.floor, Math.min(RoutingEngine.MAX_PRIORITY, priority));
    }

    /** The effective priority is recomputed; the engine gets it when it changed (no event). */
    private void refresh(final Tracked item)
    {
        item.priority = effective(item);
    }

    /** §3.7: alert once at or below the queue's alert level (re-armed above it); raise at or below its raise level. */
    private void report(final Tracked item, final Sentiment level, final long now)
    {
        final QueueDraft draft = policyOf(item.queue);
        if (draft == null)
        {
            return;
        }
        if (draft.alert() != null)
        {
            if (level.ordinal() > draft.alert().ordinal())
            {
                item.alerted = false;
            }
            else if (!item.alerted)
            {
                item.alerted = true;
                expect(Ev.sentimentAlert(now, item.id, item.queue, level));
            }
        }
        if (draft.raiseAt() != null && level.ordinal() <= draft.raiseAt().ordinal())
        {
            count("sentiment raise");
            item.floor = Math.max(item.floor, draft.raiseTo());
            refresh(item);
        }
    }
}
