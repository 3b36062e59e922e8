package io.switchboard.sim.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The item table hands out engine ids that are distinct among live items and reused once an item has ended, and
 * tells a live item from an ended one that had the same id by its arrival serial: seeded random arrivals and
 * departures against a {@link HashMap} of the live serials, probing ended items as stale events do.
 */
class ItemTableTest
{
    @Test
    void liveItemsAreFoundAndAnEndedItemIsNotEvenWhenANewItemHasItsId()
    {
        final ItemTable table = new ItemTable(100_000);
        final Map<Long, Long> idBySerial = new HashMap<>();
        final List<Long> liveSerials = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(42);
        long serial = 0;
        int reusedIds = 0;
        final Set<Long> idsSeen = new HashSet<>();
        for (int step = 0; step < 200_000; step++)
        {
            // drift between about 0 and 300 live items
            final int crowd = liveSerials.size() + (step / 20_000 % 2) * 200;
            if (liveSerials.isEmpty() || random.nextInt(600) >= crowd)
            {
                final long id = table.assign(table.allocate(), ++serial);
                assertThat(idBySerial).doesNotContainValue(id);
                reusedIds += idsSeen.add(id) ? 0 : 1;
                idBySerial.put(serial, id);
                liveSerials.add(serial);
            }
            else
            {
                final int index = random.nextInt(liveSerials.size());
                final long ended = liveSerials.get(index);
                liveSerials.set(index, liveSerials.get(liveSerials.size() - 1));
                liveSerials.remove(liveSerials.size() - 1);
                table.free(ItemTable.slotOf(idBySerial.remove(ended)));
            }
            final long probe = 1 + random.nextLong(serial);
            final Long probeId = idBySerial.get(probe);
            if (probeId != null)
            {
                assertThat(table.live(probeId, probe)).isEqualTo(ItemTable.slotOf(probeId));
            }
            for (final long id : new long[] {1 + random.nextLong(idsSeen.size()), ItemTable.idOf(0)})
            {
                // a stale event: the serial of an item that has ended, with any id it may have had
                if (!idBySerial.containsKey(probe))
                {
                    assertThat(table.live(id, probe)).as("ended serial %d, id %d", probe, id).isEqualTo(-1);
                }
            }
        }
        assertThat(reusedIds).isGreaterThan(90_000); // of about 100,000 arrivals
        assertThat(idsSeen).hasSizeLessThan(400);
    }

    @Test
    void slotsAreReusedAndTheTableGrowsOnlyToTheMostLiveItems()
    {
        final ItemTable table = new ItemTable(100);
        for (long serial = 1; serial <= 100; serial++)
        {
            assertThat(table.assign(table.allocate(), serial)).isEqualTo(serial);
        }
        assertThat(table.live(100, 100)).isEqualTo(99);
        table.free(ItemTable.slotOf(40));

        final int reused = table.allocate();
        final long id = table.assign(reused, 101);

        assertThat(id).isEqualTo(40);
        assertThat(table.live(40, 40)).isEqualTo(-1);
        assertThat(table.live(40, 101)).isEqualTo(39);
        assertThat(table.serial.length).isEqualTo(100);
        assertThat(catchThrowable(table::allocate))
            .isInstanceOf(SimulationException.class).hasMessageContaining("more than 100 live work items");
    }
}
