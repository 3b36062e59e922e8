package io.switchboard.journal;

import net.openhft.chronicle.core.io.BackgroundResourceReleaser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: which files of a directory this process still holds (Linux's /proc). Not thread safe. */
final class OpenFiles
{
    private OpenFiles()
    {
    }

    /** @return the files under {@code root} this process holds open (a descriptor) or mapped (Linux's /proc). */
    static List<String> under(final Path root) throws IOException
    {
        BackgroundResourceReleaser.releasePendingResources(); // Chronicle unmaps and closes on a background thread
        final String prefix = root.toRealPath().toString();
        final List<String> held = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd")))
        {
            for (final Path fd : descriptors.toList())
            {
                try
                {
                    final String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(prefix))
                    {
                        held.add("open " + target);
                    }
                }
                catch (final IOException gone)
                {
                    // the listing's own descriptor, closed meanwhile
                }
            }
        }
        for (final String mapping : Files.readAllLines(Path.of("/proc/self/maps")))
        {
            if (mapping.contains(prefix))
            {
                held.add("mapped " + mapping.substring(mapping.indexOf(prefix)));
            }
        }
        return held;
    }
}
