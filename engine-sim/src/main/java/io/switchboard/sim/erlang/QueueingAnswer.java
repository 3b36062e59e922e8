package io.switchboard.sim.erlang;

/**
 * Steady-state KPIs of a single queue from queueing theory, with the simulator's definitions: {@code probWait} and
 * {@code asa} are over answered items, {@code serviceLevel} = answered within the threshold / all arrivals.
 * Immutable; safe on any thread.
 *
 * @param servers        number of servers (agents times items each can hold at once).
 * @param offeredLoad    offered traffic in Erlangs (arrival rate times mean handle time).
 * @param probWait       fraction of answered items that waited.
 * @param asaSeconds     mean wait of answered items, seconds.
 * @param serviceLevel   answered within threshold / (answered + abandoned).
 * @param abandonRate    abandoned / offered (0 without patience).
 * @param occupancy      busy servers / servers.
 * @param stable         false when the load reaches the servers and there is no abandonment (queue grows forever).
 */
public record QueueingAnswer(int servers, double offeredLoad, double probWait, double asaSeconds, double serviceLevel,
    double abandonRate, double occupancy, boolean stable)
{
}
