package io.switchboard.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned skill requirements. A <em>set</em> is a list of (skill, minimum level) pairs sorted by skill; equal sets
 * share one id, so items that need the same skills fall into the same item class. A <em>profile</em> is what a host
 * passes with an item: an ordered list of steps, each a set with a duration. Set id 0 is "no requirement".
 * Built on the slow path (setup); read on the hot path.
 *
 * <p>Not thread safe: engine thread only.
 */
final class Requirements
{
    static final int NO_REQUIREMENTS = -1;
    static final int EMPTY_SET = 0;

    private final int maxSets;
    private final List<int[]> setSkills = new ArrayList<>();
    private final List<int[]> setLevels = new ArrayList<>();
    private final Map<String, Integer> setIdByContent = new HashMap<>();

    // arrays rather than lists: the step of an item is looked up on every enqueue and step change
    private int[][] profileSets = new int[16][];
    private long[][] profileDurations = new long[16][];
    private int[] profileStepCount = new int[16];
    private int profileCount;

    Requirements(final int maxSets)
    {
        this.maxSets = maxSets;
        internSet(new int[0], new int[0]);
    }

    /**
     * @return id of the set with these pairs (order-insensitive), or -1 when the set table is full.
     */
    int internSet(final int[] skills, final int[] levels)
    {
        final String content = canonical(skills, levels);
        final Integer existing = setIdByContent.get(content);
        if (existing != null)
        {
            return existing;
        }
        if (setSkills.size() >= maxSets)
        {
            return -1;
        }
        final int id = setSkills.size();
        setSkills.add(sortedCopy(skills, skills, levels));
        setLevels.add(sortedCopy(levels, skills, levels));
        setIdByContent.put(content, id);
        return id;
    }

    /** @return how many of these step sets (skills[i], levels[i]) are not interned yet, counting duplicates once. */
    int missingSets(final int[][] skills, final int[][] levels)
    {
        final java.util.Set<String> missing = new java.util.HashSet<>();
        for (int i = 0; i < skills.length; i++)
        {
            final String content = canonical(skills[i], levels[i]);
            if (!setIdByContent.containsKey(content))
            {
                missing.add(content);
            }
        }
        return missing.size();
    }

    int freeSets()
    {
        return maxSets - setSkills.size();
    }

    private static String canonical(final int[] skills, final int[] levels)
    {
        return Arrays.toString(sortedCopy(skills, skills, levels)) +
            Arrays.toString(sortedCopy(levels, skills, levels));
    }

    /** @return {@code values} reordered by ascending skill. */
    private static int[] sortedCopy(final int[] values, final int[] skills, final int[] levels)
    {
        final Integer[] order = new Integer[skills.length];
        for (int i = 0; i < order.length; i++)
        {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(skills[a], skills[b]));
        final int[] sorted = new int[values.length];
        for (int i = 0; i < order.length; i++)
        {
            sorted[i] = values[order[i]];
        }
        return sorted;
    }

    int setCount()
    {
        return setSkills.size();
    }

    int[] setSkills(final int set)
    {
        return setSkills.get(set);
    }

    int[] setLevels(final int set)
    {
        return setLevels.get(set);
    }

    int addProfile(final int[] sets, final long[] durations)
    {
        if (profileCount == profileSets.length)
        {
            profileSets = Arrays.copyOf(profileSets, profileCount * 2);
            profileDurations = Arrays.copyOf(profileDurations, profileCount * 2);
            profileStepCount = Arrays.copyOf(profileStepCount, profileCount * 2);
        }
        profileStepCount[profileCount] = sets.length;
        profileSets[profileCount] = sets;
        profileDurations[profileCount] = durations;
        return profileCount++;
    }

    int profileCount()
    {
        return profileCount;
    }

    boolean isValidProfile(final int profile)
    {
        return profile >= 0 && profile < profileCount;
    }

    /** @return the set that applies at {@code step} of {@code profile}; {@link #EMPTY_SET} for no requirements. */
    int setAt(final int profile, final int step)
    {
        return profile == NO_REQUIREMENTS ? EMPTY_SET : profileSets[profile][step];
    }

    int stepCount(final int profile)
    {
        return profile == NO_REQUIREMENTS ? 1 : profileStepCount[profile];
    }

    long stepDuration(final int profile, final int step)
    {
        return profileDurations[profile][step];
    }
}
