package io.switchboard.sim.record;

import io.switchboard.sim.scenario.ScenarioException;
import io.switchboard.sim.traffic.Arrival;
import io.switchboard.sim.traffic.TrafficSource;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traffic read back from a Chronicle Queue written by {@link RecordingWriter}, in recorded order. Not thread safe;
 * one simulation thread.
 */
public final class RecordedTraffic implements TrafficSource
{
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final String origin;
    private final List<String> streams;
    private final List<String> channels;
    private final List<String> queues;
    private final List<Map<String, Integer>> requirements = new ArrayList<>();

    /**
     * @param dir a recording directory.
     * @throws ScenarioException when the directory holds no recording.
     */
    public RecordedTraffic(final File dir)
    {
        if (!dir.isDirectory() || noQueueFiles(dir))
        {
            throw new ScenarioException(dir.toString(), 0, null, "not a recording (no Chronicle Queue files in it)");
        }
        this.queue = ChronicleQueue.singleBuilder(dir).readOnly(false).build();
        this.tailer = queue.createTailer();
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                queue.close();
                throw new ScenarioException(dir.toString(), 0, null, "the recording is empty");
            }
            final Wire wire = dc.wire();
            final int format = wire.read("format").int32();
            if (format != RecordingWriter.FORMAT_VERSION)
            {
                queue.close();
                throw new ScenarioException(dir.toString(), 0, null, "unsupported recording format " + format);
            }
            origin = wire.read("origin").text();
            streams = split(wire.read("streams").text(), wire.read("streamCount").int32());
            channels = split(wire.read("channels").text(), wire.read("channelCount").int32());
            queues = split(wire.read("queues").text(), wire.read("queueCount").int32());
            final List<String> sets = split(wire.read("requirements").text(), wire.read("requirementCount").int32());
            for (final String set : sets)
            {
                final Map<String, Integer> map = new LinkedHashMap<>();
                if (!set.isEmpty())
                {
                    for (final String part : set.split(";"))
                    {
                        final int colon = part.lastIndexOf(':');
                        map.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
                    }
                }
                requirements.add(map);
            }
        }
    }

    private static boolean noQueueFiles(final File dir)
    {
        final String[] names = dir.list();
        return names == null || Arrays.stream(names).noneMatch(n -> n.endsWith(".cq4"));
    }

    private static List<String> split(final String text, final int count)
    {
        if (count == 0)
        {
            return List.of();
        }
        return List.of((text == null ? "" : text).split("\n", -1));
    }

    /** @return where the traffic came from. */
    public String origin()
    {
        return origin;
    }

    @Override
    public List<String> streamNames()
    {
        return streams;
    }

    @Override
    public List<String> channelNames()
    {
        return channels;
    }

    @Override
    public List<String> queueNames()
    {
        return queues;
    }

    @Override
    public List<Map<String, Integer>> requirementSets()
    {
        return requirements;
    }

    @Override
    public boolean next(final Arrival out)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Wire wire = dc.wire();
            out.timeMs = wire.read("t").int64();
            out.stream = wire.read("s").int32();
            out.channel = wire.read("c").int32();
            out.queue = wire.read("q").int32();
            out.priority = wire.read("p").int32();
            out.requirements = wire.read("r").int32();
            out.handleMs = wire.read("h").int64();
            out.secondHandleMs = wire.read("h2").int64();
            out.patienceMs = wire.read("pt").int64();
            out.transferQueue = wire.read("x").int32();
            return true;
        }
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
