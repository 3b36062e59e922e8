package io.switchboard.reference;

import io.switchboard.engine.Result;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The validation rules of the setup commands as {@link ReferenceRouter} applies them: each method returns the
 * rejection of the first failing check, in the order listed, or null when the value is valid. They depend only on
 * the argument and on how many channels, skills and queues are defined (handles are 0..n-1).
 */
final class ReferenceSetupChecks
{
    static final int MAX_UNITS = 1_000_000;
    static final int MAX_NAME_BYTES = 255;
    static final int MAX_LEVEL = 10;
    static final int MAX_MEMBERSHIPS = 32;

    private ReferenceSetupChecks()
    {
    }

    /** Empty or over 255 UTF-8 bytes: INVALID_VALUE; taken: DUPLICATE_NAME; no room for one more: TABLE_FULL. */
    static Result checkName(final String name, final boolean taken, final int defined, final int max)
    {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES)
        {
            return Result.INVALID_VALUE;
        }
        if (taken)
        {
            return Result.DUPLICATE_NAME;
        }
        return defined >= max ? Result.TABLE_FULL : null;
    }

    /** Units 1..1,000,000. */
    static Result checkUnits(final int units)
    {
        return units < 1 || units > MAX_UNITS ? Result.INVALID_VALUE : null;
    }

    /** Priority 1..1,000,000, a strategy, offer timeout &gt; 0, service level &gt;= 0: else INVALID_VALUE. */
    static Result checkQueueSpec(final QueueSpec spec)
    {
        final boolean valid = spec.priority() >= 1 && spec.priority() <= MAX_UNITS && spec.strategy() != null &&
            spec.offerTimeoutMs() > 0 && spec.offerTimeoutMs() <= ReferenceRouter.MAX_DURATION_MS &&
            spec.serviceLevelMs() >= 0 && spec.serviceLevelMs() <= ReferenceRouter.MAX_DURATION_MS;
        return valid ? null : Result.INVALID_VALUE;
    }

    /**
     * Capacity 1..1,000,000; each limit in turn: a defined channel (else UNKNOWN_REFERENCE), a value &gt;= 0, a channel
     * not limited before; each skill in turn: defined (else UNKNOWN_REFERENCE), a level 1..10; at most 32 queues; each
     * queue defined (else UNKNOWN_REFERENCE); no skill twice; no queue twice. Other failures are INVALID_VALUE.
     */
    static Result checkAgentSpec(final AgentSpec spec, final int channels, final int skills, final int queues)
    {
        if (spec.capacity() < 1 || spec.capacity() > MAX_UNITS)
        {
            return Result.INVALID_VALUE;
        }
        final Set<Integer> limited = new HashSet<>();
        for (int i = 0; i < spec.limitCount(); i++)
        {
            if (!defined(spec.limitChannel(i), channels))
            {
                return Result.UNKNOWN_REFERENCE;
            }
            if (spec.limitValue(i) < 0 || !limited.add(spec.limitChannel(i)))
            {
                return Result.INVALID_VALUE;
            }
        }
        for (int i = 0; i < spec.skillCount(); i++)
        {
            if (!defined(spec.skillAt(i), skills))
            {
                return Result.UNKNOWN_REFERENCE;
            }
            if (spec.levelAt(i) < 1 || spec.levelAt(i) > MAX_LEVEL)
            {
                return Result.INVALID_VALUE;
            }
        }
        if (spec.queueCount() > MAX_MEMBERSHIPS)
        {
            return Result.INVALID_VALUE;
        }
        for (int i = 0; i < spec.queueCount(); i++)
        {
            if (!defined(spec.queueAt(i), queues))
            {
                return Result.UNKNOWN_REFERENCE;
            }
        }
        final Set<Integer> listedSkills = new HashSet<>();
        for (int i = 0; i < spec.skillCount(); i++)
        {
            if (!listedSkills.add(spec.skillAt(i)))
            {
                return Result.INVALID_VALUE;
            }
        }
        final Set<Integer> listedQueues = new HashSet<>();
        for (int i = 0; i < spec.queueCount(); i++)
        {
            if (!listedQueues.add(spec.queueAt(i)))
            {
                return Result.INVALID_VALUE;
            }
        }
        return null;
    }

    /**
     * At least one step; then step by step: a positive duration unless it is the last step (only the last one lasts
     * forever), and requirement by requirement a defined skill (else UNKNOWN_REFERENCE), a level 1..10, a skill not
     * listed before in the step. Other failures are INVALID_VALUE. (Whether the sets fit is the router's check.)
     */
    static Result checkRequirements(final RequirementSpec spec, final int skills)
    {
        if (spec.stepCount() < 1)
        {
            return Result.INVALID_VALUE;
        }
        for (int s = 0; s < spec.stepCount(); s++)
        {
            if (s < spec.stepCount() - 1 &&
                (spec.stepDurationMs(s) <= 0 || spec.stepDurationMs(s) > ReferenceRouter.MAX_DURATION_MS))
            {
                return Result.INVALID_VALUE;
            }
            final Set<Integer> listed = new HashSet<>();
            for (int r = 0; r < spec.requirementCount(s); r++)
            {
                if (!defined(spec.skill(s, r), skills))
                {
                    return Result.UNKNOWN_REFERENCE;
                }
                if (spec.minLevel(s, r) < 1 || spec.minLevel(s, r) > MAX_LEVEL)
                {
                    return Result.INVALID_VALUE;
                }
                if (!listed.add(spec.skill(s, r)))
                {
                    return Result.INVALID_VALUE;
                }
            }
        }
        return null;
    }

    private static boolean defined(final int handle, final int count)
    {
        return handle >= 0 && handle < count;
    }
}
