package io.switchboard.bench.ssj;

import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.randvar.RandomVariateGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Accumulate;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.stat.Tally;

import java.util.ArrayDeque;

/**
 * An M/M/c call center written the way SSJ's own examples write a queue ({@code QueueEv}): Poisson arrivals and
 * exponential service times drawn with {@link ExponentialGen} from two substreams of one {@link MRG32k3a} stream
 * (the service time drawn when the customer arrives), one FIFO waiting line, {@code c} servers, and an
 * {@link Event} subclass each for an arrival, a departure, the end of the warm-up and the end of the run, on the
 * SSJ {@link Simulator} (its default splay-tree event list). It keeps the tallies a bare model keeps: waits
 * ({@link Tally}), answered, answered within the service-level threshold and answered after waiting, and the
 * time-averaged busy servers and queue length ({@link Accumulate}); after the warm-up only, as the simulator's KPIs.
 * Times are in seconds.
 *
 * <p>This is the baseline of the simulator's speed target, so it is a fair model, not a straw man: an
 * {@link ArrayDeque} waiting line, and nothing the model does not need (no per-interval statistics, no histogram).
 *
 * <p><b>Threading:</b> not thread safe; one run per instance, on the calling thread.
 */
public final class SsjMmcModel
{
    private final Simulator simulator = new Simulator();
    private final int servers;
    private final double serviceLevelSeconds;
    private final double warmupSeconds;
    private final double endSeconds;
    private final RandomVariateGen interArrivalTimes;
    private final RandomVariateGen serviceTimes;
    private final ArrayDeque<Customer> waiting = new ArrayDeque<>();
    private final Tally waits = new Tally("waits");
    private final Accumulate busyServers = new Accumulate(simulator, "busy servers");
    private final Accumulate queueLength = new Accumulate(simulator, "queue length");
    private int busy;
    private long arrivals;
    private long answeredWithin;
    private long answeredAfterWaiting;

    /**
     * @param mmc  the queue and the run's horizon.
     * @param seed the run's seed (1 .. 4,294,944,442): the same seed gives the same run.
     */
    public SsjMmcModel(final MmcParameters mmc, final long seed)
    {
        this.servers = mmc.servers();
        this.serviceLevelSeconds = mmc.serviceLevelSeconds();
        this.warmupSeconds = mmc.warmupHours() * 3_600.0;
        this.endSeconds = warmupSeconds + mmc.hours() * 3_600.0;
        final MRG32k3a arrivalStream = new MRG32k3a();
        arrivalStream.setSeed(new long[] {seed, seed, seed, seed, seed, seed});
        final MRG32k3a serviceStream = arrivalStream.clone();
        serviceStream.resetNextSubstream();
        interArrivalTimes = new ExponentialGen(arrivalStream, mmc.ratePerHour() / 3_600.0);
        serviceTimes = new ExponentialGen(serviceStream, 1.0 / mmc.ahtSeconds());
    }

    /**
     * Runs the model to its horizon.
     *
     * @return what the tallies say.
     */
    public MmcResult run()
    {
        simulator.init();
        waits.init();
        busyServers.init(0.0);
        queueLength.init(0.0);
        new EndOfWarmup().schedule(warmupSeconds);
        new EndOfRun().schedule(endSeconds);
        new Arrival().schedule(interArrivalTimes.nextDouble());
        simulator.start();
        final long answered = waits.numberObs();
        return new MmcResult(arrivals, answered, waits.average(), ratio(answeredAfterWaiting, answered),
            ratio(answeredWithin, answered), busyServers.average() / servers, queueLength.average());
    }

    private static double ratio(final long count, final long of)
    {
        return of == 0 ? 0.0 : (double)count / of;
    }

    /** A customer: when it arrived and how long its service takes. */
    private static final class Customer
    {
        final double arrivalTime;
        final double serviceTime;

        Customer(final double arrivalTime, final double serviceTime)
        {
            this.arrivalTime = arrivalTime;
            this.serviceTime = serviceTime;
        }
    }

    private void startService(final Customer customer)
    {
        final double wait = simulator.time() - customer.arrivalTime;
        waits.add(wait);
        if (wait > 0.0)
        {
            answeredAfterWaiting++;
        }
        if (wait <= serviceLevelSeconds)
        {
            answeredWithin++;
        }
        new Departure().schedule(customer.serviceTime);
    }

    /** A customer arrives: served at once by a free server, or joins the end of the line. */
    private final class Arrival extends Event
    {
        Arrival()
        {
            super(simulator);
        }

        @Override
        public void actions()
        {
            new Arrival().schedule(interArrivalTimes.nextDouble());
            arrivals++;
            final Customer customer = new Customer(simulator.time(), serviceTimes.nextDouble());
            if (busy < servers)
            {
                busy++;
                busyServers.update(busy);
                startService(customer);
            }
            else
            {
                waiting.addLast(customer);
                queueLength.update(waiting.size());
            }
        }
    }

    /** A service ends: the server takes the first customer in line, or goes idle. */
    private final class Departure extends Event
    {
        Departure()
        {
            super(simulator);
        }

        @Override
        public void actions()
        {
            final Customer next = waiting.pollFirst();
            if (next == null)
            {
                busy--;
                busyServers.update(busy);
            }
            else
            {
                queueLength.update(waiting.size());
                startService(next);
            }
        }
    }

    /** The warm-up ends: the statistics start from the current state. */
    private final class EndOfWarmup extends Event
    {
        EndOfWarmup()
        {
            super(simulator);
        }

        @Override
        public void actions()
        {
            waits.init();
            busyServers.init(busy);
            queueLength.init(waiting.size());
            answeredWithin = 0;
            answeredAfterWaiting = 0;
        }
    }

    /** The horizon: the simulation stops. */
    private final class EndOfRun extends Event
    {
        EndOfRun()
        {
            super(simulator);
        }

        @Override
        public void actions()
        {
            busyServers.update();
            queueLength.update();
            simulator.stop();
        }
    }
}
