package io.switchboard.engine;

import io.switchboard.model.Strategy;

/**
 * Receives an explanation from {@code RoutingEngine.explain}: why agents are, or are not, offered an item, as
 * structured reasons rather than text, so that a host can count, filter or render them. The engine calls
 * {@link #onItem} once, then {@link #onReason} for each reason of each agent examined (an agent's reasons are
 * consecutive), then {@link #onEnd} once; the arguments are primitives and enum constants, so explaining allocates
 * nothing. {@link RoutingExplanation} is a ready-made sink that keeps the reasons and renders them.
 *
 * <p><b>Threading:</b> called synchronously on the thread that calls {@code explain} — the engine thread. The sink
 * must not call the engine.
 */
public interface ExplainSink
{
    /**
     * The item's situation.
     *
     * @param itemId   the item.
     * @param state    its state (never {@link ItemState#NONE}).
     * @param queue    its queue.
     * @param strategy the queue's strategy: how eligible agents are ranked.
     * @param channel  its channel.
     * @param step     its current requirement step (0-based).
     * @param agent    the agent it is offered to or held by, or -1 while it waits.
     * @param target   the agent it was transferred to and waits for, or -1.
     */
    void onItem(long itemId, ItemState state, int queue, Strategy strategy, int channel, int step, int agent,
        int target);

    /**
     * One reason for one agent; see each {@link ExplainReason} for what {@code subject}, {@code required} and
     * {@code actual} carry.
     *
     * @param agent    the agent.
     * @param reason   the reason.
     * @param subject  a queue, agent, skill or channel handle, or an item id, as the reason says; else 0.
     * @param required the level, cost or limit required, as the reason says; else 0.
     * @param actual   the agent's level, free units, held items or presence, as the reason says; else 0.
     */
    void onReason(int agent, ExplainReason reason, long subject, int required, int actual);

    /**
     * The end of the explanation.
     *
     * @param agentsExamined   agents examined: the one asked about, or every member of the item's queue (only the
     *                         target for an item transferred to an agent).
     * @param agentsMeetingAll of them, those that fail no eligibility rule (pick mode, outranked, holding the item
     *                         or eligible).
     */
    void onEnd(int agentsExamined, int agentsMeetingAll);
}
