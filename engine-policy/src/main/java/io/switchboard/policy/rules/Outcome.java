package io.switchboard.policy.rules;

/**
 * What one rule (or the fallback) decides, with every name already interned: a route (one queue, a percentage split
 * across queues, an end reason, or nothing — then the fallback's route applies), and optionally a priority, a
 * requirement profile, skill requirements and attribute assignments. Immutable.
 */
final class Outcome
{
    static final int NONE = -1;

    final int line;
    final int queue;
    final int[] splitQueues;
    final int[] splitBounds;
    final long splitSalt;
    final int endReason;
    final int priority;
    final int profile;
    final int[] skills;
    final int[] levels;
    final int[] assignedAttributes;
    final Literal[] assignedValues;

    Outcome(
        final int line,
        final int queue,
        final int[] splitQueues,
        final int[] splitBounds,
        final long splitSalt,
        final int endReason,
        final int priority,
        final int profile,
        final int[] skills,
        final int[] levels,
        final int[] assignedAttributes,
        final Literal[] assignedValues)
    {
        this.line = line;
        this.queue = queue;
        this.splitQueues = splitQueues;
        this.splitBounds = splitBounds;
        this.splitSalt = splitSalt;
        this.endReason = endReason;
        this.priority = priority;
        this.profile = profile;
        this.skills = skills;
        this.levels = levels;
        this.assignedAttributes = assignedAttributes;
        this.assignedValues = assignedValues;
    }

    boolean routes()
    {
        return queue != NONE || splitQueues.length > 0 || endReason != NONE;
    }

    /**
     * @return the split arm chosen for {@code splitKey}: a SplitMix64 mix of the key (salted per rule, so
     * different split rules are independent) reduced to a percentile 0..99 and looked up in the cumulative bounds.
     */
    int splitArm(final long splitKey)
    {
        final int percentile = (int)Long.remainderUnsigned(mix(splitKey + splitSalt), 100);
        final int[] bounds = splitBounds;
        for (int arm = 0; arm < bounds.length - 1; arm++)
        {
            if (percentile < bounds[arm])
            {
                return arm;
            }
        }
        return bounds.length - 1;
    }

    static long mix(final long key)
    {
        long z = key + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
