package io.switchboard.sim.kernel;

import io.switchboard.model.AttributeList;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.sim.random.Purpose;
import io.switchboard.sim.random.RandomStream;
import io.switchboard.sim.scenario.AttributeDef;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioException;

import java.util.List;

/**
 * Fills the attributes of a work item for the scenario's classification rules: {@code channel} and {@code stream}
 * (unless the stream sets them), then each attribute of the stream — a fixed value, or one drawn from the stream's
 * own random stream for this purpose, so classification never shifts the draws of anything else. The texts are
 * preallocated; filling allocates nothing. Not thread safe; one simulation thread.
 */
final class StreamAttributes
{
    private final AttributeList attributes = new AttributeList();
    private final boolean hasRules;
    private final String[] channelNames;
    private final String[] streamNames;
    private final String[][] names;
    private final String[][][] values;
    private final double[][][] cumulative;
    private final RandomStream[] random;
    private final String origin;

    /**
     * @param streamNames    the traffic's stream names.
     * @param scenarioStream per traffic stream, the scenario stream with the same name (-1 if none).
     */
    StreamAttributes(final Scenario scenario, final List<String> streamNames, final int[] scenarioStream,
        final String origin)
    {
        final ServicePolicies policies = scenario.policies();
        this.origin = origin;
        hasRules = policies.rules() != null;
        channelNames = scenario.channels().stream().map(c -> c.name()).toArray(String[]::new);
        this.streamNames = streamNames.toArray(new String[0]);
        final int n = streamNames.size();
        names = new String[n][];
        values = new String[n][][];
        cumulative = new double[n][][];
        random = new RandomStream[n];
        for (int s = 0; s < n; s++)
        {
            final List<AttributeDef> defs = scenarioStream[s] < 0 ? List.of()
                : scenario.traffic().get(scenarioStream[s]).attributes();
            names[s] = new String[defs.size()];
            values[s] = new String[defs.size()][];
            cumulative[s] = new double[defs.size()][];
            for (int i = 0; i < defs.size(); i++)
            {
                final AttributeDef def = defs.get(i);
                names[s][i] = def.name();
                values[s][i] = def.values().toArray(new String[0]);
                cumulative[s][i] = def.cumulative().stream().mapToDouble(Double::doubleValue).toArray();
            }
            random[s] = RandomStream.derive(scenario.seed(), streamNames.get(s), Purpose.ATTRIBUTES);
        }
    }

    /**
     * @param stream  the item's traffic stream.
     * @param channel the item's scenario channel.
     * @return the attributes of a new item of that stream, valid until the next call.
     * @throws ScenarioException when the item has no queue and cannot be classified.
     */
    AttributeList fill(final int stream, final int channel)
    {
        if (!hasRules || values[stream].length == 0)
        {
            throw new ScenarioException(origin, 0, "traffic", "a work item of stream '" + streamNames[stream]
                + "' has no queue, and the scenario has no " + (!hasRules ? "rules" : "attributes for that "
                + "stream") + " to classify it");
        }
        // a stream's own channel or stream attribute comes later and wins (AttributeList: the later value counts)
        attributes.clear().text("channel", channelNames[channel]).text("stream", streamNames[stream]);
        final String[] attributeNames = names[stream];
        final RandomStream draws = random[stream];
        for (int i = 0; i < attributeNames.length; i++)
        {
            final String[] choices = values[stream][i];
            attributes.text(attributeNames[i], choices.length == 1 ? choices[0]
                : choices[pick(cumulative[stream][i], draws.nextDouble())]);
        }
        return attributes;
    }

    private static int pick(final double[] cumulative, final double u)
    {
        for (int i = 0; i < cumulative.length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
