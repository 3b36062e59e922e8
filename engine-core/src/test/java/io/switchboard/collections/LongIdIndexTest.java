package io.switchboard.collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link LongIdIndex} against {@link HashMap} as the reference model: seeded random puts, overwrites, gets and
 * removes over id shapes a host produces (a sequence, a sliding window of a sequence, strides, random longs,
 * negative ids, several interleaved sequences), with the index filled to its capacity; plus the layout property it
 * exists for.
 */
class LongIdIndexTest
{
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void behavesLikeAMapForEveryIdShapeUpToItsCapacity(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int capacity = 1 + random.nextInt(3_000);
        final LongIdIndex index = new LongIdIndex(capacity);
        final Map<Long, Integer> reference = new HashMap<>();
        final List<Long> live = new ArrayList<>();
        final IdShape shape = IdShape.values()[(int)(seed % IdShape.values().length)];
        long next = 0;
        for (int step = 0; step < 200_000; step++)
        {
            final int roll = random.nextInt(100);
            if (roll < 45 && reference.size() < capacity)
            {
                final long id = shape.id(next++, random);
                final int value = random.nextInt(Integer.MAX_VALUE);
                index.put(id, value);
                if (reference.put(id, value) == null)
                {
                    live.add(id);
                }
            }
            else if (roll < 55 && !live.isEmpty())
            {
                final long id = live.get(random.nextInt(live.size()));
                final int value = random.nextInt(1_000);
                index.put(id, value); // overwrite
                reference.put(id, value);
            }
            else if (roll < 90 && !live.isEmpty())
            {
                // remove, mostly the oldest (a sliding window), sometimes any
                final int at = random.nextInt(4) == 0 ? random.nextInt(live.size()) : 0;
                final long id = live.remove(at);
                assertThat(index.remove(id)).isTrue();
                reference.remove(id);
            }
            else
            {
                final long id = random.nextBoolean() && !live.isEmpty() ? live.get(random.nextInt(live.size())) :
                    random.nextLong();
                assertThat(index.get(id)).isEqualTo(reference.getOrDefault(id, LongIdIndex.MISSING));
                assertThat(index.remove(id)).isEqualTo(reference.remove(id) != null);
                live.remove(id);
            }
            assertThat(index.size()).isEqualTo(reference.size());
        }
        for (final Map.Entry<Long, Integer> entry : reference.entrySet())
        {
            assertThat(index.get(entry.getKey())).isEqualTo(entry.getValue());
        }
    }

    @Test
    void holdsExactlyItsCapacityAndRefusesOneMoreNewId()
    {
        final LongIdIndex index = new LongIdIndex(1_000);
        for (long id = 0; id < 1_000; id++)
        {
            index.put(id * 1_048_576, (int)id); // ids that share their low bits
        }
        index.put(0, 7); // overwriting is not a new entry
        assertThat(index.get(0)).isEqualTo(7);
        assertThatThrownBy(() -> index.put(-5, 1)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("1000");
        for (long id = 1; id < 1_000; id++)
        {
            assertThat(index.get(id * 1_048_576)).isEqualTo((int)id);
        }
        assertThat(index.get(-5)).isEqualTo(LongIdIndex.MISSING);
    }

    @Test
    void negativeValuesAndImpossibleCapacitiesAreRefusedAndAnEmptyIndexHoldsNothing()
    {
        assertThatThrownBy(() -> new LongIdIndex(16).put(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LongIdIndex(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LongIdIndex((1 << 28) + 1)).isInstanceOf(IllegalArgumentException.class);
        final LongIdIndex empty = new LongIdIndex(0);
        assertThat(empty.get(7)).isEqualTo(LongIdIndex.MISSING);
        assertThatThrownBy(() -> empty.put(7, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachAlignedGroupOfConsecutiveIdsFillsOneAlignedRunOfBucketsWithoutCollisions()
    {
        final LongIdIndex index = new LongIdIndex(1 << 16);
        final int group = 1 << LongIdIndex.GROUP_BITS;
        final long start = 123_456_789L * group;
        final Set<Integer> runs = new HashSet<>();
        for (long first = start; first < start + 4_096; first += group)
        {
            final Set<Integer> buckets = new HashSet<>();
            for (long id = first; id < first + group; id++)
            {
                buckets.add(index.home(id));
            }
            final int run = index.home(first) / group;
            assertThat(buckets).hasSize(group).allSatisfy(bucket -> assertThat(bucket / group).isEqualTo(run));
            runs.add(run);
        }
        // the 256 groups spread over the table's 8,192 runs: about 4 pairs share a run (birthday bound)
        assertThat(runs.size()).isGreaterThan(240);
    }

    @Test
    void idsThatDifferOnlyInHighBitsSpreadOverTheTable()
    {
        final LongIdIndex index = new LongIdIndex(1 << 12);
        final Set<Integer> buckets = new HashSet<>();
        for (long i = 0; i < 1_000; i++)
        {
            buckets.add(index.home(i << 40));
        }
        assertThat(buckets.size()).isGreaterThan(800); // about 1000 × (1 − e^(−1000/8192)) / (1000/8192) ≈ 940
    }

    /** How a host's ids look. */
    private enum IdShape
    {
        SEQUENCE
        {
            @Override
            long id(final long n, final SplittableRandom random)
            {
                return 1_000_000 + n;
            }
        },
        RANDOM
        {
            @Override
            long id(final long n, final SplittableRandom random)
            {
                return random.nextLong();
            }
        },
        STRIDE
        {
            @Override
            long id(final long n, final SplittableRandom random)
            {
                return n * 4_096;
            }
        },
        NEGATIVE
        {
            @Override
            long id(final long n, final SplittableRandom random)
            {
                return -1 - n;
            }
        },
        TWO_SEQUENCES
        {
            @Override
            long id(final long n, final SplittableRandom random)
            {
                return (n & 1) == 0 ? n : (1L << 50) + n;
            }
        },
        HIGH_BITS
        {
            @Override
            long id(final long n, final SplittableRandom random)
            {
                return n << 36;
            }
        };

        abstract long id(long n, SplittableRandom random);
    }
}
