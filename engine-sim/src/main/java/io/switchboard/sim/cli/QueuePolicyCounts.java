package io.switchboard.sim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.SlaKpi;

import java.io.IOException;
import java.util.Arrays;

/**
 * Counts the policy events of an event stream per queue — overflows that moved or ended an item, SLA warnings, SLA
 * breaches — the way the report counts them, but over every item (no warm-up), so that a journaled run and a replay
 * of its journal can be compared. Not thread safe: the engine thread, then read after the run.
 */
final class QueuePolicyCounts extends NoOpEngineEvents
{
    private long[] overflowed = new long[8];
    private long[] slaWarnings = new long[8];
    private long[] slaBreaches = new long[8];

    @Override
    public void onOverflowed(final long now, final long itemId, final int fromQueue, final OverflowAction action,
        final int target)
    {
        if (action == OverflowAction.TRANSFER || action == OverflowAction.END)
        {
            overflowed = count(overflowed, fromQueue);
        }
    }

    @Override
    public void onSlaWarning(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        slaWarnings = count(slaWarnings, queue);
    }

    @Override
    public void onSlaBreached(final long now, final long itemId, final int queue, final SlaKpi kpi)
    {
        slaBreaches = count(slaBreaches, queue);
    }

    /** Writes {@code "queues": {"<name>": {"overflowed", "slaWarnings", "slaBreaches"}, ...}} for every queue. */
    void writeJson(final JsonGenerator json, final RoutingEngine engine) throws IOException
    {
        json.writeObjectFieldStart("queues");
        for (int queue = 0; queue < engine.queueCount(); queue++)
        {
            json.writeObjectFieldStart(engine.queueName(queue));
            json.writeNumberField("overflowed", at(overflowed, queue));
            json.writeNumberField("slaWarnings", at(slaWarnings, queue));
            json.writeNumberField("slaBreaches", at(slaBreaches, queue));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static long[] count(final long[] counts, final int queue)
    {
        final long[] grown = queue < counts.length ? counts :
            Arrays.copyOf(counts, Math.max(queue + 1, counts.length * 2));
        grown[queue]++;
        return grown;
    }

    private static long at(final long[] counts, final int queue)
    {
        return queue < counts.length ? counts[queue] : 0;
    }
}
