package io.switchboard.policy.model;

import io.switchboard.engine.CommandType;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.policy.model.PolicyDraft.Overflow;
import io.switchboard.policy.model.PolicyDraft.QueueDraft;
import io.switchboard.policy.model.PolicyDraft.Route;
import io.switchboard.policy.model.PolicyDraft.Rule;
import io.switchboard.policy.model.PolicyDraft.Rules;
import io.switchboard.policy.model.PolicyDraft.Sla;
import io.switchboard.policy.model.ReferencePolicies.Fact;
import io.switchboard.policy.model.ReferencePolicies.State;
import io.switchboard.policy.spec.OverflowTrigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.switchboard.policy.model.NaiveCalendar.HOUR;
import static io.switchboard.policy.model.NaiveCalendar.MINUTE;
import static io.switchboard.policy.model.NaiveCalendar.SECOND;

/**
 * Draws random command sequences for the policy model test: setup as commands, policy installations (again and
 * again, while items are tracked), classification with attributes, plain enqueues, SLA pauses, sentiment reports,
 * the routing commands that move items (offers answered, rejected, released, transferred, abandoned), logins, ticks,
 * time jumps, and bad arguments.
 *
 * <p><b>Time grid.</b> Commands happen on whole seconds. Every policy duration is off the grid — SLA warnings end in
 * 250 ms (or equal the failure), failures and curve points in a multiple of 20 ms below 1 s, in-queue waits in 1 ms —
 * and calendars open and close on whole minutes, so a policy timer never falls on a command's own time: the events
 * of one instant are either the policies' timers' or the command's, and the reference can tell them apart. Timers
 * re-planned into the past (an installation or a resume under changed SLAs) fire at that command's time, so the next
 * command then comes at least a second later. For the same reason a routing command whose own events could not be
 * told from those of engine timers due at its time comes after a tick at that time
 * ({@link ReferencePolicies#TIMER_SAFE}).
 */
final class PolicyCommandGenerator
{
    static final String[] QUEUE_NAMES = {"sales", "support", "billing", "vip", "extra4", "extra5"};
    private static final String[] SLA_NAMES = {"gold", "standard", "slow", "silver"};
    private static final String[] CHANNELS = {"voice", "chat", "sms"};
    private static final String[] SUBJECT_WORDS = {"printer", "Printer jam", "laptop", "login", "password",
        "billing", "refund", "STOP", "stopped", "hello", "please stop now", "invoice"};
    private static final String[] BODY_WORDS = {"STOP", "help", "HELP me", "stop", "unstoppable", "billing", "hi"};

    private final Random random;
    private final ReferencePolicies ref;
    private final RoutingEngine engine;
    private final int maxAgents;
    private long now;
    private long nextItem = 1;
    private boolean holdTime;
    /** The commands the generator has drawn, by type (including rejected ones). */
    final int[] drawn = new int[CommandType.values().length];

    PolicyCommandGenerator(final Random random, final ReferencePolicies ref, final RoutingEngine engine,
        final int maxAgents)
    {
        this.random = random;
        this.ref = ref;
        this.engine = engine;
        this.maxAgents = maxAgents;
        now = (random.nextInt(5 * 24 * 60) * MINUTE / SECOND) * SECOND; // somewhere in the origin week
    }

    private PolicyCommand at(final CommandType type)
    {
        drawn[type.ordinal()]++;
        return new PolicyCommand(type, now);
    }

    // ================================================================================================ setup

    /** @return the initial setup, as commands: channels, skills, queues, requirement profiles, agents, policies. */
    List<PolicyCommand> setup()
    {
        final List<PolicyCommand> out = new ArrayList<>();
        for (int c = 0; c < CHANNELS.length; c++)
        {
            final PolicyCommand cmd = at(CommandType.DEFINE_CHANNEL);
            cmd.name = CHANNELS[c];
            cmd.units = new int[] {10, 4, 2}[c];
            out.add(cmd);
        }
        for (final String skill : new String[] {"en", "de"})
        {
            final PolicyCommand cmd = at(CommandType.DEFINE_SKILL);
            cmd.name = skill;
            out.add(cmd);
        }
        final int queues = 3 + random.nextInt(2);
        for (int q = 0; q < queues; q++)
        {
            out.add(defineQueue(q));
        }
        for (int r = 0; r < 2; r++)
        {
            final PolicyCommand cmd = at(CommandType.DEFINE_REQUIREMENTS);
            cmd.requirementSpec = new RequirementSpec().step(0).require(r, 1 + r);
            cmd.specText = "skill " + r + " >= " + (1 + r);
            out.add(cmd);
        }
        final int agents = 3 + random.nextInt(3);
        for (int a = 0; a < agents; a++)
        {
            out.add(defineAgent(a, queues));
        }
        for (int a = 0; a < agents; a++)
        {
            if (random.nextInt(4) != 0)
            {
                final PolicyCommand cmd = at(CommandType.LOGIN);
                cmd.agent = a;
                out.add(cmd);
            }
        }
        final PolicyCommand install = at(CommandType.INSTALL_POLICIES);
        install.draft = randomDraft(queues, false);
        out.add(install);
        now += SECOND;
        return out;
    }

    private PolicyCommand defineQueue(final int q)
    {
        final PolicyCommand cmd = at(CommandType.DEFINE_QUEUE);
        cmd.name = QUEUE_NAMES[q];
        cmd.queueSpec = randomQueueSpec();
        cmd.specText = describe(cmd.queueSpec);
        return cmd;
    }

    private QueueSpec randomQueueSpec()
    {
        return new QueueSpec().priority(1 + random.nextInt(3)).autoAccept(random.nextInt(3) == 0)
            .offerTimeoutMs((10 + random.nextInt(50)) * SECOND).pickMode(random.nextInt(12) == 0)
            .closestMatch(random.nextInt(3) == 0);
    }

    private static String describe(final QueueSpec spec)
    {
        return "{priority " + spec.priority() + (spec.autoAccept() ? ", autoAccept" : "") + ", offerTimeout "
            + spec.offerTimeoutMs() / SECOND + "s" + (spec.pickMode() ? ", pick" : "")
            + (spec.closestMatch() ? ", closest" : "") + "}";
    }

    private PolicyCommand defineAgent(final int agent, final int queues)
    {
        final PolicyCommand cmd = at(CommandType.DEFINE_AGENT);
        cmd.name = "agent" + agent;
        final List<Integer> member = randomMemberships(queues);
        cmd.agentSpec = randomAgentSpec(member);
        cmd.specText = "queues " + member;
        return cmd;
    }

    private List<Integer> randomMemberships(final int queues)
    {
        final List<Integer> member = new ArrayList<>();
        for (int q = 0; q < queues; q++)
        {
            if (random.nextInt(2) == 0)
            {
                member.add(q);
            }
        }
        if (member.isEmpty())
        {
            member.add(random.nextInt(queues));
        }
        return member;
    }

    private AgentSpec randomAgentSpec(final List<Integer> member)
    {
        final AgentSpec spec = new AgentSpec().capacity(10 + random.nextInt(15));
        spec.skill(0, 1 + random.nextInt(3));
        if (random.nextBoolean())
        {
            spec.skill(1, 1 + random.nextInt(3));
        }
        member.forEach(spec::queue);
        return spec;
    }

    // ================================================================================================ policies

    /** @return a valid random policy set over the defined queues (rarely an invalid one when {@code hostile}). */
    PolicyDraft randomDraft(final int queueCount, final boolean hostile)
    {
        final List<String> names = new ArrayList<>(List.of(QUEUE_NAMES).subList(0, queueCount));
        // before-queueing transfers only go "down" this order, so that they never form a loop
        final List<String> order = new ArrayList<>(names);
        Collections.shuffle(order, random);
        final List<Sla> slas = new ArrayList<>();
        final List<String> slaNames = new ArrayList<>(List.of(SLA_NAMES));
        Collections.shuffle(slaNames, random);
        final int slaCount = random.nextInt(4);
        for (int i = 0; i < slaCount; i++)
        {
            slas.add(randomSla(slaNames.get(i)));
        }
        final Rules rules = random.nextInt(8) == 0 ? null : randomRules(names);
        final List<QueueDraft> queues = new ArrayList<>();
        final boolean passive = random.nextInt(15) == 0; // rules only: new items are not tracked
        if (passive)
        {
            slas.clear();
        }
        for (final String queue : names)
        {
            if (!passive && random.nextInt(5) != 0)
            {
                queues.add(randomQueuePolicy(queue, order, slas));
            }
        }
        if (hostile)
        {
            queues.add(new QueueDraft("ghost", List.of(), null, null, Sentiment.NEGATIVE, null, -1, 0));
        }
        final Map<String, Integer> profiles = new HashMap<>();
        if (rules != null && rules.text().contains("profile senior") && random.nextBoolean())
        {
            profiles.put("senior", random.nextInt(2));
        }
        return new PolicyDraft(rules, slas, queues, 1 + random.nextInt(5), profiles);
    }

    private Sla randomSla(final String name)
    {
        final long[] warning = {-1, -1};
        final long[] failure = {-1, -1};
        final int steps = 2 + random.nextInt(9);
        final boolean first = random.nextInt(4) != 0;
        final boolean resolution = !first || random.nextBoolean();
        if (first)
        {
            kpi(warning, failure, 0, steps, 20 + random.nextInt(280));
        }
        if (resolution)
        {
            kpi(warning, failure, 1, steps, 120 + random.nextInt(1500));
        }
        final NaiveCalendar calendar = random.nextInt(4) == 0 ? NaiveCalendar.OFFICE : NaiveCalendar.ALWAYS;
        final int raise = random.nextInt(3) == 0 ? -1 : new int[] {0, 50, 100, 150, 400}[random.nextInt(5)];
        final Cond condition = random.nextInt(3) == 0 ? randomCondition(1) : null;
        return new Sla(name, warning, failure, calendar, raise, random.nextInt(3) != 0, steps, condition);
    }

    /** Warning ≡ 250 ms and failure = steps × (k s + 20 ms): off the whole-second grid, and so are curve points. */
    private void kpi(final long[] warning, final long[] failure, final int k, final int steps, final int seconds)
    {
        final long warn = seconds * SECOND + 250;
        final long unitSeconds = warn / (steps * SECOND) + 1 + random.nextInt(Math.max(1, seconds / steps + 1));
        failure[k] = steps * (unitSeconds * SECOND + 20);
        warning[k] = random.nextInt(10) == 0 ? failure[k] : warn; // a warning may be the failure itself
    }

    private QueueDraft randomQueuePolicy(final String queue, final List<String> order, final List<Sla> slas)
    {
        final List<Overflow> rules = new ArrayList<>();
        final int count = random.nextInt(4);
        final List<String> below = order.subList(order.indexOf(queue) + 1, order.size());
        for (int i = 0; i < count; i++)
        {
            final boolean inQueue = random.nextInt(5) < 3;
            final OverflowTrigger trigger;
            final long threshold;
            if (inQueue)
            {
                trigger = OverflowTrigger.WAITED_AT_LEAST;
                threshold = (10 + random.nextInt(240)) * SECOND + 1;
            }
            else
            {
                trigger = OverflowTrigger.values()[random.nextInt(4)];
                threshold = trigger == OverflowTrigger.WAITING_AT_LEAST ? random.nextInt(4)
                    : trigger == OverflowTrigger.ESTIMATED_WAIT_AT_LEAST ? random.nextInt(4) * 20 * SECOND : 0;
            }
            final List<String> targets = new ArrayList<>(inQueue ? order : below);
            targets.remove(queue);
            OverflowAction action = OverflowAction.values()[random.nextInt(5)];
            if (action == OverflowAction.TRANSFER && targets.isEmpty())
            {
                action = OverflowAction.RAISE_PRIORITY;
            }
            rules.add(new Overflow(trigger, threshold, action,
                action == OverflowAction.TRANSFER ? targets.get(random.nextInt(targets.size())) : null,
                action == OverflowAction.RAISE_PRIORITY ? new int[] {5, 20, 60, 120, 300}[random.nextInt(5)] : -1,
                action == OverflowAction.END ? new String[] {"too-busy", "closed", "opt-out"}[random.nextInt(3)]
                    : null));
        }
        final NaiveCalendar hours = random.nextInt(3) == 0 ? NaiveCalendar.OPENING : null;
        final String sla = !slas.isEmpty() && random.nextInt(3) != 0 ? slas.get(random.nextInt(slas.size())).name()
            : null;
        final Sentiment alert = random.nextBoolean() ? Sentiment.of(random.nextInt(4)) : null;
        final Sentiment raiseAt = random.nextInt(3) == 0 ? Sentiment.of(random.nextInt(3)) : null;
        final int raiseTo = raiseAt == null ? -1 : new int[] {10, 40, 90, 250}[random.nextInt(4)];
        final long expected = random.nextInt(3) == 0 ? 0 : (30 + random.nextInt(300)) * SECOND;
        return new QueueDraft(queue, rules, hours, sla, alert, raiseAt, raiseTo, expected);
    }

    private Rules randomRules(final List<String> queues)
    {
        final List<Rule> rules = new ArrayList<>();
        final int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++)
        {
            final int kind = random.nextInt(10);
            final Route route = kind < 6 ? new Route(false, queues.get(random.nextInt(queues.size())))
                : kind < 8 ? new Route(true, random.nextBoolean() ? "opt-out" : "spam") : Route.NONE;
            final String priority = random.nextInt(3) == 0 ? null
                : random.nextBoolean() ? new String[] {"low", "normal", "high", "critical"}[random.nextInt(4)]
                : Integer.toString(random.nextInt(60));
            final String profile = random.nextInt(5) == 0 ? "senior" : null;
            rules.add(new Rule("r" + i, randomCondition(2), route,
                route == Route.NONE && priority == null && profile == null ? "7" : priority, profile));
        }
        final Route fallback = random.nextInt(4) == 0 ? null
            : random.nextInt(8) == 0 ? new Route(true, "unrouted") : new Route(false, queues.get(random.nextInt(
            queues.size())));
        return new Rules(rules, fallback);
    }

    private Cond randomCondition(final int depth)
    {
        switch (random.nextInt(depth > 0 ? 9 : 6))
        {
            case 0:
                return Cond.equalsText("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
            case 1:
                return Cond.equalsText("tier", random.nextBoolean() ? "gold" : "silver");
            case 2:
                return Cond.equalsNumber("digit", random.nextInt(4));
            case 3:
                return Cond.in("tier", random.nextBoolean() ? List.of("gold", "platinum") : List.of("silver", "1"));
            case 4:
                return Cond.matches("subject", random.nextBoolean() ? List.of("printer", "laptop")
                    : List.of("login", "password", "invoice"), false);
            case 5:
                return Cond.matches("body", List.of(random.nextBoolean() ? "STOP" : "help"), true);
            case 6:
                return Cond.and(randomCondition(depth - 1), randomCondition(depth - 1));
            case 7:
                return Cond.not(randomCondition(depth - 1));
            default:
                return Cond.always();
        }
    }

    private Map<String, Object> randomAttributes()
    {
        final Map<String, Object> attributes = new LinkedHashMap<>();
        if (random.nextInt(5) != 0)
        {
            attributes.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        }
        if (random.nextInt(3) != 0)
        {
            attributes.put("tier", new String[] {"gold", "silver", "bronze", "platinum", "1"}[random.nextInt(5)]);
        }
        if (random.nextInt(3) == 0)
        {
            final int digit = random.nextInt(5);
            attributes.put("digit", random.nextBoolean() ? (Object)(long)digit : random.nextInt(4) == 0 ? "two"
                : Integer.toString(digit));
        }
        if (random.nextBoolean())
        {
            attributes.put("subject", SUBJECT_WORDS[random.nextInt(SUBJECT_WORDS.length)]);
        }
        if (random.nextInt(3) == 0)
        {
            attributes.put("body", BODY_WORDS[random.nextInt(BODY_WORDS.length)]);
        }
        if (random.nextInt(6) == 0)
        {
            attributes.put("unused", random.nextBoolean() ? (Object)42L : "ignored");
        }
        return attributes;
    }

    // ================================================================================================ the stream

    /**
     * @return the next command; time moves on the whole-second grid (or back, for a bad command). When timers are
     *     due by the command's time (the policies' timers may start engine timers due by then too) and the command's
     *     own routing events could not be told from the engine timers' ({@link ReferencePolicies#TIMER_SAFE}), a
     *     tick at that time comes first and the command is drawn again.
     */
    PolicyCommand next()
    {
        if (!holdTime)
        {
            advanceTime();
        }
        holdTime = false;
        final PolicyCommand cmd = draw();
        if (cmd.now >= now && !ReferencePolicies.TIMER_SAFE.contains(cmd.type)
            && Math.min(ref.minEngineDeadline(), ref.minPolicyDeadline()) <= now)
        {
            drawn[cmd.type.ordinal()]--;
            holdTime = true;
            return at(CommandType.TICK);
        }
        return cmd;
    }

    private PolicyCommand draw()
    {
        final int live = ref.facts.size();
        final int roll = random.nextInt(1000);
        if (roll < 30)
        {
            return hostile();
        }
        if (roll < 120 && live < 60)
        {
            return enqueue();
        }
        if (roll < 240 && live < 60)
        {
            return classify();
        }
        if (roll < 330)
        {
            final Fact offered = pick(State.OFFERED);
            if (offered != null)
            {
                final PolicyCommand cmd = at(random.nextInt(4) == 0 ? CommandType.REJECT : CommandType.ACCEPT);
                cmd.item = offered.id;
                cmd.offerId = offered.offerId;
                return cmd;
            }
        }
        if (roll < 420 || live > 45 && roll < 500)
        {
            final Fact assigned = pick(State.ASSIGNED);
            if (assigned != null)
            {
                final PolicyCommand cmd = at(CommandType.RELEASE);
                cmd.item = assigned.id;
                cmd.wrapUpMs = random.nextInt(3) == 0 ? (1 + random.nextInt(30)) * SECOND : 0;
                return cmd;
            }
        }
        if (roll < 470)
        {
            final Fact item = anyLive();
            if (item != null)
            {
                final PolicyCommand cmd = at(CommandType.TRANSFER_TO_QUEUE);
                cmd.item = item.id;
                cmd.queue = random.nextInt(ref.queues.size());
                return cmd;
            }
        }
        if (roll < 480)
        {
            final Fact item = anyLive();
            if (item != null)
            {
                final PolicyCommand cmd = at(CommandType.TRANSFER_TO_AGENT);
                cmd.item = item.id;
                cmd.agent = random.nextInt(ref.agents);
                return cmd;
            }
        }
        if (roll < 495)
        {
            final Fact waiting = pick(State.WAITING);
            if (waiting != null)
            {
                final PolicyCommand cmd = at(CommandType.PICK);
                cmd.item = waiting.id;
                cmd.agent = random.nextInt(ref.agents);
                return cmd;
            }
        }
        if (roll < 530 || live > 45 && roll < 580)
        {
            final Fact item = random.nextBoolean() ? pick(State.WAITING) : pick(State.OFFERED);
            if (item != null)
            {
                final PolicyCommand cmd = at(random.nextInt(3) == 0 ? CommandType.CANCEL : CommandType.ABANDON);
                cmd.item = item.id;
                return cmd;
            }
        }
        if (roll < 560)
        {
            final Fact item = anyLive();
            if (item != null)
            {
                final PolicyCommand cmd = at(CommandType.CHANGE_PRIORITY);
                cmd.item = item.id;
                cmd.priority = random.nextInt(4) == 0 ? 0 : random.nextInt(200);
                return cmd;
            }
        }
        if (roll < 650)
        {
            final Long item = anyTracked();
            if (item != null)
            {
                final PolicyCommand cmd = at(random.nextBoolean() ? CommandType.PAUSE_SLA : CommandType.RESUME_SLA);
                cmd.item = item;
                return cmd;
            }
        }
        if (roll < 710)
        {
            final Long item = anyTracked();
            if (item != null)
            {
                final PolicyCommand cmd = at(CommandType.REPORT_SENTIMENT);
                cmd.item = item;
                cmd.level = Sentiment.of(random.nextInt(7));
                return cmd;
            }
        }
        if (roll < 770)
        {
            return agentCommand();
        }
        if (roll < 790)
        {
            final PolicyCommand cmd = at(CommandType.INSTALL_POLICIES);
            cmd.draft = randomDraft(ref.queues.size(), false);
            return cmd;
        }
        if (roll < 815)
        {
            return setupChange();
        }
        return at(CommandType.TICK);
    }

    private void advanceTime()
    {
        final int roll = random.nextInt(100);
        final long step;
        if (roll < 25)
        {
            step = 0;
        }
        else if (roll < 70)
        {
            step = (1 + random.nextInt(20)) * SECOND;
        }
        else if (roll < 90)
        {
            step = (20 + random.nextInt(280)) * SECOND;
        }
        else if (roll < 98)
        {
            step = (5 * MINUTE + random.nextInt(115) * MINUTE);
        }
        else
        {
            step = 2 * HOUR + random.nextInt(70) * HOUR;
        }
        now += step;
        final long[] timer = ref.nextTimer();
        if (step == 0 && timer != null && timer[0] <= ref.lastNow)
        {
            now += SECOND; // a timer re-planned into the past fires at the last command's time: do not tie with it
        }
        if (ref.lastNow != Long.MIN_VALUE && ref.lastNow > now)
        {
            now = ref.lastNow;
        }
    }

    private PolicyCommand enqueue()
    {
        final PolicyCommand cmd = at(CommandType.ENQUEUE);
        cmd.item = nextItem++;
        cmd.channel = random.nextInt(CHANNELS.length);
        cmd.queue = random.nextInt(ref.queues.size());
        cmd.priority = random.nextInt(3) == 0 ? 0 : random.nextInt(120);
        cmd.requirements = random.nextInt(4) == 0 ? random.nextInt(2) : -1;
        return cmd;
    }

    private PolicyCommand classify()
    {
        final PolicyCommand cmd = at(CommandType.CLASSIFY_AND_ENQUEUE);
        cmd.item = nextItem++;
        cmd.channel = random.nextInt(CHANNELS.length);
        cmd.priority = random.nextInt(3) == 0 ? 0 : random.nextInt(120);
        cmd.requirements = random.nextInt(5) == 0 ? random.nextInt(2) : -1;
        cmd.attributes = randomAttributes();
        return cmd;
    }

    private PolicyCommand agentCommand()
    {
        final int agent = random.nextInt(ref.agents);
        final boolean loggedIn = engine.agentPresence(agent) != Presence.OFFLINE;
        final int roll = random.nextInt(10);
        if (roll < 6)
        {
            final PolicyCommand cmd = at(loggedIn && random.nextInt(3) == 0 ? CommandType.LOGOUT : CommandType.LOGIN);
            cmd.agent = agent;
            return cmd;
        }
        if (roll < 7)
        {
            final PolicyCommand cmd = at(CommandType.SET_PRESENCE);
            cmd.agent = agent;
            cmd.presence = random.nextBoolean() ? Presence.AVAILABLE : Presence.AWAY;
            return cmd;
        }
        final PolicyCommand cmd = at(random.nextBoolean() ? CommandType.JOIN_QUEUE : CommandType.LEAVE_QUEUE);
        cmd.agent = agent;
        cmd.queue = random.nextInt(ref.queues.size());
        return cmd;
    }

    private PolicyCommand setupChange()
    {
        final int roll = random.nextInt(10);
        if (roll < 1 && ref.queues.size() < QUEUE_NAMES.length)
        {
            return defineQueue(ref.queues.size());
        }
        if (roll < 2 && ref.agents < maxAgents)
        {
            final PolicyCommand cmd = defineAgent(ref.agents, ref.queues.size());
            return cmd;
        }
        if (roll < 6)
        {
            final PolicyCommand cmd = at(CommandType.CHANGE_QUEUE);
            cmd.queue = random.nextInt(ref.queues.size());
            cmd.queueSpec = randomQueueSpec();
            cmd.specText = describe(cmd.queueSpec);
            return cmd;
        }
        final PolicyCommand cmd = at(CommandType.CHANGE_AGENT);
        cmd.agent = random.nextInt(ref.agents);
        final List<Integer> member = randomMemberships(ref.queues.size());
        cmd.agentSpec = randomAgentSpec(member).capacity(30);
        cmd.specText = "queues " + member;
        return cmd;
    }

    /** Bad arguments: unknown items, no level, time running backwards, undefined queues, duplicates. */
    private PolicyCommand hostile()
    {
        final long unknown = 900_000 + random.nextInt(1000);
        final Fact live = anyLive();
        switch (random.nextInt(11))
        {
            case 0:
            {
                final PolicyCommand cmd = at(random.nextBoolean() ? CommandType.PAUSE_SLA : CommandType.RESUME_SLA);
                cmd.item = unknown;
                return cmd;
            }
            case 1:
            {
                final PolicyCommand cmd = at(CommandType.REPORT_SENTIMENT);
                cmd.item = random.nextBoolean() || live == null ? unknown : live.id;
                cmd.level = random.nextBoolean() ? null : Sentiment.NEGATIVE;
                return cmd;
            }
            case 2:
            {
                final PolicyCommand cmd = at(CommandType.CHANGE_PRIORITY);
                cmd.item = live == null ? unknown : live.id;
                cmd.priority = random.nextBoolean() ? -5 : RoutingEngine.MAX_PRIORITY + 1;
                return cmd;
            }
            case 3:
            {
                final PolicyCommand cmd = at(CommandType.TRANSFER_TO_QUEUE);
                cmd.item = random.nextBoolean() || live == null ? unknown : live.id;
                cmd.queue = random.nextBoolean() ? 99 : -1;
                return cmd;
            }
            case 4:
            {
                final PolicyCommand cmd = at(CommandType.INSTALL_POLICIES);
                cmd.draft = randomDraft(ref.queues.size(), true);
                return cmd;
            }
            case 5:
            {
                final PolicyCommand cmd = enqueue();
                cmd.item = live != null && random.nextBoolean() ? live.id : cmd.item;
                cmd.priority = random.nextInt(3) == 0 ? -1 : cmd.priority;
                cmd.queue = random.nextInt(3) == 0 ? 99 : cmd.queue;
                cmd.channel = random.nextInt(3) == 0 ? 17 : cmd.channel;
                return cmd;
            }
            case 6:
            {
                final PolicyCommand cmd = classify();
                cmd.item = live != null ? live.id : cmd.item;
                return cmd;
            }
            default:
            {
                if (ref.lastNow <= SECOND)
                {
                    return at(CommandType.TICK);
                }
                final long saved = now;
                now = ref.lastNow - (1 + random.nextInt(30)) * SECOND;
                final CommandType[] types = {CommandType.TICK, CommandType.PAUSE_SLA, CommandType.RESUME_SLA,
                    CommandType.REPORT_SENTIMENT, CommandType.CLASSIFY_AND_ENQUEUE, CommandType.ENQUEUE,
                    CommandType.INSTALL_POLICIES, CommandType.TRANSFER_TO_QUEUE, CommandType.CHANGE_PRIORITY};
                final PolicyCommand cmd = at(types[random.nextInt(types.length)]);
                now = saved;
                cmd.item = live == null ? unknown : live.id;
                cmd.level = Sentiment.NEGATIVE;
                cmd.channel = 0;
                cmd.queue = 0;
                cmd.attributes = randomAttributes();
                cmd.draft = PolicyDraft.NONE;
                return cmd;
            }
        }
    }

    // ================================================================================================ choosing items

    private Fact pick(final State state)
    {
        final List<Fact> candidates = new ArrayList<>();
        for (final Fact fact : ref.facts.values())
        {
            if (fact.state == state)
            {
                candidates.add(fact);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private Fact anyLive()
    {
        final List<Fact> all = new ArrayList<>(ref.facts.values());
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    private Long anyTracked()
    {
        final List<Long> all = new ArrayList<>(ref.tracked.keySet());
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }
}
