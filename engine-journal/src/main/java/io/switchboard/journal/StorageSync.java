package io.switchboard.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The single point where the journal's durability reaches the storage device: every {@code fsync} of a cycle file, a
 * snapshot, a mark file or a directory goes through the {@link JournalFiles}' sync. Production uses {@link #DEVICE}
 * ({@link FileChannel#force}); a test gives {@link JournalFiles} a recording one to check what is forced, and
 * before which acknowledgement — a missing force cannot be seen any other way short of cutting the power.
 *
 * <p><b>Threading:</b> called from the engine thread (per batch, at close), the snapshot thread and the thread that
 * creates or resumes a writer; an implementation must be thread safe. {@link #DEVICE} is stateless, and calling it
 * allocates nothing.
 */
@FunctionalInterface
interface StorageSync
{
    /** Forces through the operating system: {@code fdatasync} ({@code metadata} false) or {@code fsync}. */
    StorageSync DEVICE = (channel, path, metadata) -> channel.force(metadata);

    /**
     * Forces what was written through {@code channel} to the storage device.
     *
     * @param channel  open on {@code path}.
     * @param path     the file or directory the channel is open on (what is being made durable).
     * @param metadata also the file's metadata (size, directory entries), as {@link FileChannel#force(boolean)}.
     * @throws IOException if the device cannot be flushed.
     */
    void force(FileChannel channel, Path path, boolean metadata) throws IOException;
}
