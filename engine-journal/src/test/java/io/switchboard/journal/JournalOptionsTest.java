package io.switchboard.journal;

import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Journal options: defaults, the values kept, the limits of each setting (inclusive), and how damage describes
 * itself.
 */
class JournalOptionsTest
{
    @Test
    void defaultsArePageCacheBatchesOfAThousandNoSnapshotsAndNoRetention()
    {
        final JournalOptions options = new JournalOptions();
        assertThat(options.durability()).isEqualTo(Durability.PAGE_CACHE);
        assertThat(options.syncBatch()).isEqualTo(1_000);
        assertThat(options.snapshotEvery()).isZero();
        assertThat(options.retainSnapshots()).isZero();
        assertThat(options.pruneJournal()).isFalse();
        assertThat(options.timeProvider()).isNull();
    }

    @Test
    void settingsAreKeptAtTheEndsOfTheirRanges()
    {
        final JournalOptions options = new JournalOptions().durability(Durability.SYNC_PER_BATCH).syncBatch(1)
            .snapshotEvery(0).retain(1, true).rollCycle(RollCycles.FAST_HOURLY);
        assertThat(options.durability()).isEqualTo(Durability.SYNC_PER_BATCH);
        assertThat(options.syncBatch()).isEqualTo(1);
        assertThat(options.retainSnapshots()).isEqualTo(1);
        assertThat(options.pruneJournal()).isTrue();
        assertThat(options.rollCycle()).isEqualTo(RollCycles.FAST_HOURLY);
        assertThat(options.syncBatch(1_000_000).syncBatch()).isEqualTo(1_000_000);
        assertThat(options.snapshotEvery(5_000).snapshotEvery()).isEqualTo(5_000);
        assertThat(options.retain(0, false).retainSnapshots()).isZero();
        assertThat(options.pruneJournal()).isFalse();
    }

    @Test
    void valuesOutsideTheRangesAreRefusedAndChangeNothing()
    {
        final JournalOptions options = new JournalOptions().syncBatch(7).snapshotEvery(9).retain(2, true);
        assertThatThrownBy(() -> options.syncBatch(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("syncBatch must be in 1..1,000,000: 0");
        assertThatThrownBy(() -> options.syncBatch(1_000_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.snapshotEvery(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("snapshotEvery must be >= 0: -1");
        assertThatThrownBy(() -> options.retain(-1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.retain(0, true)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(">= 1 to prune");
        assertThat(options.syncBatch()).isEqualTo(7);
        assertThat(options.snapshotEvery()).isEqualTo(9);
        assertThat(options.retainSnapshots()).isEqualTo(2);
        assertThat(options.pruneJournal()).isTrue();
    }

    @Test
    void damageNamesItsKindIndexAndPlaceWhenKnown()
    {
        assertThat(new JournalDamage(JournalDamage.Kind.CORRUPT, 17, "20260101.cq4", 4_096, "crc mismatch"))
            .hasToString("CORRUPT journal tail at index 17 (20260101.cq4 byte 4096): crc mismatch");
        assertThat(new JournalDamage(JournalDamage.Kind.MISSING, 3, "", -1, "no cycle file"))
            .hasToString("MISSING journal tail at index 3: no cycle file");
        assertThat(new JournalDamage(JournalDamage.Kind.TRUNCATED, 5, "", 12, "short"))
            .hasToString("TRUNCATED journal tail at index 5 (? byte 12): short");
        assertThat(new JournalDamage(JournalDamage.Kind.UNREADABLE, 5, "x.cq4", -1, "io"))
            .hasToString("UNREADABLE journal tail at index 5 (x.cq4 byte -1): io");
    }
}
