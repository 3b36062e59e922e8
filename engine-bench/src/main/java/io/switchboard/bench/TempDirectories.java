package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removes the temporary directories (journals) that benchmarks create. Stateless; any thread. */
public final class TempDirectories
{
    private TempDirectories()
    {
    }

    /** Deletes {@code root} and everything under it. */
    public static void deleteTree(final Path root) throws IOException
    {
        try (var paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
