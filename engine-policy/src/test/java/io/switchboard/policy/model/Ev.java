package io.switchboard.policy.model;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;

import java.util.ArrayList;
import java.util.List;

/**
 * One event of the policy engine's stream as a value: the seven policy events the reference predicts and the
 * routing events it reads as facts. Unused fields are 0 / -1 / null so that equal events are equal records.
 *
 * @param queue  the queue (from-queue of a transfer or an overflow)
 * @param other  routed priority, end reason, overflow target, to-queue of a transfer, setup handle
 * @param detail an enum: overflow action, KPI, sentiment, assign / requeue / end reason, presence, rejection
 */
record Ev(Kind kind, long now, long item, int queue, int agent, int other, long number, Object detail)
{
    enum Kind
    {
        // policy events, predicted by the reference
        ROUTED, ENDED_BY_RULE, OVERFLOWED, OVERFLOW_STOPPED, SLA_WARNING, SLA_BREACHED, SENTIMENT_ALERT,
        // routing events, read as facts
        OFFERED, ASSIGNED, OFFER_REJECTED, OFFER_TIMED_OUT, REQUEUED, RELEASED, WRAP_UP_ENDED, TRANSFERRED, ENDED,
        STEP_ADVANCED, PRESENCE, SETUP, REJECTED;

        boolean isPolicy()
        {
            return ordinal() <= SENTIMENT_ALERT.ordinal();
        }
    }

    boolean isPolicy()
    {
        return kind.isPolicy();
    }

    static Ev routed(final long now, final long item, final int queue, final int priority)
    {
        return new Ev(Kind.ROUTED, now, item, queue, -1, priority, 0, null);
    }

    static Ev endedByRule(final long now, final long item, final int reason)
    {
        return new Ev(Kind.ENDED_BY_RULE, now, item, -1, -1, reason, 0, null);
    }

    static Ev overflowed(final long now, final long item, final int from, final OverflowAction action, final int target)
    {
        return new Ev(Kind.OVERFLOWED, now, item, from, -1, target, 0, action);
    }

    static Ev overflowStopped(final long now, final long item, final int queue)
    {
        return new Ev(Kind.OVERFLOW_STOPPED, now, item, queue, -1, -1, 0, null);
    }

    static Ev slaWarning(final long now, final long item, final int queue, final SlaKpi kpi)
    {
        return new Ev(Kind.SLA_WARNING, now, item, queue, -1, -1, 0, kpi);
    }

    static Ev slaBreached(final long now, final long item, final int queue, final SlaKpi kpi)
    {
        return new Ev(Kind.SLA_BREACHED, now, item, queue, -1, -1, 0, kpi);
    }

    static Ev sentimentAlert(final long now, final long item, final int queue, final Sentiment level)
    {
        return new Ev(Kind.SENTIMENT_ALERT, now, item, queue, -1, -1, 0, level);
    }

    static Ev rejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        return new Ev(Kind.REJECTED, now, subject, -1, -1, command.ordinal(), 0, reason);
    }

    CommandType command()
    {
        return CommandType.values()[other];
    }

    @Override
    public String toString()
    {
        final String at = now % 1000 == 0 ? now / 1000 + "s" : now + "ms";
        switch (kind)
        {
            case ROUTED:
                return at + " routed " + item + " q" + queue + " p=" + other;
            case ENDED_BY_RULE:
                return at + " endedByRule " + item + " reason=" + other;
            case OVERFLOWED:
                return at + " overflowed " + item + " q" + queue + " " + detail + " "
                    + (detail == OverflowAction.TRANSFER ? "q" : "") + other;
            case OVERFLOW_STOPPED:
                return at + " overflowStopped " + item + " q" + queue;
            case SLA_WARNING:
                return at + " slaWarning " + item + " q" + queue + " " + detail;
            case SLA_BREACHED:
                return at + " slaBreached " + item + " q" + queue + " " + detail;
            case SENTIMENT_ALERT:
                return at + " sentimentAlert " + item + " q" + queue + " " + detail;
            case OFFERED:
                return at + "   offered " + item + " agent=" + agent + " q" + queue + " offer=" + number;
            case ASSIGNED:
                return at + "   assigned " + item + " agent=" + agent + " q" + queue + " offer=" + number + " "
                    + detail;
            case OFFER_REJECTED:
                return at + "   offerRejected " + item + " agent=" + agent;
            case OFFER_TIMED_OUT:
                return at + "   offerTimedOut " + item + " agent=" + agent;
            case REQUEUED:
                return at + "   requeued " + item + " q" + queue + " " + detail;
            case RELEASED:
                return at + "   released " + item + " agent=" + agent + " wrapUp=" + number;
            case WRAP_UP_ENDED:
                return at + "   wrapUpEnded " + item + " agent=" + agent;
            case TRANSFERRED:
                return at + "   transferred " + item + " q" + queue + " -> q" + other
                    + (agent >= 0 ? " agent=" + agent : "");
            case ENDED:
                return at + "   ended " + item + " q" + queue + " " + detail;
            case STEP_ADVANCED:
                return at + "   stepAdvanced " + item + " step=" + other;
            case PRESENCE:
                return at + "   presence agent=" + agent + " " + detail;
            case SETUP:
                return at + "   setup " + detail + " handle=" + other + " v" + number;
            default:
                return at + "   rejected " + command() + " " + detail + " subject=" + item;
        }
    }

    /** Records every event of the policy engine's stream, in order. */
    static final class Log implements EngineEvents
    {
        final List<Ev> events = new ArrayList<>();

        private void add(final Ev event)
        {
            events.add(event);
        }

        @Override
        public void onRouted(final long now, final long itemId, final int queue, final int priority)
        {
            add(routed(now, itemId, queue, priority));
        }

        @Override
        public void onEndedByRule(final long now, final long itemId, final int reason)
        {
            add(endedByRule(now, itemId, reason));
        }

        @Override
        public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
            final int target)
        {
            add(overflowed(now, itemId, fromQueue, action, target));
        }

        @Override
        public void onOverflowStopped(final long now, final long itemId, final int queue)
        {
            add(overflowStopped(now, itemId, queue));
        }

        @Override
        public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            add(slaWarning(now, itemId, queue, kpi));
        }

        @Override
        public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
        {
            add(slaBreached(now, itemId, queue, kpi));
        }

        @Override
        public void onSentimentAlert(final long now, final long itemId, final int queue, final Sentiment level)
        {
            add(sentimentAlert(now, itemId, queue, level));
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            add(new Ev(Kind.OFFERED, now, itemId, queue, agent, -1, offerId, null));
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
            final AssignReason reason)
        {
            add(new Ev(Kind.ASSIGNED, now, itemId, queue, agent, -1, offerId, reason));
        }

        @Override
        public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
        {
            add(new Ev(Kind.OFFER_REJECTED, now, itemId, -1, agent, -1, offerId, null));
        }

        @Override
        public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
        {
            add(new Ev(Kind.OFFER_TIMED_OUT, now, itemId, -1, agent, -1, offerId, null));
        }

        @Override
        public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
        {
            add(new Ev(Kind.REQUEUED, now, itemId, queue, -1, -1, 0, reason));
        }

        @Override
        public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
        {
            add(new Ev(Kind.RELEASED, now, itemId, -1, agent, -1, wrapUpMs, null));
        }

        @Override
        public void onWrapUpEnded(final long now, final long itemId, final int agent)
        {
            add(new Ev(Kind.WRAP_UP_ENDED, now, itemId, -1, agent, -1, 0, null));
        }

        @Override
        public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
            final int toAgent)
        {
            add(new Ev(Kind.TRANSFERRED, now, itemId, fromQueue, toAgent, toQueue, 0, null));
        }

        @Override
        public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
        {
            add(new Ev(Kind.ENDED, now, itemId, queue, -1, -1, 0, reason));
        }

        @Override
        public void onStepAdvanced(final long now, final long itemId, final int step)
        {
            add(new Ev(Kind.STEP_ADVANCED, now, itemId, -1, -1, step, 0, null));
        }

        @Override
        public void onPresenceChanged(final long now, final int agent, final Presence presence)
        {
            add(new Ev(Kind.PRESENCE, now, -1, -1, agent, -1, 0, presence));
        }

        @Override
        public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
        {
            add(new Ev(Kind.SETUP, now, -1, -1, -1, handle, version, change));
        }

        @Override
        public void onCommandRejected(final long now, final CommandType command, final Result reason,
            final long subject)
        {
            add(rejected(now, command, reason, subject));
        }
    }
}
