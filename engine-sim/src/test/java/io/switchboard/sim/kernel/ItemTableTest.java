package io.switchboard.sim.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item table finds every live item by its serial id and no ended one, also when items outlive the ring (here 8
 * entries, so that most of them overflow), and reuses slots: seeded random arrivals and departures against a
 * {@link HashMap} of the live ids.
 */
class ItemTableTest
{
    @Test
    void liveItemsAreFoundByIdAndEndedOnesAreNotWhenItemsOutliveTheRing()
    {
        final ItemTable table = new ItemTable(16, 100_000, 3);
        final Map<Long, Integer> reference = new HashMap<>();
        final List<Long> liveIds = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(42);
        long serial = 0;
        int mostOverflowed = 0;
        for (int step = 0; step < 200_000; step++)
        {
            // drift between about 0 and 300 live items, so that some stay while hundreds arrive after them
            final int crowd = liveIds.size() + (step / 20_000 % 2) * 200;
            final boolean arrive = liveIds.isEmpty() || random.nextInt(600) >= crowd;
            if (arrive)
            {
                final int slot = table.allocate();
                assertThat(reference).doesNotContainValue(slot);
                table.assign(slot, ++serial);
                reference.put(serial, slot);
                liveIds.add(serial);
            }
            else
            {
                final int index = random.nextInt(liveIds.size());
                final long id = liveIds.get(index);
                liveIds.set(index, liveIds.get(liveIds.size() - 1));
                liveIds.remove(liveIds.size() - 1);
                table.free(reference.remove(id));
            }
            mostOverflowed = Math.max(mostOverflowed, table.overflowCount());
            final long probe = 1 + random.nextLong(serial);
            assertThat(table.live(probe)).as("id %d", probe).isEqualTo(reference.getOrDefault(probe, -1));
        }
        for (final Map.Entry<Long, Integer> live : reference.entrySet())
        {
            assertThat(table.slotOf(live.getKey())).isEqualTo(live.getValue());
        }
        assertThat(mostOverflowed).isGreaterThan(100);
        assertThat(table.overflowCount()).isLessThanOrEqualTo(reference.size());
    }

    @Test
    void slotsAreReusedAndTheTableGrowsOnlyToTheMostLiveItems()
    {
        final ItemTable table = new ItemTable(100);
        for (long id = 1; id <= 100; id++)
        {
            table.assign(table.allocate(), id);
        }
        assertThat(table.live(100)).isEqualTo(99);
        table.free(table.live(40));

        final int reused = table.allocate();
        table.assign(reused, 101);

        assertThat(reused).isEqualTo(39);
        assertThat(table.live(40)).isEqualTo(-1);
        assertThat(table.live(101)).isEqualTo(39);
        assertThat(table.id.length).isEqualTo(100);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(table::allocate))
            .isInstanceOf(SimulationException.class).hasMessageContaining("more than 100 live work items");
    }
}
