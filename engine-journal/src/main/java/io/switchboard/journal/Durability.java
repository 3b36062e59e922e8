package io.switchboard.journal;

/**
 * What an acknowledged command survives. A command is <em>acknowledged</em> when
 * {@link JournalWriter#durableIndex()} reaches its journal index.
 *
 * <p><b>Threading:</b> an immutable enum; any thread.
 */
public enum Durability
{
    /**
     * Each append is a copy into the memory-mapped cycle file, i.e. into the operating system's page cache, and is
     * acknowledged as soon as the append returns (so before the engine applies the command or publishes any of its
     * events). Survives the death of the process at any instant (SIGKILL, OOM killer, JVM crash): the kernel owns the
     * pages and writes them back on its own schedule. Does <em>not</em> survive a kernel crash or power loss for the
     * commands appended in the last few seconds (Linux writes dirty pages back within
     * {@code vm.dirty_expire_centisecs}, 30 s by default). Cost: about a hundred nanoseconds per command.
     */
    PAGE_CACHE,

    /**
     * As {@link #PAGE_CACHE}, and at the end of every batch ({@link JournalWriter#commit()}, or automatically every
     * {@link JournalOptions#syncBatch(int)} commands) the cycle file is forced to the storage device
     * ({@code fdatasync}, plus the directory when a new cycle file appears); only then are the batch's commands
     * acknowledged. Survives power loss and kernel crashes for every acknowledged command, on storage that honours
     * flushes. Cost: one device flush per batch (typically 0.1–10 ms), amortised over the batch. The engine applies
     * a command before its batch is forced, so a host that promises power-loss durability to a customer must wait
     * for {@link JournalWriter#durableIndex()} before it does.
     */
    SYNC_PER_BATCH
}
