package io.switchboard.policy.spec;

import io.switchboard.model.Sentiment;
import io.switchboard.policy.calendar.BusinessCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Setup description of one queue's service policies: overflow rules, operating hours, default SLA, sentiment
 * thresholds. A mutable builder read once by {@link ServicePolicies.Builder#queue(String, QueuePolicy)}; not thread
 * safe.
 */
public final class QueuePolicy
{
    final List<OverflowRule> overflow = new ArrayList<>();
    BusinessCalendar hours;
    String sla;
    Sentiment alertAtOrBelow;
    Sentiment raiseAtOrBelow;
    int raiseTo = -1;
    long expectedHandleMs;

    /**
     * Adds an overflow rule; before-queueing rules are tried in the order they are added.
     *
     * @param rule the rule.
     * @return this.
     */
    public QueuePolicy overflow(final OverflowRule rule)
    {
        overflow.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /**
     * @param hours the queue's operating hours, read by {@link OverflowTrigger#OUTSIDE_OPERATING_HOURS}; without it
     *              the queue is always open.
     * @return this.
     */
    public QueuePolicy operatingHours(final BusinessCalendar hours)
    {
        this.hours = Objects.requireNonNull(hours, "hours");
        return this;
    }

    /**
     * @param slaName the SLA items entering through this queue get when no SLA condition or host choice applies.
     * @return this.
     */
    public QueuePolicy sla(final String slaName)
    {
        this.sla = Objects.requireNonNull(slaName, "slaName");
        return this;
    }

    /**
     * @param level when an item's reported sentiment drops to this level or below,
     *              {@link io.switchboard.engine.EngineEvents#onSentimentAlert} fires (once, until the sentiment rises
     *              above it again).
     * @return this.
     */
    public QueuePolicy sentimentAlert(final Sentiment level)
    {
        this.alertAtOrBelow = Objects.requireNonNull(level, "level");
        return this;
    }

    /**
     * @param level    when an item's reported sentiment is at this level or below...
     * @param priority ...its priority becomes at least this (0..1,000,000).
     * @return this.
     */
    public QueuePolicy sentimentRaise(final Sentiment level, final int priority)
    {
        this.raiseAtOrBelow = Objects.requireNonNull(level, "level");
        this.raiseTo = priority;
        return this;
    }

    /**
     * @param handleMs the handle time the estimated wait assumes until the first item of the queue is released
     *                 (default 0: no estimate before then).
     * @return this.
     */
    public QueuePolicy expectedHandleMs(final long handleMs)
    {
        this.expectedHandleMs = handleMs;
        return this;
    }
}
