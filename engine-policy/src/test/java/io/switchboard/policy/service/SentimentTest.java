package io.switchboard.policy.service;

import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.model.Sentiment;
import io.switchboard.engine.Result;
import org.junit.jupiter.api.Test;

import static io.switchboard.policy.service.PolicyFixture.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/** Sentiment thresholds of a queue: alert once per drop, raise priority. */
class SentimentTest
{
    @Test
    void aSentimentAtOrBelowTheAlertThresholdAlertsOnceUntilItRecovers()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().sentimentAlert(Sentiment.NEGATIVE)));
        f.enqueue(0, 1, "support");

        f.policy.reportSentiment(MINUTE, 1, Sentiment.NEUTRAL);
        f.policy.reportSentiment(2 * MINUTE, 1, Sentiment.NEGATIVE);
        f.policy.reportSentiment(3 * MINUTE, 1, Sentiment.VERY_NEGATIVE);
        f.policy.reportSentiment(4 * MINUTE, 1, Sentiment.POSITIVE);
        f.policy.reportSentiment(5 * MINUTE, 1, Sentiment.NEGATIVE);

        assertThat(f.log.containing("sentiment")).containsExactly("2m sentimentAlert 1 support NEGATIVE",
            "5m sentimentAlert 1 support NEGATIVE");
    }

    @Test
    void aVeryNegativeSentimentRaisesThePriorityAndTheItemIsServedFirst()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().sentimentRaise(Sentiment.VERY_NEGATIVE, 80)));
        f.enqueue(0, 1, "support");
        f.enqueue(0, 2, "support");

        f.policy.reportSentiment(MINUTE, 2, Sentiment.NEGATIVE);
        assertThat(f.policy.effectivePriority(2)).isZero();
        f.policy.reportSentiment(2 * MINUTE, 2, Sentiment.VERY_NEGATIVE);
        assertThat(f.policy.effectivePriority(2)).isEqualTo(80);
        f.agent(3 * MINUTE, "ann", "support");

        assertThat(f.log.containing("offered")).containsExactly("3m offered 2 agent=0");
    }

    @Test
    void reportsForUnknownItemsOrWithoutALevelAreRejected()
    {
        final PolicyFixture f = new PolicyFixture("support").install(PolicyFixture.policies()
            .queue("support", new QueuePolicy().sentimentAlert(Sentiment.NEGATIVE)));

        assertThat(f.policy.reportSentiment(0, 9, Sentiment.NEGATIVE)).isEqualTo(Result.UNKNOWN_ITEM);
        assertThat(f.policy.reportSentiment(0, 9, null)).isEqualTo(Result.INVALID_VALUE);
        assertThat(f.policy.pauseSla(0, 9)).isEqualTo(Result.UNKNOWN_ITEM);
        f.policy.tick(MINUTE);
        assertThat(f.policy.reportSentiment(0, 9, Sentiment.NEGATIVE)).isEqualTo(Result.TIME_REGRESSED);
    }

    @Test
    void externalNamesOfTheLevelsReadBothWays()
    {
        for (final Sentiment level : Sentiment.values())
        {
            assertThat(Sentiment.fromExternalName(level.externalName())).isEqualTo(level);
        }
        assertThat(Sentiment.fromExternalName("very_negative")).isEqualTo(Sentiment.VERY_NEGATIVE);
        assertThat(Sentiment.fromExternalName("angry")).isNull();
    }
}
