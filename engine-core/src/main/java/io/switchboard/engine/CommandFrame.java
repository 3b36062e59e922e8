package io.switchboard.engine;

/**
 * What every command does around its own effects (ROUTING.md §1): check that time does not go backwards and fire
 * the timers due by {@code now} ({@link #begin}), run the assignment cycle after an accepted command
 * ({@link #done}) or report a rejection ({@link #rejected}). It also keeps the engine's latest {@code now}.
 *
 * <p>Not thread safe: engine thread only.
 */
final class CommandFrame
{
    private final Transitions transitions;
    private final AssignmentCycle cycle;
    private final RoutingIndex index;
    private final EngineEvents events;
    long lastNow = Long.MIN_VALUE;

    CommandFrame(final Transitions transitions)
    {
        this.transitions = transitions;
        this.cycle = transitions.cycle;
        this.index = transitions.index;
        this.events = transitions.events;
    }

    /**
     * Checks the command's time and fires the timers due by then.
     *
     * @return OK; {@link Result#INVALID_TIME} when {@code now} is outside {@code 0 <= now <}
     *     {@link RoutingEngine#MAX_TIME}; {@link Result#TIME_REGRESSED} when it is earlier than a time already seen.
     *     Nothing happens unless OK.
     */
    Result begin(final long now)
    {
        if (now < 0 || now >= RoutingEngine.MAX_TIME)
        {
            return Result.INVALID_TIME;
        }
        if (now < lastNow)
        {
            return Result.TIME_REGRESSED;
        }
        lastNow = now;
        transitions.now = now;
        transitions.fireDueTimers();
        return Result.OK;
    }

    /** The time a command without its own {@code now} (a direct setup call) runs at: the latest seen, or 0. */
    long currentTime()
    {
        return lastNow == Long.MIN_VALUE ? 0 : lastNow;
    }

    /** Runs the assignment cycle after an accepted command. */
    Result done()
    {
        cycle.run();
        return Result.OK;
    }

    /** The agent's presence, readiness or rank may have changed: presence rule, ready heaps, then routing. */
    void agentChanged(final int agent)
    {
        transitions.applyPresenceRule(agent);
        transitions.agents.updateReady(agent);
        index.refresh(agent);
        cycle.markAgent(agent);
    }

    Result rejected(final long now, final CommandType type, final Result reason, final long subject)
    {
        events.onCommandRejected(now, type, reason, subject);
        return reason;
    }
}
