package io.switchboard.policy.service;

import io.switchboard.model.OverflowAction;
import io.switchboard.policy.calendar.BusinessCalendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One queue's policies, validated and frozen by name (queue handles are resolved when a {@link PolicyEngine}
 * installs them). Immutable; safe on any thread.
 */
final class QueueSettings
{
    final String name;
    final List<OverflowRule> rules;
    final List<OverflowRule> beforeQueueing;
    final List<OverflowRule> inQueue;
    final BusinessCalendar hours;
    final String sla;
    final int alertLevel;
    final int raiseLevel;
    final int raiseTo;
    final long expectedHandleMs;

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
        if (policy.expectedHandleMs < 0)
        {
            throw PolicySetupException.ofQueue(name, -1, "expectedHandleMs must be 0 or more");
        }
        this.expectedHandleMs = policy.expectedHandleMs;
    }

    /** @return true when the queue has anything that needs per-item state. */
    boolean isActive()
    {
        return !rules.isEmpty() || sla != null || alertLevel >= 0 || raiseLevel >= 0;
    }
}
