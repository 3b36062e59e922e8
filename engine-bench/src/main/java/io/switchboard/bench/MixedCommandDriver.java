package io.switchboard.bench;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Presence;

import java.util.SplittableRandom;

/**
 * Drives the {@link ReferenceWorkload} center with a mixed command stream, as a host would on the engine thread:
 * arrivals (27 %), accepts (25 %), rejects (2 %), releases with an occasional 2 s wrap-up (27 %), abandons (5 %),
 * presence changes — agents going on a short break and coming back — (5 %), skill-level changes (4 %), priority changes
 * (2 %) and ticks (3 %); a command whose subject does not exist (no open offer yet) is a tick. Engine time advances by
 * 0 or 1 ms per command. All choices come from tables drawn once from a fixed seed, so the stream is deterministic and
 * costs a few loads per command.
 *
 * <p>Bounded so that the steady state allocates nothing on the driver's side: at most
 * {@link #LIVE_ABOVE_BACKGROUND} live items beyond the background load (the live population runs at this cap: a
 * center with a backlog), at most {@link #BREAK_SLOTS} agents on a break, and each agent toggles one skill between two
 * levels, so every agent profile that can occur is seen during warm-up. (The engine's item-class waiting heaps still
 * grow to a new high now and then: README, Findings 3.)
 *
 * <p>Not thread safe: the engine thread only; events arrive synchronously inside the commands it submits.
 */
final class MixedCommandDriver extends NullEvents
{
    static final int LIVE_ABOVE_BACKGROUND = 4_096;
    static final int BREAK_SLOTS = 32;
    private static final int TABLE = 1 << 16;
    private static final int MASK = TABLE - 1;

    private final ReferenceWorkload workload;
    private final RoutingEngine engine;
    private final int[] kindHandle;
    private final int liveLimit;
    private final byte[] dice = new byte[TABLE];
    private final int[] randoms = new int[TABLE];
    private final long[] offerItems = new long[8_192];
    private final long[] offerIds = new long[8_192];
    private int offerCount;
    private final long[] assigned = new long[16_384];
    private int assignedCount;
    private final int[] onBreak = new int[BREAK_SLOTS];
    private int breakHead;
    private int breakCount;
    private final boolean[] skillToggled;
    private int cursor;
    private int kindCursor;
    private long now = 1;
    private long nextItemId;
    private long oldestCandidate;
    private boolean started;
    long accepted;
    long rejected;

    MixedCommandDriver(final ReferenceWorkload workload)
    {
        this.workload = workload;
        final ReferenceWorkload.LoadedEngine loaded = new ReferenceWorkload.LoadedEngine(workload, this);
        engine = loaded.engine;
        kindHandle = loaded.kindHandle;
        nextItemId = loaded.nextItemId;
        oldestCandidate = nextItemId;
        liveLimit = engine.liveItems() + LIVE_ABOVE_BACKGROUND;
        skillToggled = new boolean[workload.agentCount];
        final SplittableRandom random = new SplittableRandom(ReferenceWorkload.SEED ^ 0xD21FE2L);
        for (int i = 0; i < TABLE; i++)
        {
            dice[i] = (byte)random.nextInt(100);
            randoms[i] = random.nextInt() & Integer.MAX_VALUE;
        }
        started = true; // the background load's own events are not the driver's business
    }

    RoutingEngine engine()
    {
        return engine;
    }

    /** Submits {@code commands} commands. */
    void run(final int commands)
    {
        for (int i = 0; i < commands; i++)
        {
            final int c = cursor++;
            final int r = randoms[c & MASK];
            now += r & 1;
            if (next(dice[c & MASK], r >>> 1) == Result.OK)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }
        }
    }

    private Result next(final int dice, final int r)
    {
        if (dice < 27)
        {
            return engine.liveItems() < liveLimit ? arrive() : engine.tick(now);
        }
        if (dice < 52)
        {
            return offerCount > 0 ? answerOffer(r % offerCount, true) : engine.tick(now);
        }
        if (dice < 54)
        {
            return offerCount > 0 ? answerOffer(r % offerCount, false) : engine.tick(now);
        }
        if (dice < 81)
        {
            if (assignedCount == 0)
            {
                return engine.tick(now);
            }
            final int index = r % assignedCount;
            final long item = assigned[index];
            assigned[index] = assigned[--assignedCount];
            return engine.release(now, item, (r & 0x300) == 0 ? 2_000 : 0);
        }
        if (dice < 86)
        {
            return (r & 1) == 0 ? engine.abandon(now, nextItemId - 1 - (r >>> 1) % 64) :
                engine.abandon(now, oldestCandidate < nextItemId ? oldestCandidate++ : nextItemId - 1);
        }
        if (dice < 91)
        {
            return presenceChange(r);
        }
        if (dice < 95)
        {
            return skillChange(r % workload.agentCount);
        }
        if (dice < 97)
        {
            return engine.changePriority(now, nextItemId - 1 - r % 32, r % 10);
        }
        return engine.tick(now);
    }

    private Result arrive()
    {
        final int kind = workload.sequence[kindCursor++ & (ReferenceWorkload.SEQUENCE_LENGTH - 1)];
        return engine.enqueue(now, nextItemId++, workload.kindChannel[kind], workload.kindQueue[kind],
            workload.kindPriority[kind], kindHandle[kind]);
    }

    private Result answerOffer(final int index, final boolean accept)
    {
        final long item = offerItems[index];
        final long offer = offerIds[index];
        offerCount--;
        offerItems[index] = offerItems[offerCount];
        offerIds[index] = offerIds[offerCount];
        if (!accept)
        {
            return engine.reject(now, item, offer);
        }
        final Result result = engine.accept(now, item, offer);
        if (result == Result.OK)
        {
            hold(item);
        }
        return result;
    }

    private Result presenceChange(final int r)
    {
        if (breakCount == BREAK_SLOTS)
        {
            final int agent = onBreak[breakHead];
            breakHead = (breakHead + 1) % BREAK_SLOTS;
            breakCount--;
            return engine.setPresence(now, agent, Presence.AVAILABLE);
        }
        final int agent = r % workload.agentCount;
        onBreak[(breakHead + breakCount) % BREAK_SLOTS] = agent;
        breakCount++;
        return engine.setPresence(now, agent, Presence.AWAY);
    }

    private Result skillChange(final int agent)
    {
        final int profile = workload.agentProfile[agent];
        final int level = workload.profileLevels[profile][0];
        final boolean toggled = !skillToggled[agent];
        skillToggled[agent] = toggled;
        final int newLevel = toggled ? (level == 10 ? 9 : level + 1) : level;
        return engine.setSkill(now, agent, workload.profileSkills[profile][0], newLevel);
    }

    private void hold(final long item)
    {
        if (assignedCount < assigned.length)
        {
            assigned[assignedCount++] = item;
        }
    }

    @Override
    public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
    {
        if (started && offerCount < offerIds.length)
        {
            offerItems[offerCount] = itemId;
            offerIds[offerCount++] = offerId;
        }
    }

    @Override
    public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
        final AssignReason reason)
    {
        if (started && reason == AssignReason.AUTO_ACCEPTED)
        {
            hold(itemId);
        }
    }
}
