package io.switchboard.policy.service;

import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;

/**
 * The policy engine's command frame. {@link #begin} runs before every command: it fires the policy timers due at or
 * before the command's {@code now}, each at its own deadline and after the engine's timers due by then (by ticking
 * the engine to that deadline first), so that late ticks give the same events as timely ones; then it ticks the
 * engine to {@code now}, so that the command's policy decisions see the engine at {@code now} and both keep one
 * clock. {@link #finish} runs after every command: it applies the follow-ups engine callbacks queued in
 * {@link DeferredWork}.
 * Not thread safe: the engine thread.
 */
final class TimerPump
{
    private final RoutingEngine engine;
    private final PolicyItems items;
    private final PolicyTimers timers;
    private final DeferredWork deferred;
    private final OverflowRouter overflow;
    private final SlaClock sla;
    private long lastNow = Long.MIN_VALUE;

    TimerPump(final RoutingEngine engine, final PolicyItems items,
        final PolicyTimers timers, final DeferredWork deferred, final OverflowRouter overflow, final SlaClock sla)
    {
        this.engine = engine;
        this.items = items;
        this.timers = timers;
        this.deferred = deferred;
        this.overflow = overflow;
        this.sla = sla;
    }

    /** @return the latest time the policy layer has seen, or 0 before the first command. */
    long time()
    {
        return lastNow == Long.MIN_VALUE ? 0 : lastNow;
    }

    /** Restores the latest time seen (from a snapshot). */
    void restoreTime(final long time)
    {
        lastNow = time;
    }

    /** @return the latest time seen, as the snapshot records it. */
    long lastNow()
    {
        return lastNow;
    }

    /** @return true when {@code now} is earlier than a time already seen (the engine will reject the command). */
    boolean regressed(final long now)
    {
        return now < lastNow;
    }

    /**
     * Fires the policy timers due at or before {@code now}, then ticks the engine to {@code now} (its timers due by
     * then fire, so that the command's own policy decisions see the engine as it is at {@code now}, and the engine's
     * clock is the policies'); nothing when time went backwards.
     *
     * @return {@code now}, so that a forwarded command reads {@code engine.x(pump.begin(now), ...)}.
     */
    long begin(final long now)
    {
        if (now < lastNow)
        {
            return now;
        }
        while (timers.nextDeadline() <= now)
        {
            final long at = Math.max(timers.nextDeadline(), lastNow);
            lastNow = at;
            if (engine.nextDeadline() <= at)
            {
                engine.tick(at);
                drain(at);
                continue;
            }
            final int timer = timers.pop();
            final int slot = timer / PolicyTimers.KINDS;
            final int kind = timer - slot * PolicyTimers.KINDS;
            if (kind == PolicyTimers.OVERFLOW)
            {
                overflow.fire(slot, at);
            }
            else
            {
                sla.fire(slot, kind - PolicyTimers.FIRST_RESPONSE, at);
            }
            drain(at);
        }
        lastNow = now;
        // The engine's timers due by now fire before the command, so that its policy decisions see the engine at
        // now; and the engine's clock is the policies': a later command stamped before a policy command is
        // TIME_REGRESSED for the routing engine too.
        engine.tick(now);
        drain(now);
        return now;
    }

    /** Applies the follow-ups engine callbacks queued during the command; returns {@code result}. */
    Result finish(final Result result, final long now)
    {
        drain(Math.max(now, lastNow));
        return result;
    }

    private void drain(final long now)
    {
        final DeferredWork work = deferred;
        while (!work.isEmpty())
        {
            work.pop();
            final int slot = work.slot;
            if (items.holds(slot, work.id))
            {
                items.flags[slot] &= ~PolicyItems.DEFERRED;
                if (items.visit[slot] == work.visit)
                {
                    overflow.applyDue(slot, now);
                }
            }
        }
    }
}
