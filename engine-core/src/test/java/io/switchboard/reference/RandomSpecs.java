package io.switchboard.reference;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static io.switchboard.reference.RandomPicks.pick;

/**
 * Realistic random queue, requirement and agent specs for the model test, used both for the initial setup and for
 * definitions and changes in the middle of a run. Every spec returned is valid for the handle counts given.
 */
final class RandomSpecs
{
    private RandomSpecs()
    {
    }

    static QueueSpec queue(final Random r)
    {
        final QueueSpec spec = new QueueSpec()
            .priority(1 + r.nextInt(3))
            .strategy(strategy(r))
            .autoAccept(r.nextInt(4) == 0)
            .offerTimeoutMs(r.nextInt(5) == 0 ? 1 + r.nextInt(1_000) : pick(r, 2_000, 5_000, 10_000, 20_000, 60_000))
            .closestMatch(r.nextInt(5) == 0)
            .pickMode(r.nextInt(8) == 0);
        return withoutAvoidedFeatures(spec);
    }

    static Strategy strategy(final Random r)
    {
        final Strategy strategy = Strategy.values()[r.nextInt(Strategy.values().length)];
        final boolean avoided = strategy == Strategy.ROUND_ROBIN && ModelOptions.AVOID.contains("roundRobin");
        return avoided ? Strategy.ORDERED : strategy;
    }

    /** Leaves out the features the options ask to avoid (round robin, closest match on pick-mode queues). */
    static QueueSpec withoutAvoidedFeatures(final QueueSpec spec)
    {
        if (spec.strategy() == Strategy.ROUND_ROBIN && ModelOptions.AVOID.contains("roundRobin"))
        {
            spec.strategy(Strategy.ORDERED);
        }
        if (spec.pickMode() && ModelOptions.AVOID.contains("pickClosestMatch"))
        {
            spec.closestMatch(false);
        }
        return spec;
    }

    /** One to three steps of one or two skills each; only the last step lasts forever (and may require nothing). */
    static RequirementSpec requirements(final Random r, final int skills)
    {
        final RequirementSpec spec = new RequirementSpec();
        final int steps = r.nextInt(3) == 0 ? 1 : 2 + r.nextInt(2);
        for (int s = 0; s < steps; s++)
        {
            final boolean last = s == steps - 1;
            final long duration = last ? (r.nextBoolean() ? 0 : 1_000 + r.nextInt(9_000))
                : (r.nextInt(12) == 0 ? 1 : pick(r, 500, 1_500, 3_000, 8_000, 20_000) + r.nextInt(100));
            spec.step(duration);
            final int requires = last && steps > 1 && r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(2);
            final Set<Integer> used = new HashSet<>();
            for (int k = 0; k < requires; k++)
            {
                final int skill = r.nextInt(skills);
                if (used.add(skill))
                {
                    spec.require(skill, 1 + r.nextInt(Math.max(1, 9 - 3 * s)));
                }
            }
        }
        return spec;
    }

    /** Capacity, tier, some channel limits, about 3 in 5 skills and 3 in 5 queues. */
    static AgentSpec agent(final Random r, final int channels, final int skills, final int queues)
    {
        final AgentSpec spec = settings(r, channels);
        for (int s = 0; s < skills; s++)
        {
            if (r.nextInt(5) < 3)
            {
                spec.skill(s, 1 + r.nextInt(10));
            }
        }
        for (int q = 0; q < Math.min(queues, 32); q++)
        {
            if (r.nextInt(5) < 3)
            {
                spec.queue(q);
            }
        }
        return spec;
    }

    /** An agent with its own capacity, tier and limits but exactly the skills, levels and queues of {@code model}. */
    static AgentSpec sameProfileAs(final Random r, final AgentSpec model, final int channels)
    {
        final AgentSpec spec = settings(r, channels);
        copyProfile(model, spec);
        return spec;
    }

    /** A spec with the model's capacity, tier and limits and the given profile (skills, levels, queues). */
    static AgentSpec settingsOf(final AgentSpec model, final AgentSpec profile)
    {
        final AgentSpec spec = new AgentSpec().capacity(model.capacity()).tier(model.tier());
        for (int i = 0; i < model.limitCount(); i++)
        {
            spec.limit(model.limitChannel(i), model.limitValue(i));
        }
        copyProfile(profile, spec);
        return spec;
    }

    private static void copyProfile(final AgentSpec from, final AgentSpec to)
    {
        for (int i = 0; i < from.skillCount(); i++)
        {
            to.skill(from.skillAt(i), from.levelAt(i));
        }
        for (int i = 0; i < from.queueCount(); i++)
        {
            to.queue(from.queueAt(i));
        }
    }

    private static AgentSpec settings(final Random r, final int channels)
    {
        final AgentSpec spec = new AgentSpec()
            .capacity(pick(r, 100, 100, 100, 50, 75, 125, 200, 30))
            .tier(r.nextInt(4));
        for (int c = 0; c < channels; c++)
        {
            if (r.nextInt(4) == 0)
            {
                spec.limit(c, r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(4));
            }
        }
        return spec;
    }
}
