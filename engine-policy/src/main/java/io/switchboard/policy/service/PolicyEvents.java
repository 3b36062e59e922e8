package io.switchboard.policy.service;

import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.model.OverflowAction;

/**
 * Receives the events of the service-policy layer, synchronously, on the engine thread, interleaved in order with
 * the engine's own {@link io.switchboard.engine.EngineEvents}. Arguments are primitives and enum constants, so
 * publishing allocates nothing; an implementation must copy what it keeps and must not call back into the
 * {@link PolicyEngine} or its engine.
 *
 * <p>Queues are engine queue handles; end reasons index {@link ServicePolicies#endReasons()}.
 */
public interface PolicyEvents
{
    /** Ignores every event. */
    PolicyEvents NONE = new PolicyEvents()
    {
        @Override
        public void onRouted(final long now, final long itemId, final int queue, final int priority)
        {
        }

        @Override
        public void onEndedByRule(final long now, final long itemId, final int reason)
        {
        }

        @Override
        public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
            final int target)
        {
        }

        @Override
        public void onOverflowStopped(final long now, final long itemId, final int queue)
        {
        }

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
        }

        @Override
        public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
        {
        }
    };

    /**
     * A new item is about to enter {@code queue} (after classification and before-queueing overflow); the engine's
     * {@code enqueue} follows at once, so the host can set up its own view of the item before the engine offers it.
     * (A transfer is reported by the engine's {@code onTransferred}.)
     *
     * @param priority the priority it enters with, policy raises included.
     */
    void onRouted(long now, long itemId, int queue, int priority);

    /**
     * The classification rules decided to end a new item instead of queueing it (e.g. an SMS opt-out); it never
     * entered the engine.
     */
    void onEndedByRule(long now, long itemId, int reason);

    /**
     * An overflow rule of {@code fromQueue} acted on the item. Emitted just before the action takes effect, so for
     * a {@code TRANSFER} of a live item the engine's {@code onTransferred} follows, and for an {@code END} of a live
     * item the engine's {@code onEnded(CANCELLED)} follows; a new item ended before queueing never entered the
     * engine.
     *
     * @param target the queue for {@link OverflowAction#TRANSFER}, the new priority for
     *               {@link OverflowAction#RAISE_PRIORITY}, the end reason for {@link OverflowAction#END}, else -1.
     */
    void onOverflowed(long now, long itemId, int fromQueue, OverflowAction action, int target);

    /**
     * A transfer rule of {@code queue} would have moved the item again, but it has already made
     * {@link ServicePolicies#maxOverflowHops()} overflow transfers: the rule is skipped (an overflow loop stopped at
     * run time).
     */
    void onOverflowStopped(long now, long itemId, int queue);

    /** The item's {@code kpi} has used its SLA's warning time; {@code queue} is where the item is now. */
    void onSlaWarning(long now, long itemId, int queue, SlaKpi kpi);

    /** The item's {@code kpi} has used its SLA's failure time; any priority raise on failure follows. */
    void onSlaBreached(long now, long itemId, int queue, SlaKpi kpi);

    /** The host reported a sentiment at or below the queue's alert threshold (once until it rises above again). */
    void onSentimentAlert(long now, long itemId, int queue, Sentiment level);
}
