package io.switchboard.sim.cli;

import io.switchboard.sim.scenario.Durations;
import io.switchboard.sim.scenario.Scenario;
import io.switchboard.sim.scenario.ScenarioLoader;
import io.switchboard.sim.scenario.ScenarioOverride;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that change the scenario a command simulates: {@code --seed}, {@code --duration} and the repeatable
 * {@code --set PATH=VALUE} overrides. Plain option holder; not thread safe (main thread).
 */
final class ScenarioOptions
{
    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", description = "override the measured duration, e.g. 7d")
    String duration;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
        description = "override a scenario field before validation (repeatable), e.g. agents.tier1.count=80, "
            + "traffic.calls.arrivals.ratePerHour=300, queues.support.strategy=round-robin")
    List<String> set = new ArrayList<>();

    /** @return the {@code --set} overrides, parsed. */
    List<ScenarioOverride> overrides()
    {
        final List<ScenarioOverride> overrides = new ArrayList<>();
        set.forEach(text -> overrides.add(ScenarioOverride.parse(text)));
        return overrides;
    }

    /**
     * @param file the scenario file, or null for the built-in default.
     * @return the scenario with the overrides, seed and duration applied.
     */
    Scenario load(final Path file, final CommandLine.Model.CommandSpec spec)
    {
        return load(file, overrides(), spec);
    }

    /**
     * @param file      the scenario file, or null for the built-in default.
     * @param overrides the overrides to apply (a command may add its own to {@link #overrides()}).
     * @return the scenario with the overrides, seed and duration applied.
     */
    Scenario load(final Path file, final List<ScenarioOverride> overrides, final CommandLine.Model.CommandSpec spec)
    {
        Scenario scenario = file == null ? ScenarioLoader.loadDefault(overrides) : ScenarioLoader.load(file, overrides);
        if (seed != null)
        {
            scenario = scenario.withSeed(seed);
        }
        if (duration != null)
        {
            final double millis = Durations.parseMillis(duration);
            if (Double.isNaN(millis) || millis < 1)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--duration: bad duration '" + duration + "' (use 30s, 15m, 8h, 7d)");
            }
            if (millis > Durations.MAX_MILLIS)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--duration: '" + duration + "' is "
                    + "longer than 2^40 ms (about 12726d or 34 years)");
            }
            scenario = scenario.withDuration(Math.round(millis));
        }
        return scenario;
    }
}
