package io.switchboard.sim.analysis;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicationSeedsTest
{
    @Test
    void theFirstReplicationRunsWithTheScenarioSeed()
    {
        assertThat(ReplicationSeeds.seed(2025, 1)).isEqualTo(2025);
    }

    @Test
    void laterReplicationsGetDistinctSeedsThatDependOnlyOnTheScenarioSeed()
    {
        final Set<Long> seeds = new HashSet<>();
        for (int r = 1; r <= 10_000; r++)
        {
            seeds.add(ReplicationSeeds.seed(7, r));
        }
        assertThat(seeds).hasSize(10_000);
        assertThat(ReplicationSeeds.seed(7, 2)).isEqualTo(ReplicationSeeds.seed(7, 2))
            .isNotEqualTo(ReplicationSeeds.seed(8, 2));
    }

    @Test
    void replicationsAreNumberedFromOne()
    {
        assertThatThrownBy(() -> ReplicationSeeds.seed(7, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
