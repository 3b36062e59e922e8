package io.switchboard.cluster.load;

/**
 * What a load run did, as {@code load --json} writes it. Immutable; any thread.
 *
 * @param sent              commands sent (each counted once, resends not included).
 * @param acknowledged      commands acknowledged by the cluster (applied exactly once).
 * @param resent            commands sent again after a leader change, a gap or a silence.
 * @param failovers         leader changes and reconnections the client followed.
 * @param commandsHash      FNV-1a 64 over the sent command records in sequence order, hex.
 * @param commandsPerSecond acknowledged commands per second of the run.
 * @param latencyP50Ms      median round trip, first send to acknowledgement, ms.
 * @param latencyP99Ms      99th percentile round trip, ms.
 * @param longestStallMs    the longest time with nothing acknowledged while commands were outstanding, ms.
 */
public record LoadReport(long sent, long acknowledged, long resent, int failovers, String commandsHash,
    double commandsPerSecond, double latencyP50Ms, double latencyP99Ms, double longestStallMs)
{
    /** @return the report as one JSON object. */
    public String toJson()
    {
        return String.format(java.util.Locale.ROOT, "{\"sent\":%d,\"acknowledged\":%d,\"resent\":%d," +
            "\"failovers\":%d,\"commandsHash\":\"%s\",\"commandsPerSecond\":%.1f,\"latencyMs\":{\"p50\":%.3f," +
            "\"p99\":%.3f},\"longestStallMs\":%.1f}", sent, acknowledged, resent, failovers, commandsHash,
            commandsPerSecond, latencyP50Ms, latencyP99Ms, longestStallMs);
    }
}
