package io.switchboard.sim.report;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the KPIs of a run from the simulator's item events and time-integrated counters. Item events name the
 * queue, channel and stream of the item's current queue visit and the interval in which the visit began; they are
 * reported only for items that arrived after warm-up. Counters (busy units, logged-in units, waiting items) are
 * integrated over time from the end of warm-up.
 *
 * <p>A dimension with a single member (one queue, one channel or one stream) sees exactly the events of the overall
 * slice, so its slices and counters are not updated per event: they mirror the overall ones, copied when intervals
 * close and when the report is built (the same numbers, bit for bit, for a fraction of the work per item).
 * Not thread safe; one simulation thread.
 */
public final class KpiCollector
{
    /** Interval counts above this keep interval histograms packed (memory per value held, not per bucket). */
    static final int PACKED_INTERVALS = 1_000;

    private final List<String> queueNames;
    private final List<String> channelNames;
    private final List<String> streamNames;
    private final long[] thresholdMs;
    private final long measureStartMs;
    private final long intervalMs;
    private final int intervalCount;

    private final KpiSlice overall;
    private final KpiSlice[] queues;
    private final KpiSlice[] channels;
    private final KpiSlice[] streams;
    private final KpiSlice[] intervalOverall;
    private final KpiSlice[][] intervalQueues;

    // time-integrated counters, flat: busy per queue, channel, stream, total; logged per queue, total; waiting
    private final int busyQueue;
    private final int busyChannel;
    private final int busyStream;
    private final int busyTotal;
    private final int loggedQueue;
    private final int loggedTotal;
    private final int waitingQueue;
    private final int waitingTotal;
    private final int loggedAgents;
    private final double[] value;
    private final long[] last;
    private final double[] intervalArea;
    private final double[] totalArea;
    private final double[][] intervalWaiting;
    private final double[] intervalStaffed;
    /** Whether each queue, channel and stream keeps its own slices and counters; false: it mirrors the overall. */
    private final boolean perQueue;
    private final boolean perChannel;
    private final boolean perStream;
    private int currentInterval = -1;
    private ReportContext context = ReportContext.NONE;
    private boolean[] slaQueues;
    private List<String> ruleQueues = List.of();
    private List<String> endReasons = List.of();
    private long[][] classifiedQueue;
    private long[][] classifiedEnd;

    /**
     * @param queueNames    queue names in handle order.
     * @param thresholdMs   service-level threshold per queue.
     * @param channelNames  channel names.
     * @param streamNames   stream names.
     * @param warmupMs      measurement starts here.
     * @param durationMs    measured duration.
     * @param intervalMs    interval length.
     */
    public KpiCollector(final List<String> queueNames, final long[] thresholdMs, final List<String> channelNames,
        final List<String> streamNames, final long warmupMs, final long durationMs, final long intervalMs)
    {
        this.queueNames = List.copyOf(queueNames);
        this.channelNames = List.copyOf(channelNames);
        this.streamNames = List.copyOf(streamNames);
        this.thresholdMs = thresholdMs.clone();
        this.measureStartMs = warmupMs;
        this.intervalMs = intervalMs;
        this.intervalCount = (int)Math.max(1, (durationMs + intervalMs - 1) / intervalMs);
        final long maxWait = Math.max(3_600_000L, Math.min(warmupMs + durationMs, 30L * 86_400_000L));
        final long maxIntervalWait = Math.min(maxWait, 86_400_000L);
        final int nq = queueNames.size();
        final int nc = channelNames.size();
        final int ns = streamNames.size();
        perQueue = nq != 1;
        perChannel = nc != 1;
        perStream = ns != 1;
        overall = new KpiSlice(maxWait, true);
        queues = precise(nq, maxWait);
        channels = precise(nc, maxWait);
        streams = precise(ns, maxWait);
        // beyond a few weeks of 15-minute intervals, full histogram arrays per interval would outgrow the heap
        final boolean packed = intervalCount > PACKED_INTERVALS;
        intervalOverall = slices(intervalCount, maxIntervalWait, packed);
        intervalQueues = new KpiSlice[intervalCount][];
        for (int k = 0; k < intervalCount; k++)
        {
            intervalQueues[k] = slices(nq, maxIntervalWait, packed);
        }
        busyQueue = 0;
        busyChannel = busyQueue + nq;
        busyStream = busyChannel + nc;
        busyTotal = busyStream + ns;
        loggedQueue = busyTotal + 1;
        loggedTotal = loggedQueue + nq;
        waitingQueue = loggedTotal + 1;
        waitingTotal = waitingQueue + nq;
        loggedAgents = waitingTotal + 1;
        final int counters = loggedAgents + 1;
        value = new double[counters];
        last = new long[counters];
        intervalArea = new double[counters];
        totalArea = new double[counters];
        intervalWaiting = new double[intervalCount][nq + 1];
        intervalStaffed = new double[intervalCount];
        slaQueues = new boolean[nq];
        classifiedQueue = new long[ns][0];
        classifiedEnd = new long[ns][0];
    }

    /** Sets what the report says besides the KPIs: calendar, interval, inputs. Slow path, before the run. */
    public void reportContext(final ReportContext newContext)
    {
        this.context = newContext;
    }

    /**
     * Declares what the scenario's service policies make reportable. Slow path, before the run.
     *
     * @param slaQueues  per queue, whether it reports {@code slaWarnings} and {@code slaBreaches}.
     * @param ruleQueues the queues the classification rules name, by rule queue id.
     * @param endReasons the end reasons of the policies, by id.
     */
    public void reportPolicies(final boolean[] slaQueues, final List<String> ruleQueues, final List<String> endReasons)
    {
        this.slaQueues = slaQueues.clone();
        this.ruleQueues = List.copyOf(ruleQueues);
        this.endReasons = List.copyOf(endReasons);
        for (int s = 0; s < streamNames.size(); s++)
        {
            classifiedQueue[s] = new long[ruleQueues.size()];
            classifiedEnd[s] = new long[endReasons.size()];
        }
    }

    /**
     * An item of stream {@code s} was classified by the rules.
     *
     * @param ruleQueue the rule queue id chosen, or -1.
     * @param endReason the end reason id chosen, or -1.
     */
    public void classified(final int s, final int ruleQueue, final int endReason)
    {
        if (ruleQueue >= 0)
        {
            classifiedQueue[s][ruleQueue]++;
        }
        else if (endReason >= 0)
        {
            classifiedEnd[s][endReason]++;
        }
    }

    /** An item in queue {@code q} reached an SLA warning (either KPI). */
    public void slaWarning(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.SLA_WARNINGS, q, c, s, k);
    }

    /** An item in queue {@code q} breached an SLA (either KPI). */
    public void slaBreach(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.SLA_BREACHES, q, c, s, k);
    }

    private static KpiSlice[] precise(final int n, final long maxWait)
    {
        final KpiSlice[] result = new KpiSlice[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = new KpiSlice(maxWait, true);
        }
        return result;
    }

    private static KpiSlice[] slices(final int n, final long maxWait, final boolean packed)
    {
        final KpiSlice[] result = new KpiSlice[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = new KpiSlice(maxWait, false, packed);
        }
        return result;
    }

    /**
     * @param entryMs time an item entered its queue.
     * @return the interval index of that time, clamped to the measured intervals.
     */
    public int intervalOf(final long entryMs)
    {
        final long k = (entryMs - measureStartMs) / intervalMs;
        return (int)Math.max(0, Math.min(intervalCount - 1, k));
    }

    /** @return number of measured intervals. */
    public int intervalCount()
    {
        return intervalCount;
    }

    /** An item entered queue {@code q} (arrival or transfer in). */
    public void offered(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.OFFERED, q, c, s, k);
    }

    /** An item of queue {@code q} was answered after waiting {@code waitMs}. */
    public void answered(final int q, final int c, final int s, final int k, final long waitMs)
    {
        final long threshold = thresholdMs[q];
        overall.answer(waitMs, threshold);
        intervalOverall[k].answer(waitMs, threshold);
        if (perQueue)
        {
            queues[q].answer(waitMs, threshold);
            intervalQueues[k][q].answer(waitMs, threshold);
        }
        if (perChannel)
        {
            channels[c].answer(waitMs, threshold);
        }
        if (perStream)
        {
            streams[s].answer(waitMs, threshold);
        }
    }

    /** The customer of an item of queue {@code q} left before being answered. */
    public void abandoned(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.ABANDONED, q, c, s, k);
    }

    /** An answered item of queue {@code q} was transferred out. */
    public void transferred(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.TRANSFERRED, q, c, s, k);
    }

    /** An item was sent from queue {@code q} to another queue by overflow (before or while waiting). */
    public void overflowed(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.OVERFLOWED, q, c, s, k);
    }

    /** An item of queue {@code q} was offered to (or auto-assigned to) an agent. */
    public void offerMade(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.OFFERS_MADE, q, c, s, k);
    }

    /** An offer of an item of queue {@code q} was rejected or timed out. */
    public void offerRefused(final int q, final int c, final int s, final int k)
    {
        count(KpiSlice.OFFERS_REFUSED, q, c, s, k);
    }

    /** An item answered from queue {@code q} was released after {@code handleMs} (wrap-up included). */
    public void handled(final int q, final int c, final int s, final int k, final long handleMs)
    {
        overall.handle(handleMs);
        intervalOverall[k].handle(handleMs);
        if (perQueue)
        {
            queues[q].handle(handleMs);
            intervalQueues[k][q].handle(handleMs);
        }
        if (perChannel)
        {
            channels[c].handle(handleMs);
        }
        if (perStream)
        {
            streams[s].handle(handleMs);
        }
    }

    /** Adds one to a counter ({@link KpiSlice#OFFERED}, ...) of every slice the item's event belongs to. */
    private void count(final int counter, final int q, final int c, final int s, final int k)
    {
        overall.count(counter);
        intervalOverall[k].count(counter);
        if (perQueue)
        {
            queues[q].count(counter);
            intervalQueues[k][q].count(counter);
        }
        if (perChannel)
        {
            channels[c].count(counter);
        }
        if (perStream)
        {
            streams[s].count(counter);
        }
    }

    /** Capacity units held for an item of queue {@code q} changed by {@code delta} at {@code now}. */
    public void busyChanged(final long now, final int q, final int c, final int s, final int delta)
    {
        change(now, busyTotal, delta);
        if (perQueue)
        {
            change(now, busyQueue + q, delta);
        }
        if (perChannel)
        {
            change(now, busyChannel + c, delta);
        }
        if (perStream)
        {
            change(now, busyStream + s, delta);
        }
    }

    /** An agent with {@code capacity} units and the given queue memberships logged in (+1) or out (-1). */
    public void loggedInChanged(final long now, final int[] memberOf, final int capacity, final int sign)
    {
        final int delta = capacity * sign;
        for (final int q : memberOf)
        {
            change(now, loggedQueue + q, delta);
        }
        change(now, loggedTotal, delta);
        change(now, loggedAgents, sign);
    }

    /** The number of items waiting in queue {@code q} changed by {@code delta}. */
    public void waitingChanged(final long now, final int q, final int delta)
    {
        change(now, waitingTotal, delta);
        if (perQueue)
        {
            change(now, waitingQueue + q, delta);
        }
    }

    private void change(final long now, final int index, final double delta)
    {
        integrate(now, index);
        value[index] += delta;
    }

    private void integrate(final long now, final int index)
    {
        final long from = Math.max(last[index], measureStartMs);
        if (now > from)
        {
            intervalArea[index] += value[index] * (now - from);
        }
        last[index] = now;
    }

    /**
     * Closes the running interval at an interval boundary (and starts the first one at the end of warm-up).
     *
     * @param now boundary time.
     */
    public void boundary(final long now)
    {
        for (int i = 0; i < value.length; i++)
        {
            integrate(now, i);
        }
        mirrorAreas();
        if (currentInterval >= 0 && currentInterval < intervalCount)
        {
            final int k = currentInterval;
            final int nq = queueNames.size();
            for (int q = 0; q < nq; q++)
            {
                intervalQueues[k][q].busyArea += intervalArea[busyQueue + q];
                intervalQueues[k][q].loggedArea += intervalArea[loggedQueue + q];
                intervalWaiting[k][q] = intervalArea[waitingQueue + q];
            }
            intervalOverall[k].busyArea += intervalArea[busyTotal];
            intervalOverall[k].loggedArea += intervalArea[loggedTotal];
            intervalWaiting[k][nq] = intervalArea[waitingTotal];
            intervalStaffed[k] = intervalArea[loggedAgents];
        }
        for (int i = 0; i < value.length; i++)
        {
            totalArea[i] += intervalArea[i];
            intervalArea[i] = 0.0;
        }
        currentInterval++;
    }

    /**
     * The counters of a single-member dimension were not integrated per event: they take the overall's area, which
     * is the same sum of the same products.
     */
    private void mirrorAreas()
    {
        if (!perQueue)
        {
            intervalArea[busyQueue] = intervalArea[busyTotal];
            intervalArea[waitingQueue] = intervalArea[waitingTotal];
        }
        if (!perChannel)
        {
            intervalArea[busyChannel] = intervalArea[busyTotal];
        }
        if (!perStream)
        {
            intervalArea[busyStream] = intervalArea[busyTotal];
        }
    }

    /** The slices of a single-member dimension take the item counts of the overall slice they mirror. */
    private void mirrorSlices(final KpiSlice all, final KpiSlice[] perQueueSlices, final KpiSlice[] perChannelSlices,
        final KpiSlice[] perStreamSlices)
    {
        if (!perQueue)
        {
            perQueueSlices[0].copyCounts(all);
        }
        if (!perChannel && perChannelSlices != null)
        {
            perChannelSlices[0].copyCounts(all);
        }
        if (!perStream && perStreamSlices != null)
        {
            perStreamSlices[0].copyCounts(all);
        }
    }

    /**
     * Builds the report at the end of the run.
     *
     * @param endMs     end of the run (the last boundary is closed here).
     * @param header    scenario name, seed and run statistics.
     * @return the report.
     */
    public SimulationReport report(final long endMs, final RunHeader header)
    {
        if (currentInterval < intervalCount)
        {
            boundary(endMs);
        }
        final int nq = queueNames.size();
        final int nc = channelNames.size();
        final int ns = streamNames.size();
        mirrorSlices(overall, queues, channels, streams);
        for (int k = 0; k < intervalCount; k++)
        {
            mirrorSlices(intervalOverall[k], intervalQueues[k], null, null); // late answers count in their interval
        }
        for (int q = 0; q < nq; q++)
        {
            queues[q].busyArea = totalArea[busyQueue + q];
            queues[q].loggedArea = totalArea[loggedQueue + q];
        }
        for (int c = 0; c < nc; c++)
        {
            channels[c].busyArea = totalArea[busyChannel + c];
            channels[c].loggedArea = totalArea[loggedTotal];
        }
        for (int s = 0; s < ns; s++)
        {
            streams[s].busyArea = totalArea[busyStream + s];
            streams[s].loggedArea = totalArea[loggedTotal];
        }
        overall.busyArea = totalArea[busyTotal];
        overall.loggedArea = totalArea[loggedTotal];

        final Map<String, KpiValues> queueValues = new LinkedHashMap<>();
        final Map<String, Double> thresholds = new LinkedHashMap<>();
        for (int q = 0; q < nq; q++)
        {
            queueValues.put(queueNames.get(q), queues[q].values(true, slaQueues[q]));
            thresholds.put(queueNames.get(q), thresholdMs[q] / 1000.0);
        }
        final Map<String, KpiValues> channelValues = new LinkedHashMap<>();
        for (int c = 0; c < nc; c++)
        {
            channelValues.put(channelNames.get(c), channels[c].values(false, false));
        }
        final Map<String, KpiValues> streamValues = new LinkedHashMap<>();
        for (int s = 0; s < ns; s++)
        {
            streamValues.put(streamNames.get(s), streams[s].values(false, false));
        }
        final List<IntervalReport> intervals = new ArrayList<>();
        for (int k = 0; k < intervalCount; k++)
        {
            final long start = measureStartMs + k * intervalMs;
            final double length = Math.max(1, Math.min(intervalMs, endMs - start));
            final Map<String, KpiValues> perQueue = new LinkedHashMap<>();
            final Map<String, Double> waiting = new LinkedHashMap<>();
            for (int q = 0; q < nq; q++)
            {
                perQueue.put(queueNames.get(q), intervalQueues[k][q].values(true, slaQueues[q]));
                waiting.put(queueNames.get(q), intervalWaiting[k][q] / length);
            }
            intervals.add(new IntervalReport(start / 1000.0, intervalOverall[k].values(false, false), perQueue, waiting,
                intervalWaiting[k][nq] / length, intervalStaffed[k] / length));
        }
        return new SimulationReport(header.scenario(), header.seed(), (endMs - measureStartMs) / 1000.0,
            header.wallSeconds(), header.workItems(), header.events(), overall.values(false, false), queueValues,
            channelValues, streamValues, intervals, distribution(overall.waits()), thresholds,
            header.engineRejections(), classification(), context);
    }

    private Map<String, Map<String, Long>> classification()
    {
        final Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (int s = 0; s < streamNames.size(); s++)
        {
            final Map<String, Long> counts = new LinkedHashMap<>();
            for (int q = 0; q < classifiedQueue[s].length; q++)
            {
                if (classifiedQueue[s][q] > 0)
                {
                    counts.put(ruleQueues.get(q), classifiedQueue[s][q]);
                }
            }
            for (int r = 0; r < classifiedEnd[s].length; r++)
            {
                if (classifiedEnd[s][r] > 0)
                {
                    counts.put("ended:" + endReasons.get(r), classifiedEnd[s][r]);
                }
            }
            if (!counts.isEmpty())
            {
                result.put(streamNames.get(s), counts);
            }
        }
        return result;
    }

    private static List<double[]> distribution(final AbstractHistogram waits)
    {
        final List<double[]> result = new ArrayList<>();
        if (waits == null)
        {
            return result;
        }
        for (final HistogramIterationValue v : waits.logarithmicBucketValues(1000, 2.0))
        {
            result.add(new double[] {v.getValueIteratedTo() / 1000.0, v.getCountAddedInThisIterationStep()});
        }
        return result;
    }

    /**
     * Run-level facts for the report header. Immutable; safe on any thread.
     *
     * @param scenario         scenario name.
     * @param seed             seed.
     * @param wallSeconds      wall-clock seconds.
     * @param workItems        arrivals.
     * @param events           kernel events.
     * @param engineRejections commands rejected by the engine.
     */
    public record RunHeader(String scenario, long seed, double wallSeconds, long workItems, long events,
        long engineRejections)
    {
    }
}
