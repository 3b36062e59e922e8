package io.switchboard.collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link LongIntTable} against {@link HashMap} as the reference model: seeded random puts (new keys of several
 * shapes, overwrites), gets of present and absent keys, clears, through many growths.
 */
class LongIntTableTest
{
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void behavesLikeAMapThroughGrowthAndClears(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final LongIntTable table = new LongIntTable(1 + random.nextInt(64));
        final Map<Long, Integer> reference = new HashMap<>();
        final List<Long> keys = new ArrayList<>();
        for (int step = 0; step < 100_000; step++)
        {
            final int roll = random.nextInt(1_000);
            if (roll < 300)
            {
                final long key = newKey(random, seed, step);
                final int value = random.nextInt(Integer.MAX_VALUE);
                table.put(key, value);
                if (reference.put(key, value) == null)
                {
                    keys.add(key);
                }
            }
            else if (roll < 400 && !keys.isEmpty())
            {
                final long key = keys.get(random.nextInt(keys.size()));
                final int value = random.nextInt(100);
                table.put(key, value);
                reference.put(key, value);
            }
            else if (roll < 998)
            {
                final long key = random.nextBoolean() && !keys.isEmpty() ? keys.get(random.nextInt(keys.size())) :
                    newKey(random, seed, step);
                assertThat(table.get(key)).isEqualTo(reference.getOrDefault(key, LongIntTable.MISSING));
            }
            else
            {
                table.clear();
                reference.clear();
                keys.clear();
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
        for (final Map.Entry<Long, Integer> entry : reference.entrySet())
        {
            assertThat(table.get(entry.getKey())).isEqualTo(entry.getValue());
        }
    }

    /** Keys shaped like the engine's packed ones (small fields, many sharing high bits), or any long, or 0 and -1. */
    private static long newKey(final SplittableRandom random, final long seed, final int step)
    {
        switch ((int)((seed + step) % 4))
        {
            case 0:
                return ((long)random.nextInt(100) << 40) | ((long)random.nextInt(8) << 32) | random.nextInt(4_096);
            case 1:
                return random.nextLong();
            case 2:
                return random.nextInt(3) - 1L;
            default:
                return (long)random.nextInt(50_000) << 20;
        }
    }

    @Test
    void keepsEveryEntryWhenItGrowsFromTheSmallestSize()
    {
        final LongIntTable table = new LongIntTable(1);
        for (int i = 0; i < 10_000; i++)
        {
            table.put(i * 1_000_003L, i);
        }
        assertThat(table.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++)
        {
            assertThat(table.get(i * 1_000_003L)).isEqualTo(i);
        }
        assertThat(table.get(7L)).isEqualTo(LongIntTable.MISSING);
    }

    @Test
    void rejectsANegativeValueAndStaysUnchanged()
    {
        final LongIntTable table = new LongIntTable(4);
        table.put(5L, 1);
        assertThatThrownBy(() -> table.put(5L, -1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-1");
        assertThat(table.get(5L)).isEqualTo(1);
        assertThat(table.size()).isEqualTo(1);
    }
}
