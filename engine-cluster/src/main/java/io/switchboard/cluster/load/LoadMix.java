package io.switchboard.cluster.load;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;

import java.util.SplittableRandom;

/**
 * Agents and customers as a contact center's hosts would be: every agent logs in first; then customers' work items
 * arrive on random channels and queues, agents accept most offers (some they reject), finish assigned work, and now
 * and then step away and come back. What to do next is decided from the engine's own events — an accept needs the
 * offer id an {@code onOffered} event carried — so the mix stays valid whatever the cluster did with earlier
 * commands, across failovers too. Live items stay below a cap.
 *
 * <p><b>Threading:</b> one thread: the client's, which delivers the events inside its poll.
 */
public final class LoadMix extends NoOpEngineEvents
{
    private static final long HANDLE = 0L;

    private final int agents;
    private final int channels;
    private final int queues;
    private final int maxLiveItems;
    private final SplittableRandom random;
    private final Long2LongHashMap offers = new Long2LongHashMap(-1);
    private final LongArrayList offered = new LongArrayList();
    private final LongArrayList assigned = new LongArrayList();
    private final boolean[] away;
    private int nextLogin;
    private long nextItemId = 1;
    private long live;

    /**
     * @param agents       agents defined in the cluster (handles 0..agents-1).
     * @param channels     channels defined (handles 0..channels-1).
     * @param queues       queues defined (handles 0..queues-1).
     * @param maxLiveItems live items kept below this.
     * @param seed         the mix's random choices.
     */
    public LoadMix(final int agents, final int channels, final int queues, final int maxLiveItems, final long seed)
    {
        this.agents = agents;
        this.channels = channels;
        this.queues = queues;
        this.maxLiveItems = maxLiveItems;
        this.random = new SplittableRandom(seed);
        this.away = new boolean[agents];
    }

    /**
     * Sends the next command.
     *
     * @return the client's answer (OK when the command is in its window; BACK_PRESSURED when the caller should poll
     *     and call again).
     */
    public Result next(final EngineCommands client)
    {
        if (nextLogin < agents)
        {
            final Result result = client.login(HANDLE, nextLogin);
            if (result == Result.OK)
            {
                nextLogin++;
            }
            return result;
        }
        final int dice = random.nextInt(100);
        if (dice < 45 && !offered.isEmpty())
        {
            return answerOffer(client, dice < 42);
        }
        if (dice < 75 && !assigned.isEmpty())
        {
            final int index = random.nextInt(assigned.size());
            final long item = assigned.getLong(index);
            final Result result = client.release(HANDLE, item, random.nextInt(4) == 0 ? 2_000 : 0);
            if (result == Result.OK)
            {
                assigned.fastUnorderedRemove(index);
                live--;
            }
            return result;
        }
        if (dice < 78)
        {
            final int agent = random.nextInt(agents);
            final Result result = client.setPresence(HANDLE, agent, away[agent] ? Presence.AVAILABLE : Presence.AWAY);
            if (result == Result.OK)
            {
                away[agent] = !away[agent];
            }
            return result;
        }
        if (live >= maxLiveItems)
        {
            final int agent = random.nextInt(agents); // nothing else to do: bring an agent back
            final Result result = client.setPresence(HANDLE, agent, Presence.AVAILABLE);
            if (result == Result.OK)
            {
                away[agent] = false;
            }
            return result;
        }
        final Result result = client.enqueue(HANDLE, nextItemId, random.nextInt(channels), random.nextInt(queues),
            random.nextInt(3), -1);
        if (result == Result.OK)
        {
            nextItemId++;
            live++;
        }
        return result;
    }

    private Result answerOffer(final EngineCommands client, final boolean accept)
    {
        final int index = random.nextInt(offered.size());
        final long item = offered.getLong(index);
        final long offer = offers.get(item);
        final Result result = accept ? client.accept(HANDLE, item, offer) : client.reject(HANDLE, item, offer);
        if (result == Result.OK)
        {
            offered.fastUnorderedRemove(index);
            offers.remove(item);
        }
        return result;
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        if (offers.put(itemId, offerId) == -1)
        {
            offered.addLong(itemId);
        }
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        removeOffer(itemId);
        assigned.addLong(itemId);
    }

    @Override
    public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
    {
        removeOffer(itemId);
    }

    @Override
    public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
    {
        removeOffer(itemId);
    }

    @Override
    public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
    {
        if (removeOffer(itemId) || assigned.removeLong(itemId))
        {
            live--;
        }
    }

    @Override
    public void onEndedByRule(final long now, final long itemId, final int reason)
    {
        onEnded(now, itemId, -1, EndReason.CANCELLED);
    }

    @Override
    public void onCommandRejected(final long now, final CommandType command, final Result reason, final long subject)
    {
        if (command == CommandType.ENQUEUE)
        {
            live--; // the item never became live
        }
        else if (command == CommandType.RELEASE)
        {
            live++; // it is still live (an assignment the engine no longer knows of ends otherwise)
        }
    }

    private boolean removeOffer(final long itemId)
    {
        if (offers.remove(itemId) != -1)
        {
            offered.removeLong(itemId);
            return true;
        }
        return false;
    }

    /** @return work items enqueued so far. */
    public long itemsEnqueued()
    {
        return nextItemId - 1;
    }
}
