package io.switchboard.sim.record;

import io.switchboard.sim.traffic.Arrival;
import io.switchboard.sim.traffic.TrafficSource;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes traffic to a Chronicle Queue directory: one header excerpt (origin, the name tables of the traffic) and
 * then one excerpt per work item in arrival order ({@link RecordedTraffic} reads them back). Not thread safe; one
 * thread.
 */
public final class RecordingWriter
{
    static final int FORMAT_VERSION = 1;

    private RecordingWriter()
    {
    }

    /**
     * @param traffic the traffic to record, consumed to its end.
     * @param dir     the queue directory (created).
     * @param origin  a description of where the traffic came from (scenario name and seed, or CSV file).
     * @return the number of work items written.
     */
    public static long write(final TrafficSource traffic, final Path dir, final String origin)
    {
        long count = 0;
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir.toFile()).build())
        {
            final ExcerptAppender appender = queue.createAppender();
            try (DocumentContext dc = appender.writingDocument())
            {
                final Wire wire = dc.wire();
                wire.write("format").int32(FORMAT_VERSION);
                wire.write("origin").text(origin);
                wire.write("streams").text(join(traffic.streamNames()));
                wire.write("streamCount").int32(traffic.streamNames().size());
                wire.write("channels").text(join(traffic.channelNames()));
                wire.write("channelCount").int32(traffic.channelNames().size());
                wire.write("queues").text(join(traffic.queueNames()));
                wire.write("queueCount").int32(traffic.queueNames().size());
                wire.write("requirements").text(join(traffic.requirementSets().stream()
                    .map(RecordingWriter::requirementText).toList()));
                wire.write("requirementCount").int32(traffic.requirementSets().size());
            }
            final Arrival a = new Arrival();
            while (traffic.next(a))
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    final Wire wire = dc.wire();
                    wire.write("t").int64(a.timeMs);
                    wire.write("s").int32(a.stream);
                    wire.write("c").int32(a.channel);
                    wire.write("q").int32(a.queue);
                    wire.write("p").int32(a.priority);
                    wire.write("r").int32(a.requirements);
                    wire.write("h").int64(a.handleMs);
                    wire.write("h2").int64(a.secondHandleMs);
                    wire.write("pt").int64(a.patienceMs);
                    wire.write("x").int32(a.transferQueue);
                }
                count++;
            }
        }
        finally
        {
            traffic.close();
        }
        return count;
    }

    static String requirementText(final Map<String, Integer> requirements)
    {
        return requirements.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String join(final List<String> values)
    {
        return String.join("\n", values);
    }
}
