package io.switchboard.policy.model;

import io.switchboard.model.OverflowAction;
import io.switchboard.model.Sentiment;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.OverflowTrigger;
import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.policy.spec.SlaSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy definition as plain data: what the generator draws, what the reference reads directly, and what
 * {@link #encode()} turns into the {@code installPolicies} bytes through the public builders and
 * {@link PolicyCodec}.
 */
final class PolicyDraft
{
    /** Engine time 0 for calendars: Monday 2025-03-03 00:00 UTC. */
    static final long ORIGIN = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();
    static final int KEEP = -1;

    /** Nothing installed: the policy engine only forwards (the state before the first installation). */
    static final PolicyDraft NONE = new PolicyDraft(null, List.of(), List.of(),
        ServicePolicies.DEFAULT_MAX_OVERFLOW_HOPS, Map.of());

    final Rules rules;
    final List<Sla> slas;
    final List<QueueDraft> queues;
    final int maxHops;
    final Map<String, Integer> profiles;
    private byte[] encoded;

    PolicyDraft(final Rules rules, final List<Sla> slas, final List<QueueDraft> queues, final int maxHops,
        final Map<String, Integer> profiles)
    {
        this.rules = rules;
        this.slas = List.copyOf(slas);
        this.queues = List.copyOf(queues);
        this.maxHops = maxHops;
        this.profiles = Map.copyOf(profiles);
    }

    // ================================================================================================ the data

    /** One overflow rule: trigger, threshold, action and its argument (queue, priority or reason). */
    record Overflow(OverflowTrigger trigger, long threshold, OverflowAction action, String target, int priority,
        String reason)
    {
        boolean inQueue()
        {
            return trigger == OverflowTrigger.WAITED_AT_LEAST;
        }

        OverflowRule toRule()
        {
            final OverflowRule.Condition condition;
            switch (trigger)
            {
                case WAITING_AT_LEAST:
                    condition = OverflowRule.whenWaitingAtLeast((int)threshold);
                    break;
                case NO_AGENT_LOGGED_IN:
                    condition = OverflowRule.whenNoAgentLoggedIn();
                    break;
                case ESTIMATED_WAIT_AT_LEAST:
                    condition = OverflowRule.whenEstimatedWaitAtLeast(threshold);
                    break;
                case OUTSIDE_OPERATING_HOURS:
                    condition = OverflowRule.whenOutsideOperatingHours();
                    break;
                default:
                    condition = OverflowRule.afterWaiting(threshold);
                    break;
            }
            switch (action)
            {
                case TRANSFER:
                    return condition.transferTo(target);
                case RAISE_PRIORITY:
                    return condition.raisePriorityTo(priority);
                case END:
                    return condition.endWith(reason);
                case CALLBACK:
                    return condition.requestCallback();
                default:
                    return condition.requestVoicemail();
            }
        }

        @Override
        public String toString()
        {
            final String what = action == OverflowAction.TRANSFER ? "->" + target
                : action == OverflowAction.RAISE_PRIORITY ? "raise " + priority
                : action == OverflowAction.END ? "end " + reason : action.name().toLowerCase();
            return trigger + (trigger == OverflowTrigger.NO_AGENT_LOGGED_IN
                || trigger == OverflowTrigger.OUTSIDE_OPERATING_HOURS ? "" : "(" + threshold + ")") + " " + what;
        }
    }

    /** One queue's policies. */
    record QueueDraft(String queue, List<Overflow> overflow, NaiveCalendar hours, String sla, Sentiment alert,
        Sentiment raiseAt, int raiseTo, long expectedHandleMs)
    {
        /** @return the before-queueing rules, in the order given. */
        List<Overflow> before()
        {
            final List<Overflow> out = new ArrayList<>();
            for (final Overflow rule : overflow)
            {
                if (!rule.inQueue())
                {
                    out.add(rule);
                }
            }
            return out;
        }

        /** @return the in-queue rules ordered by their wait; equal waits keep the order given. */
        List<Overflow> inQueue()
        {
            final List<Overflow> out = new ArrayList<>();
            for (final Overflow rule : overflow)
            {
                if (rule.inQueue())
                {
                    out.add(rule);
                }
            }
            out.sort(Comparator.comparingLong(Overflow::threshold));
            return out;
        }
    }

    /** One SLA: per KPI (0 first response, 1 resolution) warning and failure, -1 when not measured. */
    record Sla(String name, long[] warningMs, long[] failureMs, NaiveCalendar calendar, int raiseOnFailure,
        boolean curve, int curveSteps, Cond condition)
    {
        boolean measures(final int kpi)
        {
            return failureMs[kpi] > 0;
        }

        int curveTarget()
        {
            return raiseOnFailure >= 0 ? raiseOnFailure : SlaSpec.DEFAULT_CURVE_TARGET;
        }

        /** @return the business time of curve point {@code step} (1..curveSteps). */
        long point(final int kpi, final int step)
        {
            return failureMs[kpi] * step / curveSteps;
        }

        @Override
        public String toString()
        {
            return name + "{fr=" + warningMs[0] + "/" + failureMs[0] + ", res=" + warningMs[1] + "/" + failureMs[1]
                + ", " + calendar + (raiseOnFailure >= 0 ? ", raise " + raiseOnFailure : "")
                + (curve ? ", curve " + curveSteps : "") + (condition != null ? ", when " + condition.text() : "")
                + "}";
        }
    }

    /** A route of a rule: to a queue, an end, or none (the fallback's route). */
    record Route(boolean end, String name)
    {
        static final Route NONE = new Route(false, null);

        String text()
        {
            return end ? "end " + name : "queue " + name;
        }
    }

    /** One classification rule of the family; {@code priority} is a number, a level name, or null to keep. */
    record Rule(String name, Cond condition, Route route, String priority, String profile)
    {
    }

    /** A rule set of the family, with its text and a direct evaluation. */
    record Rules(List<Rule> rules, Route fallback)
    {
        private static final Map<String, Integer> LEVELS = Map.of("low", 1, "normal", 5, "high", 10, "critical", 100);

        String text()
        {
            final StringBuilder out = new StringBuilder("ruleset model\n");
            for (final Rule rule : rules)
            {
                final List<String> actions = new ArrayList<>();
                if (rule.route() != Route.NONE)
                {
                    actions.add(rule.route().text());
                }
                if (rule.priority() != null)
                {
                    actions.add("priority " + rule.priority());
                }
                if (rule.profile() != null)
                {
                    actions.add("profile " + rule.profile());
                }
                out.append("rule ").append(rule.name()).append(": ").append(rule.condition().text()).append(" -> ")
                    .append(String.join(", ", actions)).append('\n');
            }
            if (fallback != null)
            {
                out.append("fallback ").append(fallback.text()).append('\n');
            }
            return out.toString();
        }

        /** @return the end reasons in order of first appearance in the text (rules, then the fallback). */
        List<String> endReasons()
        {
            final List<String> reasons = new ArrayList<>();
            for (final Rule rule : rules)
            {
                if (rule.route().end() && !reasons.contains(rule.route().name()))
                {
                    reasons.add(rule.route().name());
                }
            }
            if (fallback != null && fallback.end() && !reasons.contains(fallback.name()))
            {
                reasons.add(fallback.name());
            }
            return reasons;
        }

        /**
         * @return the decision for these attributes: the first matching rule (a rule without a route takes the
         *     fallback's), else the fallback, else null.
         */
        Decision classify(final Map<String, Object> attributes)
        {
            for (final Rule rule : rules)
            {
                if (rule.condition().test(attributes))
                {
                    final Route route = rule.route() != Route.NONE || fallback == null ? rule.route() : fallback;
                    if (route == Route.NONE)
                    {
                        return null;
                    }
                    return new Decision(route, priorityOf(rule.priority()), rule.profile(), rule.name());
                }
            }
            return fallback == null ? null : new Decision(fallback, KEEP, null, "fallback");
        }

        private static int priorityOf(final String priority)
        {
            if (priority == null)
            {
                return KEEP;
            }
            final Integer level = LEVELS.get(priority);
            return level != null ? level : Integer.parseInt(priority);
        }
    }

    /** A classification: the route, the priority ({@link #KEEP} to keep the host's), the profile or null. */
    record Decision(Route route, int priority, String profile, String rule)
    {
    }

    // ================================================================================================ derived views

    /** @return the queue's policies, or null when it has none. */
    QueueDraft queue(final String name)
    {
        for (final QueueDraft queue : queues)
        {
            if (queue.queue().equals(name))
            {
                return queue;
            }
        }
        return null;
    }

    /** @return the SLA id (definition order) of that name, or -1. */
    int slaId(final String name)
    {
        for (int i = 0; i < slas.size(); i++)
        {
            if (slas.get(i).name().equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    /** @return the end reasons as POLICIES.md §3.3 numbers them: the rules' first, then the overflow rules'. */
    List<String> endReasons()
    {
        final List<String> reasons = new ArrayList<>(rules == null ? List.of() : rules.endReasons());
        for (final QueueDraft queue : queues)
        {
            for (final Overflow rule : queue.overflow())
            {
                if (rule.action() == OverflowAction.END && !reasons.contains(rule.reason()))
                {
                    reasons.add(rule.reason());
                }
            }
        }
        return reasons;
    }

    /** @return true when something needs per-item state: an SLA, or a queue with overflow, SLA or sentiment. */
    boolean tracking()
    {
        if (!slas.isEmpty())
        {
            return true;
        }
        for (final QueueDraft queue : queues)
        {
            if (!queue.overflow().isEmpty() || queue.sla() != null || queue.alert() != null || queue.raiseAt() != null)
            {
                return true;
            }
        }
        return false;
    }

    /** @return every queue name the definition refers to (policies, transfer targets, rule routes). */
    List<String> queueNames()
    {
        final List<String> names = new ArrayList<>();
        for (final QueueDraft queue : queues)
        {
            names.add(queue.queue());
            for (final Overflow rule : queue.overflow())
            {
                if (rule.action() == OverflowAction.TRANSFER)
                {
                    names.add(rule.target());
                }
            }
        }
        if (rules != null)
        {
            for (final Rule rule : rules.rules())
            {
                if (rule.route() != Route.NONE && !rule.route().end())
                {
                    names.add(rule.route().name());
                }
            }
            if (rules.fallback() != null && !rules.fallback().end())
            {
                names.add(rules.fallback().name());
            }
        }
        return names;
    }

    // ================================================================================================ engine form

    /** @return the definition built with the public builders (which validate it). */
    ServicePolicies build()
    {
        final ServicePolicies.Builder builder = ServicePolicies.builder().timeOrigin(ORIGIN).maxOverflowHops(maxHops);
        if (rules != null)
        {
            builder.rules(RuleSet.compile(rules.text()));
        }
        for (final Sla sla : slas)
        {
            final SlaSpec spec = new SlaSpec().calendar(sla.calendar().engineCalendar())
                .raiseOnFailure(sla.raiseOnFailure()).curve(sla.curve()).curveSteps(sla.curveSteps());
            if (sla.measures(0))
            {
                spec.firstResponse(sla.warningMs()[0], sla.failureMs()[0]);
            }
            if (sla.measures(1))
            {
                spec.resolution(sla.warningMs()[1], sla.failureMs()[1]);
            }
            if (sla.condition() != null)
            {
                spec.appliesWhen(sla.condition().text());
            }
            builder.sla(sla.name(), spec);
        }
        for (final QueueDraft queue : queues)
        {
            final QueuePolicy policy = new QueuePolicy().expectedHandleMs(queue.expectedHandleMs());
            queue.overflow().forEach(rule -> policy.overflow(rule.toRule()));
            if (queue.hours() != null)
            {
                policy.operatingHours(queue.hours().engineCalendar());
            }
            if (queue.sla() != null)
            {
                policy.sla(queue.sla());
            }
            if (queue.alert() != null)
            {
                policy.sentimentAlert(queue.alert());
            }
            if (queue.raiseAt() != null)
            {
                policy.sentimentRaise(queue.raiseAt(), queue.raiseTo());
            }
            builder.queue(queue.queue(), policy);
        }
        return builder.build();
    }

    /** @return the {@code installPolicies} body (computed once). */
    byte[] encode()
    {
        if (encoded == null)
        {
            encoded = PolicyCodec.encode(build(), profiles);
        }
        return encoded;
    }

    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder("policies{hops=").append(maxHops);
        if (rules != null)
        {
            out.append(", rules=[").append(rules.text().replace("ruleset model\n", "").replace("\n", "; "))
                .append(']');
        }
        if (!profiles.isEmpty())
        {
            out.append(", profiles=").append(new LinkedHashMap<>(profiles));
        }
        out.append(", slas=").append(slas);
        for (final QueueDraft queue : queues)
        {
            out.append(", ").append(queue.queue()).append("{").append(queue.overflow());
            if (queue.hours() != null)
            {
                out.append(", hours ").append(queue.hours());
            }
            if (queue.sla() != null)
            {
                out.append(", sla ").append(queue.sla());
            }
            if (queue.alert() != null)
            {
                out.append(", alert<=").append(queue.alert());
            }
            if (queue.raiseAt() != null)
            {
                out.append(", raise<=").append(queue.raiseAt()).append(" to ").append(queue.raiseTo());
            }
            if (queue.expectedHandleMs() > 0)
            {
                out.append(", aht ").append(queue.expectedHandleMs());
            }
            out.append('}');
        }
        return out.append('}').toString();
    }
}
