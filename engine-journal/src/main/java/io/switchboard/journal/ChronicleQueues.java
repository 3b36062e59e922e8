package io.switchboard.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.core.time.TimeProvider;

import java.nio.file.Path;

/**
 * Opens the journal's Chronicle Queue with our settings. Its static initialiser disables Chronicle's analytics
 * ({@code chronicle.analytics.disable=true}) before any Chronicle class initialises, unless the property was set
 * explicitly: nothing we ship contacts the network. Stateless; any thread.
 */
final class ChronicleQueues
{
    static
    {
        if (System.getProperty("chronicle.analytics.disable") == null)
        {
            System.setProperty("chronicle.analytics.disable", "true");
        }
    }

    private ChronicleQueues()
    {
    }

    /**
     * Opens (creating if needed) the queue in {@code dir}, read-write: Chronicle maps cycle files read-write and
     * extends a truncated one with zeros rather than fault on it. An existing queue keeps the roll cycle it was
     * created with.
     */
    static SingleChronicleQueue open(final Path dir, final RollCycle rollCycle, final TimeProvider timeProvider)
    {
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle);
        if (timeProvider != null)
        {
            builder.timeProvider(timeProvider);
        }
        return builder.build();
    }
}
