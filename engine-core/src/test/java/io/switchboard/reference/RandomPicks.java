package io.switchboard.reference;

import java.util.List;
import java.util.Random;

/** Seeded random choices shared by the model test's setup and command generators. */
final class RandomPicks
{
    private RandomPicks()
    {
    }

    @SafeVarargs
    static <T> T pickOf(final Random r, final T... values)
    {
        return values[r.nextInt(values.length)];
    }

    static <T> T pickFrom(final Random r, final List<T> values)
    {
        return values.get(r.nextInt(values.size()));
    }

    static int pick(final Random r, final int... values)
    {
        return values[r.nextInt(values.length)];
    }

    static long pickLong(final Random r, final long... values)
    {
        return values[r.nextInt(values.length)];
    }

    static void shuffle(final Random r, final int[] values)
    {
        for (int i = values.length - 1; i > 0; i--)
        {
            final int j = r.nextInt(i + 1);
            final int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }
}
