package io.switchboard.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Setup description of an item's skill requirements as one or more steps. Each step lists skills with a minimum
 * level and lasts a duration; when a step expires without a match the next, usually wider, step applies. The last
 * step never expires. A mutable builder read once by {@code RoutingEngine.defineRequirements}; not thread safe.
 *
 * <pre>{@code
 * new RequirementSpec()
 *     .step(30_000).require(english, 7).require(hardware, 5)   // first 30 s: experts only
 *     .step(0).require(english, 3);                             // then anyone with some English
 * }</pre>
 */
public final class RequirementSpec
{
    private final List<long[]> steps = new ArrayList<>();
    private final List<int[]> skills = new ArrayList<>();
    private final List<int[]> levels = new ArrayList<>();

    /**
     * Starts a new step.
     *
     * @param durationMs how long the step applies before the next one; ignored for the last step.
     * @return this.
     */
    public RequirementSpec step(final long durationMs)
    {
        steps.add(new long[] {durationMs});
        skills.add(new int[0]);
        levels.add(new int[0]);
        return this;
    }

    /**
     * Adds a requirement to the current step (a step is started implicitly if none exists).
     *
     * @param skill skill handle.
     * @param minLevel minimum proficiency 1..10.
     * @return this.
     */
    public RequirementSpec require(final int skill, final int minLevel)
    {
        if (steps.isEmpty())
        {
            step(0);
        }
        final int last = steps.size() - 1;
        skills.set(last, append(skills.get(last), skill));
        levels.set(last, append(levels.get(last), minLevel));
        return this;
    }

    public int stepCount()
    {
        return steps.size();
    }

    public long stepDurationMs(final int step)
    {
        return steps.get(step)[0];
    }

    public int requirementCount(final int step)
    {
        return skills.get(step).length;
    }

    public int skill(final int step, final int index)
    {
        return skills.get(step)[index];
    }

    public int minLevel(final int step, final int index)
    {
        return levels.get(step)[index];
    }

    private static int[] append(final int[] array, final int value)
    {
        final int[] grown = java.util.Arrays.copyOf(array, array.length + 1);
        grown[array.length] = value;
        return grown;
    }
}
