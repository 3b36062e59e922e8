package io.switchboard.reference;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference's event sink in the model test: records the bytes, tracks items that ended, remembers every offer
 * for stale-offer commands, and checks invariants at the moment of each offer or direct assignment — the item is
 * not already offered or held (nothing is offered twice), it is offered from its own queue, and the agent is its
 * target or a member that meets the skills of the item's current step (closest-match queues excepted).
 */
final class ModelEvents implements EngineEvents
{
    final RecordingEvents out;
    ReferenceRouter ref;
    final List<Long> endedThisCommand = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    /** (item, offer id) of every offer ever made, for stale-offer commands. */
    final List<long[]> offerHistory = new ArrayList<>();
    /** Offers and direct assignments made during the current command after a setup change took effect. */
    int routedAfterSetupChange;
    /** Whether the current command changed the setup ({@code onSetupChanged} was emitted). */
    boolean setupChanged;
    /** Items offered or held by an agent (offered, assigned, in wrap-up), as the events tell. */
    private final Set<Long> offeredOrHeld = new HashSet<>();

    ModelEvents(final RecordingEvents out)
    {
        this.out = out;
    }

    private void checkOffer(final long now, final long itemId, final int agent, final int queue, final String what)
    {
        if (!offeredOrHeld.add(itemId))
        {
            violations.add("t=" + now + " " + what + " of item " + itemId + " to agent " + agent +
                " while it is already offered or held");
        }
        if (ref == null)
        {
            return;
        }
        if (ref.itemQueue(itemId) != queue)
        {
            violations.add(what + " of item " + itemId + " names queue " + queue + " but the item is in queue "
                + ref.itemQueue(itemId));
        }
        if (ref.itemTarget(itemId) >= 0)
        {
            if (ref.itemTarget(itemId) != agent)
            {
                violations.add("t=" + now + " " + what + " of item " + itemId + " targeted at agent "
                    + ref.itemTarget(itemId) + " to agent " + agent);
            }
            return;
        }
        if (!ref.agentIsMember(agent, queue))
        {
            violations.add("t=" + now + " " + what + " of item " + itemId + " to non-member agent " + agent);
        }
        if (!ref.queueClosestMatch(queue) && !ref.agentMeetsCurrentStep(agent, itemId))
        {
            violations.add("t=" + now + " " + what + " of item " + itemId + " (step " + ref.itemStep(itemId)
                + ") to agent " + agent + " who lacks the step's skills");
        }
    }

    private void ended(final long itemId)
    {
        endedThisCommand.add(itemId);
        offeredOrHeld.remove(itemId);
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        offerHistory.add(new long[] {itemId, offerId});
        routedAfterSetupChange += setupChanged ? 1 : 0;
        checkOffer(now, itemId, agent, queue, "offer");
        out.onOffered(now, itemId, agent, queue, offerId);
    }

    @Override
    public void onAssigned(
        final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        if (reason != AssignReason.ACCEPTED)
        {
            offerHistory.add(new long[] {itemId, offerId});
            routedAfterSetupChange += setupChanged && reason == AssignReason.AUTO_ACCEPTED ? 1 : 0;
            checkOffer(now, itemId, agent, queue, reason.name());
        }
        out.onAssigned(now, itemId, agent, queue, offerId, reason);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        offeredOrHeld.remove(itemId);
        out.onOfferRejected(now, itemId, agent, offerId);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        offeredOrHeld.remove(itemId);
        out.onOfferTimedOut(now, itemId, agent, offerId);
    }

    @Override
    public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
    {
        offeredOrHeld.remove(itemId);
        out.onRequeued(now, itemId, queue, reason);
    }

    @Override
    public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
    {
        if (wrapUpMs == 0)
        {
            ended(itemId);
        }
        out.onReleased(now, itemId, agent, wrapUpMs);
    }

    @Override
    public void onWrapUpEnded(final long now, final long itemId, final int agent)
    {
        ended(itemId);
        out.onWrapUpEnded(now, itemId, agent);
    }

    @Override
    public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
        final int toAgent)
    {
        offeredOrHeld.remove(itemId);
        out.onTransferred(now, itemId, fromQueue, toQueue, toAgent);
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        ended(itemId);
        out.onEnded(now, itemId, queue, reason);
    }

    @Override
    public void onStepAdvanced(final long now, final long itemId, final int step)
    {
        out.onStepAdvanced(now, itemId, step);
    }

    @Override
    public void onPresenceChanged(final long now, final int agent, final Presence presence)
    {
        out.onPresenceChanged(now, agent, presence);
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        out.onCommandRejected(now, command, reason, subject);
    }

    @Override
    public void onSetupChanged(final long now, final CommandType change, final int handle, final long version)
    {
        setupChanged = true;
        out.onSetupChanged(now, change, handle, version);
    }
}
