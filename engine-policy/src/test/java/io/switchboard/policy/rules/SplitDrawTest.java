package io.switchboard.policy.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a split picks its arm (POLICIES.md, "Split determinism"): SplitMix64 of the key salted by the rule's name,
 * reduced to a percentile 0..99, looked up in the cumulative percentages.
 */
class SplitDrawTest
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Test
    void theMixIsSplitMix64()
    {
        // the first three outputs of SplitMix64 seeded with 0, as printed by Vigna's reference splitmix64.c
        assertThat(Outcome.mix(0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(Outcome.mix(GOLDEN_GAMMA)).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(Outcome.mix(2 * GOLDEN_GAMMA)).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void eachKeyGoesToTheArmWhosePercentagesHoldItsPercentile()
    {
        final RuleSet rules = RuleSet.compile("rule three: true -> split a 20%, b 30%, c 50%");
        final long salt = Outcome.mix("three".hashCode());
        final ItemAttributes attributes = rules.newAttributes();
        final Classification out = new Classification();
        final int[] perArm = new int[3];
        for (long key = -5_000; key < 5_000; key++)
        {
            final int percentile = (int)Long.remainderUnsigned(Outcome.mix(key + salt), 100);
            final String expected = percentile < 20 ? "a" : percentile < 50 ? "b" : "c";
            rules.classify(attributes, key, out);
            assertThat(out.queueName()).as("key %d, percentile %d", key, percentile).isEqualTo(expected);
            perArm[out.queue()]++;
        }
        assertThat(perArm[0]).isBetween(1_850, 2_150);
        assertThat(perArm[1]).isBetween(2_850, 3_150);
        assertThat(perArm[2]).isBetween(4_850, 5_150);
    }

    @Test
    void theFallbackSplitsWithItsOwnSalt()
    {
        final RuleSet rules = RuleSet.compile("rule none: false -> queue never\nfallback split x 40%, y 60%");
        final long salt = Outcome.mix("fallback".hashCode());
        final Classification out = new Classification();
        for (long key = 0; key < 1_000; key++)
        {
            rules.classify(rules.newAttributes(), key, out);
            final int percentile = (int)Long.remainderUnsigned(Outcome.mix(key + salt), 100);
            assertThat(out.queueName()).isEqualTo(percentile < 40 ? "x" : "y");
        }
    }
}
