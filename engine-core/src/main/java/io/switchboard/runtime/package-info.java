/**
 * The multi-threaded runtime a host server embeds: many producer threads submit commands without locks through
 * {@link io.switchboard.runtime.HostClient} into a many-to-one command ring; one engine thread
 * ({@link io.switchboard.runtime.EngineRuntime#start()}, an Agrona {@code AgentRunner}, or a host thread through an
 * {@code AgentInvoker}) drains them in batches, stamps each with {@code now} from an injected clock, fires timers,
 * and publishes events to a one-to-one ring (one lossless consumer) or a broadcast buffer (many lossy ones), which
 * hosts read with {@link io.switchboard.runtime.EventPoller}. Health counters and per-queue statistics are published
 * for any thread to read.
 *
 * <p>Memory ordering is Agrona's (rings, counters, agent runner) and the JDK's ({@code AtomicLongArray}), with one
 * exception: the close handshake in {@code CommandGate}, covered by a Lincheck test.
 *
 * <p><b>Threading:</b> every public type's javadoc names the threads that may call it.
 */
package io.switchboard.runtime;
