package io.switchboard.policy.spec;

import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.OverflowAction;
import java.util.Objects;

/**
 * One overflow rule of a queue: a condition ({@link OverflowTrigger}) and an action ({@link OverflowAction}).
 * Written as a sentence:
 *
 * <pre>
 * OverflowRule.whenWaitingAtLeast(6).transferTo("tier1")
 * OverflowRule.whenNoAgentLoggedIn().endWith("no-agents")
 * OverflowRule.whenEstimatedWaitAtLeast(300_000).requestCallback()
 * OverflowRule.whenOutsideOperatingHours().requestVoicemail()
 * OverflowRule.afterWaiting(600_000).raisePriorityTo(100)
 * </pre>
 *
 * <p>A queue's before-queueing rules are tried in the order they were added and the first whose condition holds
 * acts; in-queue rules each fire once per queue visit, in order of their wait. Immutable; safe on any thread.
 */
public final class OverflowRule
{
    private final OverflowTrigger trigger;
    private final long threshold;
    private final OverflowAction action;
    private final String name;
    private final int priority;

    private OverflowRule(final OverflowTrigger trigger, final long threshold, final OverflowAction action,
        final String name, final int priority)
    {
        this.trigger = trigger;
        this.threshold = threshold;
        this.action = action;
        this.name = name;
        this.priority = priority;
    }

    /**
     * @param items 0 or more; 0 always holds.
     * @return the condition "at least {@code items} items already wait in the queue" (before queueing).
     */
    public static Condition whenWaitingAtLeast(final int items)
    {
        if (items < 0)
        {
            throw new PolicySetupException("whenWaitingAtLeast: items must be 0 or more, was " + items);
        }
        return new Condition(OverflowTrigger.WAITING_AT_LEAST, items);
    }

    /**
     * @return the condition "no member of the queue is logged in" (before queueing).
     */
    public static Condition whenNoAgentLoggedIn()
    {
        return new Condition(OverflowTrigger.NO_AGENT_LOGGED_IN, 0);
    }

    /**
     * @param waitMs 0 or more milliseconds.
     * @return the condition "the estimated wait is at least {@code waitMs}" (before queueing).
     */
    public static Condition whenEstimatedWaitAtLeast(final long waitMs)
    {
        if (waitMs < 0 || waitMs > RoutingEngine.MAX_DURATION_MS)
        {
            throw new PolicySetupException("whenEstimatedWaitAtLeast: the wait must be 0.." +
                RoutingEngine.MAX_DURATION_MS + " ms, was " + waitMs);
        }
        return new Condition(OverflowTrigger.ESTIMATED_WAIT_AT_LEAST, waitMs);
    }

    /**
     * @return the condition "the queue's operating hours are closed" (before queueing; a queue without operating
     * hours is always open).
     */
    public static Condition whenOutsideOperatingHours()
    {
        return new Condition(OverflowTrigger.OUTSIDE_OPERATING_HOURS, 0);
    }

    /**
     * @param waitMs more than 0 milliseconds (a zero wait is a before-queueing rule).
     * @return the condition "the item has waited {@code waitMs} in this queue" (in queue).
     */
    public static Condition afterWaiting(final long waitMs)
    {
        if (waitMs <= 0 || waitMs > RoutingEngine.MAX_DURATION_MS)
        {
            throw new PolicySetupException("afterWaiting: the wait must be 1.." + RoutingEngine.MAX_DURATION_MS +
                " ms, was " + waitMs);
        }
        return new Condition(OverflowTrigger.WAITED_AT_LEAST, waitMs);
    }

    /**
     * @return the condition.
     */
    public OverflowTrigger trigger()
    {
        return trigger;
    }

    /**
     * @return the condition's number: items for {@link OverflowTrigger#WAITING_AT_LEAST}, milliseconds for the
     * wait conditions, 0 otherwise.
     */
    public long threshold()
    {
        return threshold;
    }

    /**
     * @return the action.
     */
    public OverflowAction action()
    {
        return action;
    }

    /**
     * @return the target queue's name for {@link OverflowAction#TRANSFER}, else null.
     */
    public String targetQueue()
    {
        return action == OverflowAction.TRANSFER ? name : null;
    }

    /**
     * @return the end reason for {@link OverflowAction#END}, else null.
     */
    public String endReason()
    {
        return action == OverflowAction.END ? name : null;
    }

    /**
     * @return the priority for {@link OverflowAction#RAISE_PRIORITY}, else -1.
     */
    public int priority()
    {
        return priority;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof OverflowRule && toString().equals(other.toString());
    }

    @Override
    public int hashCode()
    {
        return toString().hashCode();
    }

    @Override
    public String toString()
    {
        final String condition;
        switch (trigger)
        {
            case WAITING_AT_LEAST:
                condition = "waiting >= " + threshold;
                break;
            case NO_AGENT_LOGGED_IN:
                condition = "no agent logged in";
                break;
            case ESTIMATED_WAIT_AT_LEAST:
                condition = "estimated wait >= " + threshold + "ms";
                break;
            case OUTSIDE_OPERATING_HOURS:
                condition = "outside operating hours";
                break;
            default:
                condition = "waited >= " + threshold + "ms";
                break;
        }
        final String what;
        switch (action)
        {
            case TRANSFER:
                what = "transfer to " + name;
                break;
            case RAISE_PRIORITY:
                what = "raise priority to " + priority;
                break;
            case END:
                what = "end with " + name;
                break;
            default:
                what = action.name().toLowerCase(java.util.Locale.ROOT);
                break;
        }
        return "when " + condition + " -> " + what;
    }

    /**
     * The condition half of a rule; choose the action to get the rule. Immutable; safe on any thread.
     */
    public static final class Condition
    {
        private final OverflowTrigger trigger;
        private final long threshold;

        private Condition(final OverflowTrigger trigger, final long threshold)
        {
            this.trigger = trigger;
            this.threshold = threshold;
        }

        /**
         * @param queue the target queue's name.
         * @return the rule.
         */
        public OverflowRule transferTo(final String queue)
        {
            return new OverflowRule(trigger, threshold, OverflowAction.TRANSFER, name(queue, "queue"), -1);
        }

        /**
         * @param priority 0..1,000,000; the item's priority becomes at least this.
         * @return the rule.
         */
        public OverflowRule raisePriorityTo(final int priority)
        {
            ServicePolicies.checkPriority(priority, "raisePriorityTo");
            return new OverflowRule(trigger, threshold, OverflowAction.RAISE_PRIORITY, null, priority);
        }

        /**
         * @param reason a non-blank reason name, reported with the event.
         * @return the rule.
         */
        public OverflowRule endWith(final String reason)
        {
            return new OverflowRule(trigger, threshold, OverflowAction.END, name(reason, "end reason"), -1);
        }

        /**
         * @return the rule that flags the item for a callback.
         */
        public OverflowRule requestCallback()
        {
            return new OverflowRule(trigger, threshold, OverflowAction.CALLBACK, null, -1);
        }

        /**
         * @return the rule that flags the item for voicemail.
         */
        public OverflowRule requestVoicemail()
        {
            return new OverflowRule(trigger, threshold, OverflowAction.VOICEMAIL, null, -1);
        }

        private static String name(final String name, final String what)
        {
            if (Objects.requireNonNull(name, what).isBlank())
            {
                throw new PolicySetupException("the " + what + " of an overflow rule must not be blank");
            }
            return name;
        }
    }
}
