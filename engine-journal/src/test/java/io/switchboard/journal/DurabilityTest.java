package io.switchboard.journal;

import io.switchboard.codec.CommandEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Acknowledgement per durability mode, snapshots on request, and the writer's refusals. */
class DurabilityTest
{
    private static final long SEED = 77;

    @TempDir
    Path dir;

    @Test
    void pageCacheAcknowledgesEachCommandAsSoonAsItIsAppended() throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            assertThat(live.writer.durableIndex()).isEqualTo(-1);
            for (int i = 0; i < 50; i++)
            {
                final long index = live.step();
                assertThat(live.writer.durableIndex()).isEqualTo(index);
            }
        }
    }

    @Test
    void syncPerBatchAcknowledgesOnlyOnceTheBatchIsForcedToDisk() throws IOException
    {
        final JournalOptions options = new JournalOptions().durability(Durability.SYNC_PER_BATCH).syncBatch(100);
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, options))
        {
            live.run(99);
            assertThat(live.writer.durableIndex()).isEqualTo(-1);
            live.run(1);
            assertThat(live.writer.durableIndex()).isEqualTo(99);
            live.run(50);
            assertThat(live.writer.durableIndex()).isEqualTo(99);
            live.writer.commit();
            assertThat(live.writer.durableIndex()).isEqualTo(149);
        }
        assertThat(Recovery.recover(dir, new EventStreamHash()).nextIndex()).isEqualTo(150);
    }

    @Test
    void aSnapshotRequestedFromAnotherThreadIsTakenBeforeTheNextCommand() throws Exception
    {
        final long hashAt300;
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            live.run(300);
            hashAt300 = live.engine.stateHash();
            final Thread requester = new Thread(live.writer::requestSnapshot);
            requester.start();
            requester.join();
            live.run(10);
        }
        final SnapshotFiles.Entry newest = SnapshotFiles.list(dir.resolve("snapshots")).get(0);
        assertThat(newest.index()).isEqualTo(300);
        assertThat(SnapshotFiles.read(newest, new EventStreamHash(),
            SnapshotLoader.ROUTING).engine().stateHash()).isEqualTo(hashAt300);
        assertThat(Recovery.recover(dir, new EventStreamHash()).replayed()).isEqualTo(10);
    }

    @Test
    void aNewJournalIsNotCreatedOverAnExistingOne() throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            live.run(10);
        }
        assertThatThrownBy(() -> JournaledEngine.create(SEED, dir, new JournalOptions()))
            .isInstanceOf(IOException.class).hasMessageContaining("already holds a journal");
    }

    @Test
    void aDirectoryWithoutSnapshotIsNotAJournal()
    {
        assertThatThrownBy(() -> Recovery.recover(dir, new EventStreamHash()))
            .isInstanceOf(IOException.class).hasMessageContaining("is not a journal");
    }

    @Test
    void aRecordThatIsNotACommandIsRefused() throws IOException
    {
        try (JournaledEngine live = JournaledEngine.create(SEED, dir, new JournalOptions()))
        {
            final UnsafeBuffer tiny = new UnsafeBuffer(new byte[CommandEncoder.MAX_LENGTH]);
            assertThatThrownBy(() -> live.writer.append(tiny, 0, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThat(live.writer.nextIndex()).isZero();
        }
    }
}
