package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** SPEC.md §3-4 statistics, each checked against values computed by hand in the comments. */
class StatisticsTest
{
    private final EngineFixture f = new EngineFixture();
    private final RoutingEngine engine = f.engine;
    private final int support = f.queue("support", new QueueSpec());
    private final int escalations = f.queue("escalations", new QueueSpec());

    @Test
    void queueCountsOfferedAnsweredAbandonedCancelledAndTransferredItems()
    {
        f.loggedInAt(0, "alice", new AgentSpec().queue(support).capacity(25));
        f.enqueue(1_000, 1L, f.chat, support); // offered to alice
        f.accept(2_000, 1L);                    // answered
        f.enqueue(3_000, 2L, f.chat, support);
        f.enqueue(4_000, 3L, f.chat, support);
        engine.abandon(5_000, 2L);              // abandoned
        engine.cancel(6_000, 3L);               // cancelled
        f.enqueue(7_000, 4L, f.chat, support);
        engine.transferToQueue(8_000, 1L, escalations); // transferred; alice now takes item 4
        f.accept(9_000, 4L);                    // answered

        final QueueStats stats = f.queueStats(support, 10_000);
        assertThat(stats.offered).isEqualTo(4);
        assertThat(stats.answered).isEqualTo(2);
        assertThat(stats.abandoned).isEqualTo(1);
        assertThat(stats.cancelled).isEqualTo(1);
        assertThat(stats.transferred).isEqualTo(1);
        assertThat(stats.offersMade).isEqualTo(2);
        assertThat(stats.waiting).isZero();
        assertThat(stats.abandonRate()).isEqualTo(0.25);
        assertThat(stats.transferRate()).isEqualTo(0.5);

        final QueueStats target = f.queueStats(escalations, 10_000);
        assertThat(target.offered).as("transferred in counts as offered there").isEqualTo(1);
        assertThat(target.waiting).isEqualTo(1);
        assertThat(target.answered).isZero();
    }

    @Test
    void serviceLevelIsAnsweredWithinThresholdOverAnsweredPlusAbandoned()
    {
        // threshold 20 s (default); five items arrive at 0, alice logs in at 1 s and is offered all of them
        final int alice = f.agent("alice", new AgentSpec().queue(support).capacity(1_000));
        for (long id = 1; id <= 5; id++)
        {
            f.enqueue(0, id, f.chat, support);
        }
        engine.login(1_000, alice);
        f.accept(5_000, 1L);  // wait 5,000: within
        f.accept(20_000, 2L); // wait 20,000: within (the threshold itself counts)
        f.accept(20_001, 3L); // wait 20,001: not within
        engine.abandon(30_000, 4L); // abandoned while offered
        // item 5 stays offered: neither answered nor abandoned

        final QueueStats stats = f.queueStats(support, 30_000);
        assertThat(stats.answered).isEqualTo(3);
        assertThat(stats.abandoned).isEqualTo(1);
        assertThat(stats.answeredWithinThreshold).isEqualTo(2);
        assertThat(stats.serviceLevel()).isEqualTo(0.5); // 2 / (3 + 1)
        assertThat(stats.totalWaitMs).isEqualTo(45_001);
        assertThat(stats.averageSpeedOfAnswerMs()).isCloseTo(15_000.333, within(0.001)); // 45,001 / 3
        assertThat(stats.answeredAfterWaiting).isEqualTo(3);
        assertThat(stats.longestWaitMs).as("item 5, unanswered since 0").isEqualTo(30_000);
        assertThat(stats.waiting).as("item 5 is offered, not waiting").isZero();
    }

    @Test
    void queueServiceLevelThresholdIsConfigurable()
    {
        final int fast = f.queue("fast", new QueueSpec().serviceLevelMs(5_000));
        f.loggedInAt(0, "alice", new AgentSpec().queue(fast));
        f.enqueue(0, 1L, f.chat, fast);
        f.enqueue(0, 2L, f.chat, fast);
        f.accept(5_000, 1L);
        f.accept(5_001, 2L);

        final QueueStats stats = f.queueStats(fast, 6_000);
        assertThat(stats.answeredWithinThreshold).isEqualTo(1);
        assertThat(stats.serviceLevel()).isEqualTo(0.5);
    }

    @Test
    void answeredAfterWaitingCountsOnlyItemsThatWaitedLongerThanZero()
    {
        final int auto = f.queue("auto", new QueueSpec().autoAccept(true));
        final int alice = f.loggedInAt(0, "alice", new AgentSpec().queue(auto).capacity(25));
        f.enqueue(100, 1L, f.chat, auto); // auto-accepted at once: wait 0
        f.enqueue(200, 2L, f.chat, auto); // alice is full
        engine.release(700, 1L, 0);       // item 2 auto-accepted: wait 500

        final QueueStats stats = f.queueStats(auto, 1_000);
        assertThat(stats.answered).isEqualTo(2);
        assertThat(stats.answeredAfterWaiting).isEqualTo(1);
        assertThat(stats.totalWaitMs).isEqualTo(500);
        assertThat(stats.averageSpeedOfAnswerMs()).isEqualTo(250.0);
        assertThat(stats.answeredWithinThreshold).isEqualTo(2);
        assertThat(stats.offersMade).as("auto-accepts count as offers made").isEqualTo(2);
        final AgentStats agent = f.agentStats(alice, 1_000);
        assertThat(agent.offersReceived).isEqualTo(2);
        assertThat(agent.assigned).isEqualTo(2);
        assertThat(agent.released).isEqualTo(1);
    }

    @Test
    void pickedItemIsAnsweredWithItsWaitUntilThePick()
    {
        final int open = f.queue("open", new QueueSpec().pickMode(true));
        final int alice = f.loggedInAt(0, "alice", new AgentSpec().queue(open));
        f.enqueue(1_000, 1L, f.chat, open);
        engine.pick(4_000, alice, 1L);

        final QueueStats stats = f.queueStats(open, 5_000);
        assertThat(stats.answered).isEqualTo(1);
        assertThat(stats.offersMade).isEqualTo(1);
        assertThat(stats.totalWaitMs).isEqualTo(3_000);
        assertThat(stats.answeredAfterWaiting).isEqualTo(1);
        assertThat(f.agentStats(alice, 5_000).assigned).isEqualTo(1);
    }

    @Test
    void rejectedAndTimedOutOffersAreCountedPerQueueAndPerAgent()
    {
        final int quick = f.queue("quick", new QueueSpec().offerTimeoutMs(10_000));
        final int alice = f.loggedInAt(0, "alice", new AgentSpec().queue(quick));
        final int bob = f.loggedInAt(0, "bob", new AgentSpec().queue(quick).capacity(90));
        f.enqueue(0, 1L, f.chat, quick);     // offer 1 to alice
        f.reject(1_000, 1L);                  // offer 2 to bob
        engine.tick(11_000);                  // bob's offer times out; item 1 waits, both excluded
        f.enqueue(12_000, 2L, f.chat, quick); // offer 3 to alice
        f.accept(13_000, 2L);

        final QueueStats stats = f.queueStats(quick, 14_000);
        assertThat(stats.offersMade).isEqualTo(3);
        assertThat(stats.offersRejected).isEqualTo(1);
        assertThat(stats.offersTimedOut).isEqualTo(1);
        assertThat(stats.rejectionRate()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(stats.answered).isEqualTo(1);
        assertThat(stats.waiting).isEqualTo(1);
        assertThat(stats.longestWaitMs).isEqualTo(14_000);

        final AgentStats a = f.agentStats(alice, 14_000);
        assertThat(a.offersReceived).isEqualTo(2);
        assertThat(a.rejected).isEqualTo(1);
        assertThat(a.timedOut).isZero();
        assertThat(a.assigned).isEqualTo(1);
        final AgentStats b = f.agentStats(bob, 14_000);
        assertThat(b.offersReceived).isEqualTo(1);
        assertThat(b.rejected).isZero();
        assertThat(b.timedOut).isEqualTo(1);
        assertThat(b.assigned).isZero();
    }

    @Test
    void longestWaitIsTheAgeOfTheOldestUnansweredItemAndRestartsOnTransferIn()
    {
        assertThat(f.queueStats(support, 0).longestWaitMs).as("empty queue").isZero();
        f.enqueue(500, 3L, f.chat, escalations);
        f.enqueue(1_000, 1L, f.chat, support);
        f.enqueue(3_000, 2L, f.chat, support);

        assertThat(f.queueStats(support, 10_000).longestWaitMs).isEqualTo(9_000);
        engine.abandon(10_000, 1L);
        assertThat(f.queueStats(support, 10_000).longestWaitMs).isEqualTo(7_000);

        engine.transferToQueue(11_000, 3L, support); // waited in escalations since 500, in support since 11,000
        assertThat(f.queueStats(support, 12_000).longestWaitMs).isEqualTo(9_000);
        engine.abandon(12_000, 2L);
        assertThat(f.queueStats(support, 12_000).longestWaitMs).isEqualTo(1_000);
        assertThat(f.queueStats(escalations, 12_000).longestWaitMs).isZero();
    }

    @Test
    void waitOfATransferredItemIsMeasuredFromItsTransferIntoTheAnsweringQueue()
    {
        f.loggedInAt(0, "alice", new AgentSpec().queue(support));
        final int bob = f.agent("bob", new AgentSpec().queue(escalations));
        f.enqueue(0, 1L, f.chat, support);
        f.accept(1_000, 1L);                         // support: wait 1,000
        engine.transferToQueue(5_000, 1L, escalations);
        engine.login(8_000, bob);
        f.accept(9_000, 1L);                         // escalations: wait 4,000

        assertThat(f.queueStats(support, 10_000).totalWaitMs).isEqualTo(1_000);
        final QueueStats target = f.queueStats(escalations, 10_000);
        assertThat(target.answered).isEqualTo(1);
        assertThat(target.totalWaitMs).isEqualTo(4_000);
        assertThat(target.averageSpeedOfAnswerMs()).isEqualTo(4_000.0);
    }

    @Test
    void handleTimeRunsFromAnswerToReleaseIncludingWrapUp()
    {
        final int alice = f.loggedInAt(0, "alice", new AgentSpec().queue(support));
        f.enqueue(0, 1L, f.chat, support);
        f.enqueue(1_000, 2L, f.chat, support);
        f.accept(6_000, 1L);
        engine.release(16_000, 1L, 4_000); // 16,000 - 6,000 + 4,000 = 14,000
        f.accept(20_000, 2L);
        engine.release(30_000, 2L, 0);      // 10,000

        final QueueStats stats = f.queueStats(support, 31_000);
        assertThat(stats.released).isEqualTo(2);
        assertThat(stats.totalHandleMs).isEqualTo(24_000);
        assertThat(stats.averageHandleMs()).isEqualTo(12_000.0);
        assertThat(f.agentStats(alice, 31_000).released).isEqualTo(2);
    }

    @Test
    void occupancyIsBusyUnitTimeOverLoggedInUnitTime()
    {
        final int alice = f.loggedInAt(0, "alice", new AgentSpec().queue(support)); // capacity 100
        f.enqueue(1_000, 1L, f.chat, support); // used 25 from 1,000
        f.accept(2_000, 1L);
        f.enqueue(3_000, 2L, f.chat, support); // used 50 from 3,000

        final AgentStats midway = f.agentStats(alice, 4_000);
        assertThat(midway.busyUnitMs).isEqualTo(25 * 2_000 + 50 * 1_000);
        assertThat(midway.loggedInUnitMs).isEqualTo(100 * 4_000);
        assertThat(midway.occupancy()).isEqualTo(0.25);

        f.accept(4_000, 2L);
        engine.release(5_000, 1L, 0);          // used 25 from 5,000
        engine.setCapacity(6_000, alice, 200); // capacity 200 from 6,000
        engine.release(8_000, 2L, 1_000);      // wrap-up holds 25 until 9,000
        engine.tick(9_000);                    // used 0 from 9,000
        engine.logout(10_000, alice);

        // busy: 25·2,000 + 50·2,000 + 25·4,000 = 250,000; logged in: 100·6,000 + 200·4,000 = 1,400,000
        final AgentStats loggedOut = f.agentStats(alice, 12_000);
        assertThat(loggedOut.busyUnitMs).isEqualTo(250_000);
        assertThat(loggedOut.loggedInUnitMs).isEqualTo(1_400_000);
        assertThat(loggedOut.occupancy()).isCloseTo(250_000.0 / 1_400_000.0, within(1e-12));
        assertThat(loggedOut.presence).isEqualTo(Presence.OFFLINE);
        assertThat(loggedOut.capacity).isEqualTo(200);

        engine.login(13_000, alice);
        final AgentStats again = f.agentStats(alice, 14_000);
        assertThat(again.loggedInUnitMs).as("logged-out time does not count").isEqualTo(1_600_000);
        assertThat(again.busyUnitMs).isEqualTo(250_000);
    }

    @Test
    void occupancyCountsConsultUnitsOfTheConsultant()
    {
        f.loggedInAt(0, "alice", new AgentSpec().queue(support));
        final int expert = f.loggedInAt(0, "expert", new AgentSpec());
        f.enqueue(0, 1L, f.voice, support);
        f.accept(0, 1L);
        engine.startConsult(2_000, 1L, expert);
        engine.endConsult(3_000, 1L);

        final AgentStats stats = f.agentStats(expert, 4_000);
        assertThat(stats.busyUnitMs).isEqualTo(100 * 1_000);
        assertThat(stats.occupancy()).isEqualTo(0.25);
    }

    @Test
    void agentStatsShowTheCurrentHold()
    {
        final int alice = f.loggedInAt(0, "alice", new AgentSpec().queue(support).capacity(60));
        f.enqueue(10, 1L, f.chat, support);
        f.enqueue(11, 2L, f.email, support);

        final AgentStats stats = f.agentStats(alice, 20);
        assertThat(stats.usedUnits).isEqualTo(35);
        assertThat(stats.heldItems).isEqualTo(2);
        assertThat(stats.capacity).isEqualTo(60);
        assertThat(stats.presence).isEqualTo(Presence.AVAILABLE);
        assertThat(f.agentStats(f.agent("bob", new AgentSpec()), 20).occupancy()).as("never logged in").isZero();
    }

    @Test
    void workHeldWhileLoggedOutDoesNotCountTowardsOccupancy()
    {
        final int alice = f.loggedInAt(0, "alice", new AgentSpec().queue(support));
        f.enqueue(0, 1L, f.voice, support);
        f.accept(0, 1L);
        engine.logout(1_000, alice);      // still holds the call: 100 units
        engine.release(5_000, 1L, 0);
        engine.login(6_000, alice);

        // busy: 100·1,000 while logged in; logged in: 100·1,000 + 100·1,000
        final AgentStats stats = f.agentStats(alice, 7_000);
        assertThat(stats.busyUnitMs).isEqualTo(100_000);
        assertThat(stats.loggedInUnitMs).isEqualTo(200_000);
        assertThat(stats.occupancy()).isEqualTo(0.5);
    }
}
