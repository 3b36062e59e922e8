package io.switchboard.policy.service;

import io.switchboard.engine.EngineEvents;

import io.switchboard.model.Sentiment;

/**
 * Applies a queue's sentiment thresholds to a reported sentiment: an alert when the level drops to the alert
 * threshold or below (once, re-armed when it rises above again), and a priority raise at the raise threshold or
 * below. Not thread safe: the engine thread, outside engine callbacks.
 */
final class SentimentWatch
{
    private final PolicyItems items;
    private final EngineEvents events;
    private final PriorityLadder ladder;
    private InstalledPolicies policies;

    SentimentWatch(final PolicyItems items, final EngineEvents events, final PriorityLadder ladder)
    {
        this.items = items;
        this.events = events;
        this.ladder = ladder;
    }

    void install(final InstalledPolicies policies)
    {
        this.policies = policies;
    }

    void report(final int slot, final Sentiment level, final long now)
    {
        final int q = items.queue[slot];
        final int ordinal = level.ordinal();
        items.sentiment[slot] = (byte)ordinal;
        final int alert = policies.alertLevel[q];
        if (alert >= 0)
        {
            if (ordinal > alert)
            {
                items.flags[slot] &= ~PolicyItems.ALERTED;
            }
            else if ((items.flags[slot] & PolicyItems.ALERTED) == 0)
            {
                items.flags[slot] |= PolicyItems.ALERTED;
                events.onSentimentAlert(now, items.id[slot], q, level);
            }
        }
        final int raise = policies.raiseLevel[q];
        if (raise >= 0 && ordinal <= raise)
        {
            ladder.raiseFloor(slot, policies.raiseTo[q]);
            ladder.refresh(slot, now);
        }
    }
}
