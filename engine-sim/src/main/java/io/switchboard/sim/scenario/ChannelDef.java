package io.switchboard.sim.scenario;

/**
 * A channel of a scenario and its capacity cost. Immutable; safe on any thread.
 *
 * @param name  channel id, e.g. {@code chat}.
 * @param units capacity units one item of the channel takes from an agent.
 */
public record ChannelDef(String name, int units)
{
}
