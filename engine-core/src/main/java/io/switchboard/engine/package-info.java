/**
 * The routing engine: a deterministic, single-writer state machine ({@link io.switchboard.engine.RoutingEngine}),
 * its commands, events and typed rejections. Normative semantics: {@code engine-core/ROUTING.md}.
 *
 * <h2>How a decision finds its agent, and what it costs</h2>
 *
 * <p>Agents with the same skills, levels and queue memberships form an <em>agent pool</em> (one per distinct
 * profile; a contact center with 10,000 agents typically has a few hundred). Waiting items with the same queue,
 * channel and current requirement set form an <em>item class</em>. When a pool or class first appears, the engine
 * links every pool to every class it may serve (membership and skills, or any member for closest-match queues) and
 * precomputes the link's rank (level shortfall; proficiency for best-skill). This is the only place that looks at
 * all pools or all classes, and it happens once per new profile, off the hot path.
 *
 * <p>Inside a pool, the agents who can take one more item of a channel right now (working presence, enough units,
 * channel limit not reached) sit in a {@link io.switchboard.collections.IndexedMinHeap} ordered by the queue
 * strategy's key, with the agent handle as tie-break. There is one such heap per (channel, ordering) actually used;
 * orderings are shared by all queues with the same strategy, except round-robin, which is per queue.
 *
 * <ul>
 *   <li><b>Item → agent</b> (an item arrives or returns): walk the item class's candidate heaps in rank order and
 *       peek each top; stop at the first rank worse than a found agent. Cost: O(P) peeks for the P pools that can
 *       serve the class — independent of the number of agents.</li>
 *   <li><b>Agent → item</b> (capacity is freed, an agent logs in): walk the pool's pull list (classes sorted by
 *       queue priority), skip classes whose channel does not fit, peek each class's head (priority, then arrival);
 *       stop when the queue priority is worse than a found item. Cost: O(C) for the C classes the pool may serve —
 *       independent of the number of waiting items.</li>
 *   <li><b>Keeping heaps current</b>: when an agent frees capacity (or logs in, changes presence, capacity or
 *       limits) it is re-ranked at once in each heap of its pool: O(H log n) for its H heaps of n agents. When it
 *       takes work (offer, accept, pick, consult) its keys can only get worse and it may stop fitting, so nothing is
 *       done then: a heap repairs its top when it is next read (remove if it no longer fits, sift down if its key
 *       grew) — one repair per heap actually consulted instead of H. Random keys, which move either way, are the
 *       exception and are re-ranked at once.</li>
 * </ul>
 *
 * <p>Because each class has its own heap, an item nobody can take only blocks its own class: later items of other
 * classes are matched regardless (no head-of-line blocking). A skipped item is not starved: it keeps its place
 * (priority, arrival) and the first agent that can take it and frees capacity takes it before any lower-ranked item,
 * because an agent always pulls its best-ranked eligible item. What can still delay it is only what strict priority
 * allows by design — higher-ranked work — or an agent whose capacity never frees enough units for an expensive
 * channel while cheaper items keep arriving; see ROUTING.md.
 *
 * <p>Rare cases take named slow paths: items with exclusions (an agent rejected them) scan their candidate heap; a
 * never-seen profile or class allocates its pool or class once.
 *
 * <p><b>Threading:</b> everything in this package runs on the engine thread only; nothing is thread safe.
 */
package io.switchboard.engine;
