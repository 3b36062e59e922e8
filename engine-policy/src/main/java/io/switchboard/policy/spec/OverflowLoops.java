package io.switchboard.policy.spec;

import io.switchboard.model.OverflowAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cycles of before-queueing transfer rules (a → b → a) at build time: such a cycle could move an item from
 * queue to queue forever without time passing. Stateless; safe on any thread.
 */
final class OverflowLoops
{
    private static final int UNSEEN = 0;
    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    private OverflowLoops()
    {
    }

    /**
     * @param queues policies by queue name.
     * @throws PolicySetupException naming the first queue of the first cycle found (in definition order) and the
     *                              rule that starts it.
     */
    static void check(final Map<String, QueueSettings> queues)
    {
        final Map<String, Integer> state = new HashMap<>();
        final List<String> path = new ArrayList<>();
        for (final String queue : queues.keySet())
        {
            visit(queue, queues, state, path);
        }
    }

    private static void visit(final String queue, final Map<String, QueueSettings> queues,
        final Map<String, Integer> state, final List<String> path)
    {
        final int seen = state.getOrDefault(queue, UNSEEN);
        if (seen == DONE)
        {
            return;
        }
        if (seen == ON_PATH)
        {
            final List<String> cycle = new ArrayList<>(path.subList(path.indexOf(queue), path.size()));
            cycle.add(queue);
            final String first = cycle.get(0);
            throw PolicySetupException.ofQueue(first, ruleTo(queues.get(first), cycle.get(1)),
                "overflow loop before queueing: " + String.join(" -> ", cycle)
                    + " (an item could bounce between these queues forever)");
        }
        state.put(queue, ON_PATH);
        path.add(queue);
        final QueueSettings settings = queues.get(queue);
        if (settings != null)
        {
            for (final OverflowRule rule : settings.beforeQueueing())
            {
                if (rule.action() == OverflowAction.TRANSFER)
                {
                    visit(rule.targetQueue(), queues, state, path);
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(queue, DONE);
    }

    private static int ruleTo(final QueueSettings settings, final String target)
    {
        for (int i = 0; i < settings.rules().size(); i++)
        {
            final OverflowRule rule = settings.rules().get(i);
            if (rule.trigger().beforeQueueing() && rule.action() == OverflowAction.TRANSFER
                && rule.targetQueue().equals(target))
            {
                return i;
            }
        }
        return -1;
    }
}
