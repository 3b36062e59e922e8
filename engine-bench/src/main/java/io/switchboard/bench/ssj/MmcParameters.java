package io.switchboard.bench.ssj;

/**
 * An M/M/c queue and a run's horizon, in the units of a simulator scenario. Immutable; safe on any thread.
 *
 * @param servers             c.
 * @param ratePerHour         Poisson arrival rate, per hour.
 * @param ahtSeconds          mean of the exponential service time.
 * @param serviceLevelSeconds a customer answered within this wait counts towards the service level.
 * @param warmupHours         statistics start after this.
 * @param hours               measured hours after the warm-up.
 */
public record MmcParameters(int servers, double ratePerHour, double ahtSeconds, double serviceLevelSeconds,
    double warmupHours, double hours)
{
    /**
     * The queue of the simulator benchmark's scenario ({@code mmc-100.yaml}): 100 agents, 1,800 calls an hour of
     * 180 s on average (90 % load), a 20 s service-level threshold, one hour of warm-up.
     *
     * @param hours measured hours.
     * @return the parameters.
     */
    public static MmcParameters mmc100(final double hours)
    {
        return new MmcParameters(100, 1_800, 180, 20, 1, hours);
    }
}
