package io.switchboard.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link PolicyJournalTest} kills: recovers the policy host's journal in a directory (or starts one from
 * an empty engine), then journals and applies the seeded {@link PolicyCommandStream} as fast as it can, forever,
 * printing {@code ack N} each time the writer's durable index passes another 500 commands. Arguments: DIR SEED
 * page|sync. Main thread only.
 */
public final class PolicyCrashChild
{
    private PolicyCrashChild()
    {
    }

    /**
     * @param args DIR SEED page|sync.
     * @throws IOException if the journal cannot be opened.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path dir = Path.of(args[0]);
        final long seed = Long.parseLong(args[1]);
        final JournalOptions options = new JournalOptions().snapshotEvery(4_000).syncBatch(1_000)
            .durability("sync".equals(args[2]) ? Durability.SYNC_PER_BATCH : Durability.PAGE_CACHE);
        final PrintStream out = System.out;
        final JournaledPolicyHost host = Files.exists(dir.resolve("snapshots")) ?
            JournaledPolicyHost.resume(seed, dir, options) : JournaledPolicyHost.create(seed, dir, options);
        out.println("start " + host.commands());
        out.flush();
        long acked = host.commands() - 1;
        while (true)
        {
            host.step();
            final long durable = host.writer.durableIndex();
            if (durable >= acked + 500)
            {
                acked = durable;
                out.println("ack " + acked);
                out.flush();
            }
        }
    }
}
