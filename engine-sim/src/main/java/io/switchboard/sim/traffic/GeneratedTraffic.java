package io.switchboard.sim.traffic;

import io.switchboard.sim.random.Purpose;
import io.switchboard.sim.random.RandomStream;
import io.switchboard.sim.random.Sampler;
import io.switchboard.sim.scenario.ChannelDef;
import io.switchboard.sim.scenario.QueueDef;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.StreamDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The traffic of a scenario: each stream is a non-homogeneous Poisson process whose rate is the stream's
 * {@code ratePerHour} times the profile multiplier of the current interval (generated exactly by inverting the
 * integrated rate), merged in time order (ties by stream order). Every per-item draw comes from the stream's own
 * random stream for that purpose. Allocation-free per arrival. Not thread safe; one simulation thread.
 */
public final class GeneratedTraffic implements TrafficSource
{
    private final List<String> streamNames = new ArrayList<>();
    private final List<String> channelNames = new ArrayList<>();
    private final List<String> queueNames = new ArrayList<>();
    private final List<Map<String, Integer>> requirementSets = new ArrayList<>();
    private final long endMs;
    private final Stream[] streams;

    private static final class Stream
    {
        final int index;
        final int channel;
        final int queue;
        final double ratePerMs;
        final RateFunction profile;
        final RateFunction handleScale;
        final Sampler handle;
        final Sampler patience;
        final int[] priorities;
        final double[] cumulativeWeights;
        final double transferProbability;
        final int transferQueue;
        final RandomStream arrivals;
        final RandomStream handles;
        final RandomStream patiences;
        final RandomStream priorityDraws;
        final RandomStream transfers;
        final RandomStream secondHandles;
        double time;
        long nextMs;

        Stream(final int index, final Scenario scenario, final StreamDef def)
        {
            this.index = index;
            this.channel = scenario.channelIndex(def.channel());
            this.queue = scenario.queueIndex(def.queue());
            this.ratePerMs = def.ratePerHour() / 3_600_000.0;
            this.profile = new RateFunction(def.profile(), scenario.clock());
            this.handleScale = def.handleTimeProfile().isFlat() ? null
                : new RateFunction(def.handleTimeProfile(), scenario.clock());
            this.handle = new Sampler(def.handleTime());
            this.patience = def.patience() == null ? null : new Sampler(def.patience());
            this.priorities = def.priorities();
            final double[] weights = def.priorityWeights();
            this.cumulativeWeights = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++)
            {
                sum += weights[i];
                cumulativeWeights[i] = sum;
            }
            this.transferProbability = def.transferProbability();
            this.transferQueue = def.transferTo() == null ? -1 : scenario.queueIndex(def.transferTo());
            final long seed = scenario.seed();
            this.arrivals = RandomStream.derive(seed, def.name(), Purpose.ARRIVALS);
            this.handles = RandomStream.derive(seed, def.name(), Purpose.HANDLE_TIME);
            this.patiences = RandomStream.derive(seed, def.name(), Purpose.PATIENCE);
            this.priorityDraws = RandomStream.derive(seed, def.name(), Purpose.PRIORITY);
            this.transfers = RandomStream.derive(seed, def.name(), Purpose.TRANSFER);
            this.secondHandles = RandomStream.derive(seed, def.name(), Purpose.SECOND_HANDLE_TIME);
        }
    }

    /**
     * @param scenario the scenario whose traffic streams to generate, up to its end.
     */
    public GeneratedTraffic(final Scenario scenario)
    {
        this.endMs = scenario.endMs();
        for (final ChannelDef channel : scenario.channels())
        {
            channelNames.add(channel.name());
        }
        for (final QueueDef queue : scenario.queues())
        {
            queueNames.add(queue.name());
        }
        streams = new Stream[scenario.traffic().size()];
        for (int i = 0; i < streams.length; i++)
        {
            final StreamDef def = scenario.traffic().get(i);
            streamNames.add(def.name());
            requirementSets.add(def.requires());
            streams[i] = new Stream(i, scenario, def);
            advance(streams[i]);
        }
    }

    @Override
    public List<String> streamNames()
    {
        return streamNames;
    }

    @Override
    public List<String> channelNames()
    {
        return channelNames;
    }

    @Override
    public List<String> queueNames()
    {
        return queueNames;
    }

    @Override
    public List<Map<String, Integer>> requirementSets()
    {
        return requirementSets;
    }

    @Override
    public boolean next(final Arrival out)
    {
        Stream earliest = null;
        for (final Stream stream : streams)
        {
            if (stream.nextMs < endMs && (earliest == null || stream.nextMs < earliest.nextMs))
            {
                earliest = stream;
            }
        }
        if (earliest == null)
        {
            return false;
        }
        final Stream s = earliest;
        out.timeMs = s.nextMs;
        out.stream = s.index;
        out.channel = s.channel;
        out.queue = s.queue;
        out.requirements = s.index;
        out.priority = s.priorities.length == 1 ? s.priorities[0] : drawPriority(s);
        final double scale = s.handleScale == null ? 1.0 : s.handleScale.multiplier(s.nextMs);
        out.handleMs = s.handleScale == null ? s.handle.sampleMillis(s.handles)
            : Math.round(s.handle.sampleMillis(s.handles) * scale);
        out.patienceMs = s.patience == null ? -1 : s.patience.sampleMillis(s.patiences);
        if (s.transferQueue >= 0 && s.transfers.nextBoolean(s.transferProbability))
        {
            out.transferQueue = s.transferQueue;
            out.secondHandleMs = Math.round(s.handle.sampleMillis(s.secondHandles) * scale);
        }
        else
        {
            out.transferQueue = -1;
            out.secondHandleMs = 0;
        }
        advance(s);
        return true;
    }

    private static int drawPriority(final Stream s)
    {
        final double u = s.priorityDraws.nextDouble();
        final double[] cumulative = s.cumulativeWeights;
        for (int i = 0; i < cumulative.length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return s.priorities[i];
            }
        }
        return s.priorities[cumulative.length - 1];
    }

    /**
     * Moves the stream to its next arrival by inverting the piecewise-constant integrated rate, segment by segment
     * of the stream's {@link RateFunction} (profile steps, local midnights for weekday multipliers).
     */
    private void advance(final Stream s)
    {
        double remaining = s.arrivals.nextExponential();
        double t = s.time;
        final RateFunction profile = s.profile;
        while (t < endMs)
        {
            final long at = (long)Math.floor(t);
            final double rate = s.ratePerMs * profile.multiplier(at);
            final double segmentEnd = profile.segmentEnd(at);
            final double mass = rate * (segmentEnd - t);
            if (rate > 0.0 && remaining <= mass)
            {
                t += remaining / rate;
                s.time = t;
                s.nextMs = Math.round(t);
                return;
            }
            remaining -= mass;
            t = segmentEnd;
        }
        s.time = Double.POSITIVE_INFINITY;
        s.nextMs = Long.MAX_VALUE;
    }
}
