package io.switchboard.policy.spec;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.OverflowAction;
import io.switchboard.policy.calendar.BusinessCalendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One queue's policies, validated and frozen by name (queue handles are resolved when a
 * {@link io.switchboard.policy.service.PolicyEngine} installs them). Immutable; safe on any thread.
 */
public final class QueueSettings
{
    private final String name;
    private final List<OverflowRule> rules;
    private final List<OverflowRule> beforeQueueing;
    private final List<OverflowRule> inQueue;
    private final BusinessCalendar hours;
    private final String sla;
    private final int alertLevel;
    private final int raiseLevel;
    private final int raiseTo;
    private final long expectedHandleMs;

    QueueSettings(final String name, final QueuePolicy policy)
    {
        if (name == null || name.isBlank())
        {
            throw new PolicySetupException("a queue policy needs a non-blank queue name");
        }
        this.name = name;
        this.rules = List.copyOf(policy.overflow);
        final List<OverflowRule> before = new ArrayList<>();
        final List<OverflowRule> in = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++)
        {
            final OverflowRule rule = rules.get(i);
            if (rule.action() == OverflowAction.TRANSFER && rule.targetQueue().equals(name))
            {
                throw PolicySetupException.ofQueue(name, i, "a queue cannot overflow to itself");
            }
            (rule.trigger().beforeQueueing() ? before : in).add(rule);
        }
        in.sort(Comparator.comparingLong(OverflowRule::threshold)); // stable: equal waits keep their order
        this.beforeQueueing = List.copyOf(before);
        this.inQueue = List.copyOf(in);
        this.hours = policy.hours;
        this.sla = policy.sla;
        this.alertLevel = policy.alertAtOrBelow == null ? -1 : policy.alertAtOrBelow.ordinal();
        this.raiseLevel = policy.raiseAtOrBelow == null ? -1 : policy.raiseAtOrBelow.ordinal();
        this.raiseTo = policy.raiseTo;
        if (raiseLevel >= 0)
        {
            ServicePolicies.checkPriority(raiseTo, "queue '" + name + "': sentimentRaise");
        }
        if (policy.expectedHandleMs < 0 || policy.expectedHandleMs > RoutingEngine.MAX_DURATION_MS)
        {
            throw PolicySetupException.ofQueue(name, -1, "expectedHandleMs must be 0.." +
                RoutingEngine.MAX_DURATION_MS + ", was " + policy.expectedHandleMs);
        }
        this.expectedHandleMs = policy.expectedHandleMs;
    }

    /** @return true when the queue has anything that needs per-item state. */
    /** @return true when the queue has a policy that needs per-item state (overflow, SLA, sentiment). */
    public boolean isActive()
    {
        return !rules.isEmpty() || sla != null || alertLevel >= 0 || raiseLevel >= 0;
    }

    /** @return the queue's name. */
    public String name()
    {
        return name;
    }

    /** @return every overflow rule, in the order given. */
    public List<OverflowRule> rules()
    {
        return rules;
    }

    /** @return the before-queueing rules, in the order given. */
    public List<OverflowRule> beforeQueueing()
    {
        return beforeQueueing;
    }

    /** @return the in-queue rules, by wait. */
    public List<OverflowRule> inQueue()
    {
        return inQueue;
    }

    /** @return the operating hours, or null when the queue is always open. */
    public BusinessCalendar hours()
    {
        return hours;
    }

    /** @return the name of the queue's default SLA, or null. */
    public String sla()
    {
        return sla;
    }

    /** @return the sentiment ordinal at or below which an alert fires, or -1. */
    public int alertLevel()
    {
        return alertLevel;
    }

    /** @return the sentiment ordinal at or below which the priority is raised, or -1. */
    public int raiseLevel()
    {
        return raiseLevel;
    }

    /** @return the priority a sentiment raise gives, or -1. */
    public int raiseTo()
    {
        return raiseTo;
    }

    /** @return the handle time the estimated wait assumes before the first release, ms. */
    public long expectedHandleMs()
    {
        return expectedHandleMs;
    }
}
