package io.switchboard.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link CrashRecoveryTest} kills: recovers the journal in a directory (or starts one), then journals
 * and applies the seeded {@link CommandStream} as fast as it can, forever, printing {@code ack N} each time the
 * writer's durable index passes another 1,000 commands. Arguments: DIR SEED page|sync [batched] — with
 * {@code batched}, commands go in batches as the engine agent journals them ({@link JournaledEngine#batched()}).
 * Main thread only.
 */
public final class CrashChild
{
    private CrashChild()
    {
    }

    /**
     * @param args DIR SEED page|sync [batched].
     * @throws IOException if the journal cannot be opened.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path dir = Path.of(args[0]);
        final long seed = Long.parseLong(args[1]);
        final JournalOptions options = new JournalOptions().snapshotEvery(25_000).syncBatch(4_000)
            .durability("sync".equals(args[2]) ? Durability.SYNC_PER_BATCH : Durability.PAGE_CACHE);
        final PrintStream out = System.out;
        final JournaledEngine engine = Files.exists(dir.resolve("snapshots")) ?
            JournaledEngine.resume(seed, dir, options) : JournaledEngine.create(seed, dir, options);
        if (args.length > 3 && "batched".equals(args[3]))
        {
            engine.batched();
        }
        out.println("start " + engine.commands());
        out.flush();
        long acked = engine.commands() - 1;
        while (true)
        {
            engine.step();
            final long durable = engine.writer.durableIndex();
            if (durable >= acked + 1_000)
            {
                acked = durable;
                out.println("ack " + acked);
                out.flush();
            }
        }
    }
}
