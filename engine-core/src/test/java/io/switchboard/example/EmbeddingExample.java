package io.switchboard.example;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;

import java.util.ArrayDeque;

/**
 * A host embedding the engine on one thread: defines a small center, lets a burst of work arrive, and answers each
 * offer as an agent would. Run it with the README's main-job command. Single-threaded: the engine and this host
 * loop share the main thread.
 */
public final class EmbeddingExample
{
    private EmbeddingExample()
    {
    }

    public static void main(final String[] args)
    {
        final ArrayDeque<long[]> pendingOffers = new ArrayDeque<>();
        final RoutingEngine engine = new RoutingEngine(EngineConfig.small(), new PrintingEvents(pendingOffers));

        final int voice = engine.defineChannel("voice", 100);
        final int chat = engine.defineChannel("chat", 25);
        final int email = engine.defineChannel("email", 10);
        final int english = engine.defineSkill("english");
        final int hardware = engine.defineSkill("hardware");
        final int vip = engine.defineQueue("vip", new QueueSpec().priority(1).strategy(Strategy.BEST_SKILL));
        final int support = engine.defineQueue("support", new QueueSpec().priority(2).strategy(Strategy.LONGEST_IDLE));
        final int hardwareExperts = engine.defineRequirements(new RequirementSpec()
            .step(30_000).require(english, 3).require(hardware, 7)
            .step(0).require(english, 3).require(hardware, 3));

        final int[] agents = {
            engine.defineAgent("ana",
                new AgentSpec().limit(chat, 3).skill(english, 8).skill(hardware, 8).queue(vip).queue(support)),
            engine.defineAgent("ben",
                new AgentSpec().limit(chat, 4).skill(english, 5).skill(hardware, 4).queue(support)),
            engine.defineAgent("chen", new AgentSpec().capacity(50).skill(english, 6).queue(support)),
        };
        long now = 0;
        for (final int agent : agents)
        {
            engine.login(now, agent);
        }

        long itemId = 1;
        for (int i = 0; i < 4; i++)
        {
            now += 1_000;
            engine.enqueue(now, itemId++, chat, support, 0, -1);
            engine.enqueue(now, itemId++, email, support, 0, -1);
            engine.enqueue(now, itemId++, voice, support, 0, hardwareExperts);
        }
        engine.enqueue(now, itemId++, voice, vip, 10, hardwareExperts);

        // agents accept every offer after 2 s; each item is released 60 s after it was accepted
        final ArrayDeque<long[]> inWork = new ArrayDeque<>();
        while (engine.liveItems() > 0)
        {
            now += 2_000;
            for (int n = pendingOffers.size(); n > 0; n--)
            {
                final long[] offer = pendingOffers.poll();
                if (engine.accept(now, offer[0], offer[1]) == Result.OK)
                {
                    inWork.add(new long[] {offer[0], now + 60_000});
                }
            }
            while (!inWork.isEmpty() && inWork.peek()[1] <= now)
            {
                engine.release(now, inWork.poll()[0], 5_000);
            }
            engine.tick(now);
        }
        System.out.printf("done at t=%.0fs, live items: %d%n", now / 1000.0, engine.liveItems());
    }

    /** Prints every event and remembers offers for the host loop. Engine thread only. */
    private static final class PrintingEvents implements EngineEvents
    {
        private final ArrayDeque<long[]> pendingOffers;

        PrintingEvents(final ArrayDeque<long[]> pendingOffers)
        {
            this.pendingOffers = pendingOffers;
        }

        @Override
        public void onOffered(final long now, final long itemId, final int agent, final int queue, final long offerId)
        {
            print(now, "offered    item " + itemId + " to agent " + agent + " (offer " + offerId + ")");
            pendingOffers.add(new long[] {itemId, offerId});
        }

        @Override
        public void onAssigned(final long now, final long itemId, final int agent, final int queue, final long offerId,
            final AssignReason reason)
        {
            print(now, "assigned   item " + itemId + " to agent " + agent + " " + reason);
        }

        @Override
        public void onOfferRejected(final long now, final long itemId, final int agent, final long offerId)
        {
            print(now, "rejected   item " + itemId + " by agent " + agent);
        }

        @Override
        public void onOfferTimedOut(final long now, final long itemId, final int agent, final long offerId)
        {
            print(now, "timed out  item " + itemId + " at agent " + agent);
        }

        @Override
        public void onRequeued(final long now, final long itemId, final int queue, final RequeueReason reason)
        {
            print(now, "requeued   item " + itemId + " " + reason);
        }

        @Override
        public void onReleased(final long now, final long itemId, final int agent, final long wrapUpMs)
        {
            print(now, "released   item " + itemId + " by agent " + agent + ", wrap-up " + wrapUpMs / 1000 + " s");
        }

        @Override
        public void onWrapUpEnded(final long now, final long itemId, final int agent)
        {
            print(now, "wrap-up    item " + itemId + " done, agent " + agent + " free");
        }

        @Override
        public void onTransferred(final long now, final long itemId, final int fromQueue, final int toQueue,
            final int toAgent)
        {
            print(now, "transfer   item " + itemId + " " + fromQueue + " -> " + toQueue);
        }

        @Override
        public void onEnded(final long now, final long itemId, final int queue, final EndReason reason)
        {
            print(now, "ended      item " + itemId + " " + reason);
        }

        @Override
        public void onStepAdvanced(final long now, final long itemId, final int step)
        {
            print(now, "widened    item " + itemId + " to requirement step " + step);
        }

        @Override
        public void onPresenceChanged(final long now, final int agent, final Presence presence)
        {
            print(now, "presence   agent " + agent + " " + presence);
        }

        @Override
        public void onCommandRejected(final long now, final CommandType command, final Result reason,
            final long subject)
        {
            print(now, "REJECTED   " + command + " " + reason + " (" + subject + ")");
        }

        private static void print(final long now, final String line)
        {
            System.out.printf("t=%6.1fs  %s%n", now / 1000.0, line);
        }
    }
}
