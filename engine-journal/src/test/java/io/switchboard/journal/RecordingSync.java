package io.switchboard.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Test {@link StorageSync}: forces through the device like {@link StorageSync#DEVICE} and records each force as
 * {@code "<path relative to the journal directory>[ +meta]"} ({@code "."} for the journal directory itself), with the
 * acknowledged index at that moment; it can be told to fail the forces of some paths. Thread safe (the snapshot
 * thread forces too).
 */
final class RecordingSync implements StorageSync
{
    /** One force: what, and what the writer had acknowledged when it happened. */
    record Force(String what, long acknowledged)
    {
    }

    private final Path root;
    private final List<Force> forces = new ArrayList<>();
    private volatile LongSupplier acknowledged = () -> -1;
    private volatile Predicate<String> failing = what -> false;

    RecordingSync(final Path root)
    {
        this.root = root;
    }

    /** Records the writer's {@link JournalWriter#durableIndex()} with each force from now on. */
    void watch(final JournalWriter writer)
    {
        acknowledged = writer::durableIndex;
    }

    /** Fails (IOException, nothing forced) every force of a path that {@code test} accepts, until told otherwise. */
    void failWhen(final Predicate<String> test)
    {
        failing = test;
    }

    @Override
    public void force(final FileChannel channel, final Path path, final boolean metadata) throws IOException
    {
        final String relative = root.relativize(path).toString();
        final String what = (relative.isEmpty() ? "." : relative) + (metadata ? " +meta" : "");
        if (failing.test(what))
        {
            throw new IOException("device flush failed for " + what);
        }
        channel.force(metadata);
        synchronized (forces)
        {
            forces.add(new Force(what, acknowledged.getAsLong()));
        }
    }

    /** @return the forces so far, and forgets them. */
    List<Force> take()
    {
        synchronized (forces)
        {
            final List<Force> taken = List.copyOf(forces);
            forces.clear();
            return taken;
        }
    }

    /** @return what was forced so far, in order, and forgets it. */
    List<String> takeWhat()
    {
        return take().stream().map(Force::what).toList();
    }
}
