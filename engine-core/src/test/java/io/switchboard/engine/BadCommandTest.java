package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.stats.AgentStats;
import io.switchboard.stats.QueueStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ROUTING.md §1: every typed rejection of the validation table returns its {@link Result}, emits
 * {@code onCommandRejected(now, type, reason, subject)} and nothing else, and leaves the state exactly as it was — both
 * as seen through the inspection API and statistics, and as seen by every later command.
 */
class BadCommandTest
{
    private static final long NOW = 1_000;
    private static final long EARLIER = 500;
    private static final long UNKNOWN_ITEM_ID = 50;

    /**
     * A center in every interesting state. Handles: agents A=0 (support+picks, full: holds 4 chats), B=1 (logged out),
     * C=2 (no queues, consulting on item 6), E=3 (picks, capacity 20), D=4 (32 memberships, logged out). Items: 1
     * assigned to A, 2 offered to A, 3 waiting (nobody has spanish), 4 and 7 waiting in the pick queue, 5 in wrap-up
     * with A, 6 assigned to A with C consulting.
     */
    static final class Scenario
    {
        static final int A = 0;
        static final int B = 1;
        static final int C = 2;
        static final int E = 3;
        static final int D = 4;

        final EngineFixture f = new EngineFixture();
        final RoutingEngine engine = f.engine;
        final int support = f.queue("support", new QueueSpec());
        final int picks = f.queue("picks", new QueueSpec().pickMode(true));
        final int[] extras = new int[33];
        final int queueCount;

        Scenario()
        {
            for (int i = 0; i < extras.length; i++)
            {
                extras[i] = f.queue("extra" + i, new QueueSpec());
            }
            queueCount = 2 + extras.length;
            final AgentSpec many = new AgentSpec();
            for (int i = 0; i < 32; i++)
            {
                many.queue(extras[i]);
            }
            check(f.loggedIn("A", new AgentSpec().queue(support).queue(picks).skill(f.english, 5)) == A);
            check(f.agent("B", new AgentSpec().queue(support)) == B);
            check(f.loggedIn("C", new AgentSpec()) == C);
            check(f.loggedIn("E", new AgentSpec().queue(picks).capacity(20)) == E);
            check(f.agent("D", many) == D);

            ok(f.enqueue(10, 1L, f.chat, support));
            ok(f.accept(11, 1L));
            ok(f.enqueue(12, 2L, f.chat, support));
            ok(engine.enqueue(13, 3L, f.chat, support, 0, f.requires(f.spanish, 5)));
            ok(f.enqueue(14, 4L, f.chat, picks));
            ok(f.enqueue(15, 5L, f.chat, support));
            ok(f.accept(16, 5L));
            ok(engine.release(17, 5L, 100_000));
            ok(f.enqueue(18, 6L, f.chat, support));
            ok(f.accept(19, 6L));
            ok(engine.startConsult(20, 6L, C));
            ok(f.enqueue(21, 7L, f.email, picks));
            ok(engine.tick(900));

            check(engine.itemState(1L) == ItemState.ASSIGNED && engine.itemState(2L) == ItemState.OFFERED &&
                engine.itemState(3L) == ItemState.WAITING && engine.itemState(5L) == ItemState.WRAP_UP &&
                engine.agentUsedUnits(A) == 100 && engine.agentUsedUnits(C) == 25);
        }

        /** The same later traffic for every scenario: the events it causes reveal any hidden state change. */
        List<String> continueWithOrdinaryTraffic()
        {
            f.log.drain();
            engine.login(2_000, B);
            engine.release(2_001, 1L, 0);
            f.accept(2_002, 2L);
            engine.endConsult(2_003, 6L);
            engine.release(2_004, 6L, 3_000);
            engine.pick(2_005, E, 7L);
            engine.setPresence(2_006, C, Presence.AWAY);
            engine.joinQueue(2_007, C, support);
            engine.setPresence(2_008, C, Presence.AVAILABLE);
            for (long id = 60; id < 66; id++)
            {
                f.enqueue(2_010 + id, id, f.chat, support);
            }
            engine.setSkill(2_100, B, f.spanish, 5);
            engine.tick(200_000);
            return f.log.drain();
        }

        private static void ok(final Result result)
        {
            check(result == Result.OK);
        }

        private static void check(final boolean condition)
        {
            if (!condition)
            {
                throw new IllegalStateException("scenario setup failed");
            }
        }
    }

    record Case(String name, CommandType type, Result reason, long subject, Function<Scenario, Result> command)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static Case c(final String name, final CommandType type, final Result reason, final long subject,
        final Function<Scenario, Result> command)
    {
        return new Case(name, type, reason, subject, command);
    }

    static Stream<Case> cases()
    {
        final int a = Scenario.A;
        final int b = Scenario.B;
        final int cc = Scenario.C;
        final int e = Scenario.E;
        final int d = Scenario.D;
        return Stream.of(
            c("login of an unknown agent", CommandType.LOGIN, Result.UNKNOWN_AGENT, 99, s -> s.engine.login(NOW, 99)),
            c("login of a negative agent handle", CommandType.LOGIN, Result.UNKNOWN_AGENT, -1,
                s -> s.engine.login(NOW, -1)),
            c("login twice", CommandType.LOGIN, Result.AGENT_ALREADY_LOGGED_IN, a, s -> s.engine.login(NOW, a)),
            c("logout of an unknown agent", CommandType.LOGOUT, Result.UNKNOWN_AGENT, 99,
                s -> s.engine.logout(NOW, 99)),
            c("logout when logged out", CommandType.LOGOUT, Result.AGENT_NOT_LOGGED_IN, b,
                s -> s.engine.logout(NOW, b)),

            c("presence of an unknown agent", CommandType.SET_PRESENCE, Result.UNKNOWN_AGENT, 99,
                s -> s.engine.setPresence(NOW, 99, null)),
            c("presence OFFLINE", CommandType.SET_PRESENCE, Result.INVALID_VALUE, a,
                s -> s.engine.setPresence(NOW, a, Presence.OFFLINE)),
            c("presence null", CommandType.SET_PRESENCE, Result.INVALID_VALUE, a,
                s -> s.engine.setPresence(NOW, a, null)),
            c("presence OFFLINE when logged out is invalid first", CommandType.SET_PRESENCE, Result.INVALID_VALUE, b,
                s -> s.engine.setPresence(NOW, b, Presence.OFFLINE)),
            c("presence when logged out", CommandType.SET_PRESENCE, Result.AGENT_NOT_LOGGED_IN, b,
                s -> s.engine.setPresence(NOW, b, Presence.AVAILABLE)),

            c("skill of an unknown agent", CommandType.SET_SKILL, Result.UNKNOWN_AGENT, 99,
                s -> s.engine.setSkill(NOW, 99, s.f.english, 5)),
            c("unknown skill before invalid level", CommandType.SET_SKILL, Result.UNKNOWN_SKILL, a,
                s -> s.engine.setSkill(NOW, a, 99, 11)),
            c("negative skill handle", CommandType.SET_SKILL, Result.UNKNOWN_SKILL, a,
                s -> s.engine.setSkill(NOW, a, -1, 5)),
            c("skill level 11", CommandType.SET_SKILL, Result.INVALID_VALUE, a,
                s -> s.engine.setSkill(NOW, a, s.f.english, 11)),
            c("skill level -1", CommandType.SET_SKILL, Result.INVALID_VALUE, a,
                s -> s.engine.setSkill(NOW, a, s.f.english, -1)),

            c("capacity of an unknown agent", CommandType.SET_CAPACITY, Result.UNKNOWN_AGENT, 99,
                s -> s.engine.setCapacity(NOW, 99, 100)),
            c("capacity 0 is invalid before below used", CommandType.SET_CAPACITY, Result.INVALID_VALUE, a,
                s -> s.engine.setCapacity(NOW, a, 0)),
            c("capacity above a million", CommandType.SET_CAPACITY, Result.INVALID_VALUE, b,
                s -> s.engine.setCapacity(NOW, b, 1_000_001)),
            c("capacity below used", CommandType.SET_CAPACITY, Result.CAPACITY_BELOW_USED, a,
                s -> s.engine.setCapacity(NOW, a, 99)),

            c("channel limit of an unknown agent", CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_AGENT, 99,
                s -> s.engine.setChannelLimit(NOW, 99, s.f.chat, 1)),
            c("channel limit of an unknown channel", CommandType.SET_CHANNEL_LIMIT, Result.UNKNOWN_CHANNEL, a,
                s -> s.engine.setChannelLimit(NOW, a, 99, 1)),
            c("channel limit -2", CommandType.SET_CHANNEL_LIMIT, Result.INVALID_VALUE, a,
                s -> s.engine.setChannelLimit(NOW, a, s.f.chat, -2)),
            c("channel limit below the chats held", CommandType.SET_CHANNEL_LIMIT, Result.CAPACITY_BELOW_USED, a,
                s -> s.engine.setChannelLimit(NOW, a, s.f.chat, 3)),
            c("channel limit 0 while holding chats", CommandType.SET_CHANNEL_LIMIT, Result.CAPACITY_BELOW_USED, a,
                s -> s.engine.setChannelLimit(NOW, a, s.f.chat, 0)),

            c("join by an unknown agent", CommandType.JOIN_QUEUE, Result.UNKNOWN_AGENT, 99,
                s -> s.engine.joinQueue(NOW, 99, s.support)),
            c("join of an unknown queue", CommandType.JOIN_QUEUE, Result.UNKNOWN_QUEUE, a,
                s -> s.engine.joinQueue(NOW, a, 999)),
            c("join of a queue already joined", CommandType.JOIN_QUEUE, Result.MEMBERSHIP_UNCHANGED, a,
                s -> s.engine.joinQueue(NOW, a, s.support)),
            c("join beyond 32 memberships", CommandType.JOIN_QUEUE, Result.INVALID_VALUE, d,
                s -> s.engine.joinQueue(NOW, d, s.extras[32])),
            c("leave of a queue not joined", CommandType.LEAVE_QUEUE, Result.MEMBERSHIP_UNCHANGED, cc,
                s -> s.engine.leaveQueue(NOW, cc, s.support)),
            c("leave of an unknown queue", CommandType.LEAVE_QUEUE, Result.UNKNOWN_QUEUE, a,
                s -> s.engine.leaveQueue(NOW, a, -1)),

            c("enqueue of a live id", CommandType.ENQUEUE, Result.DUPLICATE_ITEM, 1,
                s -> s.engine.enqueue(NOW, 1L, s.f.chat, s.support, 0, -1)),
            c("enqueue of the id of an item in wrap-up", CommandType.ENQUEUE, Result.DUPLICATE_ITEM, 5,
                s -> s.engine.enqueue(NOW, 5L, s.f.chat, s.support, 0, -1)),
            c("duplicate id is checked before the channel", CommandType.ENQUEUE, Result.DUPLICATE_ITEM, 3,
                s -> s.engine.enqueue(NOW, 3L, 99, 999, -1, 99)),
            c("enqueue on an unknown channel", CommandType.ENQUEUE, Result.UNKNOWN_CHANNEL, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(NOW, UNKNOWN_ITEM_ID, 99, 999, 0, -1)),
            c("enqueue to an unknown queue", CommandType.ENQUEUE, Result.UNKNOWN_QUEUE, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(NOW, UNKNOWN_ITEM_ID, s.f.chat, 999, -1, -1)),
            c("enqueue with priority -1", CommandType.ENQUEUE, Result.INVALID_VALUE, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(NOW, UNKNOWN_ITEM_ID, s.f.chat, s.support, -1, 99)),
            c("enqueue with priority above a million", CommandType.ENQUEUE, Result.INVALID_VALUE, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(NOW, UNKNOWN_ITEM_ID, s.f.chat, s.support, 1_000_001, -1)),
            c("enqueue with unknown requirements", CommandType.ENQUEUE, Result.UNKNOWN_REQUIREMENTS, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(NOW, UNKNOWN_ITEM_ID, s.f.chat, s.support, 0, 99)),
            c("enqueue with requirements -2", CommandType.ENQUEUE, Result.UNKNOWN_REQUIREMENTS, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(NOW, UNKNOWN_ITEM_ID, s.f.chat, s.support, 0, -2)),

            c("accept of an unknown item", CommandType.ACCEPT, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.accept(NOW, UNKNOWN_ITEM_ID, 1)),
            c("accept with a wrong offer id", CommandType.ACCEPT, Result.STALE_OFFER, 2,
                s -> s.engine.accept(NOW, 2L, 99)),
            c("accept with another item's offer id", CommandType.ACCEPT, Result.STALE_OFFER, 2,
                s -> s.engine.accept(NOW, 2L, s.engine.itemOfferId(1L))),
            c("accept of an assigned item", CommandType.ACCEPT, Result.STALE_OFFER, 1,
                s -> s.engine.accept(NOW, 1L, s.engine.itemOfferId(1L))),
            c("accept of a waiting item", CommandType.ACCEPT, Result.STALE_OFFER, 3, s -> s.engine.accept(NOW, 3L, 0)),
            c("reject of an unknown item", CommandType.REJECT, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.reject(NOW, UNKNOWN_ITEM_ID, 1)),
            c("reject with a wrong offer id", CommandType.REJECT, Result.STALE_OFFER, 2,
                s -> s.engine.reject(NOW, 2L, 99)),
            c("reject of an assigned item", CommandType.REJECT, Result.STALE_OFFER, 1,
                s -> s.engine.reject(NOW, 1L, s.engine.itemOfferId(1L))),

            c("release of an unknown item", CommandType.RELEASE, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.release(NOW, UNKNOWN_ITEM_ID, 0)),
            c("release with negative wrap-up before not assigned", CommandType.RELEASE, Result.INVALID_VALUE, 3,
                s -> s.engine.release(NOW, 3L, -1)),
            c("release with a wrap-up that would overflow the clock", CommandType.RELEASE, Result.INVALID_VALUE, 1,
                s -> s.engine.release(NOW, 1L, Long.MAX_VALUE)),
            c("release with a wrap-up one past the duration bound", CommandType.RELEASE, Result.INVALID_VALUE, 1,
                s -> s.engine.release(NOW, 1L, RoutingEngine.MAX_DURATION_MS + 1)),
            c("release of an offered item", CommandType.RELEASE, Result.ITEM_NOT_ASSIGNED, 2,
                s -> s.engine.release(NOW, 2L, 0)),
            c("release of a waiting item", CommandType.RELEASE, Result.ITEM_NOT_ASSIGNED, 3,
                s -> s.engine.release(NOW, 3L, 0)),
            c("release of an item in wrap-up", CommandType.RELEASE, Result.ITEM_NOT_ASSIGNED, 5,
                s -> s.engine.release(NOW, 5L, 0)),

            c("transfer of an unknown item to a queue", CommandType.TRANSFER_TO_QUEUE, Result.UNKNOWN_ITEM,
                UNKNOWN_ITEM_ID,
                s -> s.engine.transferToQueue(NOW, UNKNOWN_ITEM_ID, s.support)),
            c("transfer to an unknown queue", CommandType.TRANSFER_TO_QUEUE, Result.UNKNOWN_QUEUE, 1,
                s -> s.engine.transferToQueue(NOW, 1L, 999)),
            c("transfer to a queue in wrap-up", CommandType.TRANSFER_TO_QUEUE, Result.ITEM_NOT_ASSIGNED, 5,
                s -> s.engine.transferToQueue(NOW, 5L, s.picks)),
            c("transfer of an unknown item to an agent", CommandType.TRANSFER_TO_AGENT, Result.UNKNOWN_ITEM,
                UNKNOWN_ITEM_ID,
                s -> s.engine.transferToAgent(NOW, UNKNOWN_ITEM_ID, cc)),
            c("transfer to an unknown agent", CommandType.TRANSFER_TO_AGENT, Result.UNKNOWN_AGENT, 1,
                s -> s.engine.transferToAgent(NOW, 1L, 99)),
            c("transfer to an agent in wrap-up", CommandType.TRANSFER_TO_AGENT, Result.ITEM_NOT_ASSIGNED, 5,
                s -> s.engine.transferToAgent(NOW, 5L, cc)),
            c("transfer to a logged-out agent", CommandType.TRANSFER_TO_AGENT, Result.AGENT_NOT_LOGGED_IN, 1,
                s -> s.engine.transferToAgent(NOW, 1L, b)),
            c("transfer to the agent holding the item", CommandType.TRANSFER_TO_AGENT, Result.AGENT_NOT_ELIGIBLE, 1,
                s -> s.engine.transferToAgent(NOW, 1L, a)),
            c("transfer to the agent offered the item", CommandType.TRANSFER_TO_AGENT, Result.AGENT_NOT_ELIGIBLE, 2,
                s -> s.engine.transferToAgent(NOW, 2L, a)),

            c("consult on an unknown item", CommandType.START_CONSULT, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.startConsult(NOW, UNKNOWN_ITEM_ID, cc)),
            c("consult with an unknown agent", CommandType.START_CONSULT, Result.UNKNOWN_AGENT, 1,
                s -> s.engine.startConsult(NOW, 1L, 99)),
            c("consult on an offered item", CommandType.START_CONSULT, Result.ITEM_NOT_ASSIGNED, 2,
                s -> s.engine.startConsult(NOW, 2L, e)),
            c("consult on an item in wrap-up", CommandType.START_CONSULT, Result.ITEM_NOT_ASSIGNED, 5,
                s -> s.engine.startConsult(NOW, 5L, e)),
            c("second consult", CommandType.START_CONSULT, Result.CONSULT_IN_PROGRESS, 6,
                s -> s.engine.startConsult(NOW, 6L, b)),
            c("consult with a logged-out agent", CommandType.START_CONSULT, Result.AGENT_NOT_LOGGED_IN, 1,
                s -> s.engine.startConsult(NOW, 1L, b)),
            c("consult with the agent holding the item", CommandType.START_CONSULT, Result.AGENT_NOT_ELIGIBLE, 1,
                s -> s.engine.startConsult(NOW, 1L, a)),
            c("consult with an agent without room", CommandType.START_CONSULT, Result.NO_CAPACITY, 1,
                s -> s.engine.startConsult(NOW, 1L, e)),
            c("end consult of an unknown item", CommandType.END_CONSULT, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.endConsult(NOW, UNKNOWN_ITEM_ID)),
            c("end consult without one", CommandType.END_CONSULT, Result.NO_CONSULT, 1,
                s -> s.engine.endConsult(NOW, 1L)),

            c("pick by an unknown agent", CommandType.PICK, Result.UNKNOWN_AGENT, 4, s -> s.engine.pick(NOW, 99, 4L)),
            c("pick of an unknown item", CommandType.PICK, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.pick(NOW, a, UNKNOWN_ITEM_ID)),
            c("pick by a logged-out agent", CommandType.PICK, Result.AGENT_NOT_LOGGED_IN, 4,
                s -> s.engine.pick(NOW, b, 4L)),
            c("pick of an assigned item", CommandType.PICK, Result.ITEM_NOT_WAITING, 1, s -> s.engine.pick(NOW, a, 1L)),
            c("pick of an offered item", CommandType.PICK, Result.ITEM_NOT_WAITING, 2, s -> s.engine.pick(NOW, e, 2L)),
            c("pick from a push queue", CommandType.PICK, Result.NOT_PICK_QUEUE, 3, s -> s.engine.pick(NOW, a, 3L)),
            c("pick by a non-member", CommandType.PICK, Result.AGENT_NOT_ELIGIBLE, 4, s -> s.engine.pick(NOW, cc, 4L)),
            c("pick without room for the chat", CommandType.PICK, Result.NO_CAPACITY, 4,
                s -> s.engine.pick(NOW, e, 4L)),
            c("pick by a full agent", CommandType.PICK, Result.NO_CAPACITY, 7, s -> s.engine.pick(NOW, a, 7L)),

            c("abandon of an unknown item", CommandType.ABANDON, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.abandon(NOW, UNKNOWN_ITEM_ID)),
            c("abandon of an assigned item", CommandType.ABANDON, Result.ITEM_ALREADY_ASSIGNED, 1,
                s -> s.engine.abandon(NOW, 1L)),
            c("abandon of an item in wrap-up", CommandType.ABANDON, Result.ITEM_ALREADY_ASSIGNED, 5,
                s -> s.engine.abandon(NOW, 5L)),
            c("cancel of an unknown item", CommandType.CANCEL, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.cancel(NOW, UNKNOWN_ITEM_ID)),
            c("cancel of an assigned item with a consult", CommandType.CANCEL, Result.ITEM_ALREADY_ASSIGNED, 6,
                s -> s.engine.cancel(NOW, 6L)),

            c("priority of an unknown item", CommandType.CHANGE_PRIORITY, Result.UNKNOWN_ITEM, UNKNOWN_ITEM_ID,
                s -> s.engine.changePriority(NOW, UNKNOWN_ITEM_ID, 1)),
            c("priority -1", CommandType.CHANGE_PRIORITY, Result.INVALID_VALUE, 3,
                s -> s.engine.changePriority(NOW, 3L, -1)),
            c("priority above a million", CommandType.CHANGE_PRIORITY, Result.INVALID_VALUE, 3,
                s -> s.engine.changePriority(NOW, 3L, 1_000_001)),

            c("tick back in time", CommandType.TICK, Result.TIME_REGRESSED, 0, s -> s.engine.tick(EARLIER)),
            c("login back in time", CommandType.LOGIN, Result.TIME_REGRESSED, b, s -> s.engine.login(EARLIER, b)),
            c("enqueue back in time", CommandType.ENQUEUE, Result.TIME_REGRESSED, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(EARLIER, UNKNOWN_ITEM_ID, s.f.chat, s.support, 0, -1)),
            c("accept back in time", CommandType.ACCEPT, Result.TIME_REGRESSED, 2,
                s -> s.engine.accept(EARLIER, 2L, s.engine.itemOfferId(2L))),
            c("release back in time", CommandType.RELEASE, Result.TIME_REGRESSED, 1,
                s -> s.engine.release(EARLIER, 1L, 0)),
            c("setPresence back in time", CommandType.SET_PRESENCE, Result.TIME_REGRESSED, cc,
                s -> s.engine.setPresence(EARLIER, cc, Presence.AWAY)),

            c("a command near the end of time", CommandType.LOGIN, Result.INVALID_TIME, b,
                s -> s.engine.login(Long.MAX_VALUE - 10, b)),
            c("a command at 2^47 ms", CommandType.ENQUEUE, Result.INVALID_TIME, UNKNOWN_ITEM_ID,
                s -> s.engine.enqueue(RoutingEngine.MAX_TIME, UNKNOWN_ITEM_ID, s.f.chat, s.support, 0, -1)),
            c("a tick at a negative time", CommandType.TICK, Result.INVALID_TIME, 0, s -> s.engine.tick(-1)),
            c("a setup command at a negative time", CommandType.DEFINE_SKILL, Result.INVALID_TIME, -1,
                s -> s.engine.defineSkill(Long.MIN_VALUE, "late")),
            c("a queue whose offer timeout would overflow the clock", CommandType.DEFINE_QUEUE, Result.INVALID_VALUE,
                -1,
                s -> s.engine.defineQueue(NOW, "slow", new QueueSpec().offerTimeoutMs(Long.MAX_VALUE))),
            c("a queue change to a service level beyond the bound", CommandType.CHANGE_QUEUE, Result.INVALID_VALUE,
                0, s -> s.engine.changeQueue(NOW, s.support, // support is queue 0
                new QueueSpec().serviceLevelMs(RoutingEngine.MAX_DURATION_MS + 1))),
            c("a requirement step that would overflow the clock", CommandType.DEFINE_REQUIREMENTS,
                Result.INVALID_VALUE, -1, s -> s.engine.defineRequirements(NOW,
                new io.switchboard.model.RequirementSpec().step(Long.MAX_VALUE).require(s.f.english, 1).step(0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedCommandReturnsItsTypedReasonEmitsItAndLeavesTheStateExactlyAsItWas(final Case bad)
    {
        final Scenario scenario = new Scenario();
        final String before = fingerprint(scenario);
        scenario.f.log.drain();

        final Result result = bad.command().apply(scenario);

        assertThat(result).isEqualTo(bad.reason());
        assertThat(scenario.f.log.drain()).containsExactly(
            "commandRejected " + bad.type() + " " + bad.reason() + " subject=" + bad.subject());
        if (bad.reason() == Result.INVALID_TIME)
        {
            assertThat(scenario.f.log.lastRejectedAt).as("reported with the command's own, impossible, now")
                .matches(t -> t < 0 || t >= RoutingEngine.MAX_TIME);
        }
        else
        {
            assertThat(scenario.f.log.lastRejectedAt).as("reported with the command's own now")
                .isEqualTo(bad.reason() == Result.TIME_REGRESSED ? EARLIER : NOW);
        }
        assertThat(fingerprint(scenario)).isEqualTo(before);
        assertThat(scenario.continueWithOrdinaryTraffic()).as("later traffic behaves as if nothing happened")
            .isEqualTo(new Scenario().continueWithOrdinaryTraffic());
    }

    @Test
    void rejectedCommandStillFiresTheTimersThatWereDueAtItsTime()
    {
        final Scenario scenario = new Scenario();
        scenario.f.log.drain();

        assertThat(scenario.engine.accept(12 + 60_000, 2L, 99)).isEqualTo(Result.STALE_OFFER);

        assertThat(scenario.f.log.drain()).containsExactly(
            "timedOut item=2 agent=0",
            "presence agent=0 AVAILABLE",
            "requeued item=2 TIMED_OUT",
            "commandRejected ACCEPT STALE_OFFER subject=2");
        assertThat(scenario.engine.itemState(2L)).isEqualTo(ItemState.WAITING);
    }

    @Test
    void enqueueIntoAFullItemTableIsRejectedAndChangesNothing()
    {
        final EngineFixture tiny = new EngineFixture(EngineConfig.small().maxItems(2));
        final int q = tiny.queue("q", new QueueSpec());
        tiny.loggedIn("alice", new AgentSpec().queue(q));
        tiny.enqueue(1, 1L, tiny.chat, q);
        tiny.enqueue(2, 2L, tiny.email, q);
        final String before = fingerprint(tiny, 2, 1, new long[] {1L, 2L, 3L});
        tiny.log.drain();

        assertThat(tiny.enqueue(NOW, 3L, tiny.chat, q)).isEqualTo(Result.ITEM_TABLE_FULL);

        assertThat(tiny.log.drain()).containsExactly("commandRejected ENQUEUE ITEM_TABLE_FULL subject=3");
        assertThat(fingerprint(tiny, 2, 1, new long[] {1L, 2L, 3L})).isEqualTo(before);
        assertThat(tiny.engine.enqueue(NOW, 1L, 99, q, 0, -1)).as("duplicate is checked first")
            .isEqualTo(Result.DUPLICATE_ITEM);
        assertThat(tiny.engine.enqueue(NOW, 3L, tiny.chat, q, -1, -1)).as("invalid values are checked before fullness")
            .isEqualTo(Result.INVALID_VALUE);
        tiny.engine.abandon(NOW + 1, 2L);
        assertThat(tiny.enqueue(NOW + 2, 3L, tiny.chat, q)).as("room again once an item ended").isEqualTo(Result.OK);
    }

    @Test
    void rejectIntoAFullExclusionTableIsRejectedAndTheOfferStaysOpen()
    {
        final EngineFixture tiny = new EngineFixture(EngineConfig.small().maxExclusions(1));
        final int q = tiny.queue("q", new QueueSpec());
        tiny.loggedIn("alice", new AgentSpec().queue(q));
        tiny.enqueue(1, 1L, tiny.chat, q);
        tiny.reject(2, 1L);
        tiny.enqueue(3, 2L, tiny.chat, q);
        final String before = fingerprint(tiny, 1, 1, new long[] {1L, 2L});
        tiny.log.drain();

        assertThat(tiny.reject(NOW, 2L)).isEqualTo(Result.EXCLUSION_TABLE_FULL);

        assertThat(tiny.log.drain()).containsExactly("commandRejected REJECT EXCLUSION_TABLE_FULL subject=2");
        assertThat(fingerprint(tiny, 1, 1, new long[] {1L, 2L})).isEqualTo(before);
        assertThat(tiny.engine.itemState(2L)).isEqualTo(ItemState.OFFERED);
        assertThat(tiny.engine.reject(NOW, 2L, 99)).as("stale offer is checked first").isEqualTo(Result.STALE_OFFER);
        tiny.engine.abandon(NOW + 1, 1L); // frees the exclusion
        assertThat(tiny.reject(NOW + 2, 2L)).isEqualTo(Result.OK);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // fingerprint of everything observable
    // ---------------------------------------------------------------------------------------------------------------

    private static String fingerprint(final Scenario scenario)
    {
        return fingerprint(scenario.f, 5, scenario.queueCount, new long[] {1, 2, 3, 4, 5, 6, 7, UNKNOWN_ITEM_ID});
    }

    private static String fingerprint(final EngineFixture f, final int agents, final int queues, final long[] itemIds)
    {
        final RoutingEngine engine = f.engine;
        final StringBuilder out = new StringBuilder();
        for (final long id : itemIds)
        {
            out.append("item ").append(id).append(' ').append(engine.itemState(id)).append(" agent=")
                .append(engine.itemAgent(id)).append(" offer=").append(engine.itemOfferId(id)).append('\n');
        }
        final AgentStats agentStats = new AgentStats();
        for (int agent = 0; agent < agents; agent++)
        {
            engine.readAgentStats(agent, 5_000, agentStats);
            out.append("agent ").append(agent).append(" used=").append(engine.agentUsedUnits(agent))
                .append(" held=").append(engine.agentHeldItems(agent)).append(' ').append(engine.agentPresence(agent))
                .append(" voice=").append(engine.channelCount(agent, f.voice))
                .append(" chat=").append(engine.channelCount(agent, f.chat))
                .append(" email=").append(engine.channelCount(agent, f.email))
                .append(fields(agentStats)).append('\n');
        }
        final QueueStats queueStats = new QueueStats();
        for (int queue = 0; queue < queues; queue++)
        {
            engine.readQueueStats(queue, 5_000, queueStats);
            out.append("queue ").append(queue).append(" waiting=").append(engine.waitingCount(queue))
                .append(fields(queueStats)).append('\n');
        }
        out.append("live=").append(engine.liveItems()).append(" next=").append(engine.nextDeadline());
        return out.toString();
    }

    private static String fields(final Object holder)
    {
        final StringBuilder out = new StringBuilder();
        for (final Field field : holder.getClass().getFields())
        {
            try
            {
                out.append(' ').append(field.getName()).append('=').append(field.get(holder));
            }
            catch (final IllegalAccessException e)
            {
                throw new AssertionError(e);
            }
        }
        return out.toString();
    }

    @Test
    void rejectedCommandStillAdvancesTheLatestTimeTheEngineHasSeen()
    {
        final Scenario scenario = new Scenario();

        assertThat(scenario.engine.login(NOW, 99)).isEqualTo(Result.UNKNOWN_AGENT);

        assertThat(scenario.engine.tick(NOW - 1)).isEqualTo(Result.TIME_REGRESSED);
        assertThat(scenario.engine.tick(NOW)).isEqualTo(Result.OK);
    }
}
