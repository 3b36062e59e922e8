package io.switchboard.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing model-test run into a short reproduction: greedy delta debugging drops chunks of commands, then
 * trailing setup agents, as long as the replay still fails (any failure counts).
 */
final class Shrinker
{
    /** A failing replay: its setup, the commands up to the failing one, the failure and the run that saw it. */
    static final class Shrunk
    {
        ModelSetup setup;
        List<ModelCommand> commands;
        String failure;
        ModelRun run;
    }

    private Shrinker()
    {
    }

    static Shrunk shrink(final long seed, final ModelSetup setup, final List<ModelCommand> failing)
    {
        Shrunk best = replayFails(seed, setup, failing);
        if (best == null)
        {
            final Shrunk unchanged = new Shrunk();
            unchanged.setup = setup;
            unchanged.commands = failing;
            unchanged.failure = "(the failure did not reproduce on replay)";
            unchanged.run = new ModelRun(seed, setup);
            return unchanged;
        }
        boolean progress = true;
        while (progress)
        {
            progress = false;
            for (int chunk = Math.max(1, best.commands.size() / 2); chunk >= 1; chunk /= 2)
            {
                for (int from = 0; from < best.commands.size(); )
                {
                    final List<ModelCommand> candidate = new ArrayList<>(best.commands.subList(0, from));
                    candidate.addAll(best.commands.subList(Math.min(best.commands.size(), from + chunk),
                        best.commands.size()));
                    final Shrunk attempt = candidate.isEmpty() ? null : replayFails(seed, best.setup, candidate);
                    if (attempt != null)
                    {
                        best = attempt;
                        progress = true;
                    }
                    else
                    {
                        from += chunk;
                    }
                }
            }
            while (best.setup.agents.size() > 1)
            {
                final ModelSetup fewer = best.setup.withoutLastAgent();
                final Shrunk attempt = replayFails(seed, fewer, best.commands);
                if (attempt == null)
                {
                    break;
                }
                best = attempt;
                progress = true;
            }
        }
        return best;
    }

    /** Replays a fixed sequence; returns the shrunk failure if it fails, else null. */
    private static Shrunk replayFails(final long seed, final ModelSetup setup, final List<ModelCommand> commands)
    {
        final ModelRun run;
        try
        {
            run = new ModelRun(seed, setup);
        }
        catch (final RuntimeException | Error ex)
        {
            return null;
        }
        for (int i = 0; i < commands.size(); i++)
        {
            final String failure = run.apply(commands.get(i));
            if (failure != null)
            {
                final Shrunk shrunk = new Shrunk();
                shrunk.setup = setup;
                shrunk.failure = failure;
                shrunk.run = run;
                shrunk.commands = commands.subList(0, i + 1);
                return shrunk;
            }
        }
        return null;
    }
}
