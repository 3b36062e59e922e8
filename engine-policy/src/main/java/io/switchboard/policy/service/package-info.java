/**
 * Service policies on top of the routing engine: overflow (before queueing: waiting items, no agent logged in,
 * estimated wait, outside operating hours; in queue: waited time) with transfer, priority-raise, end and
 * callback/voicemail actions; SLA clocks with warning and failure times on business calendars, pause and resume,
 * a priority raise on failure and an SLA-driven priority curve; sentiment alerts and raises; and classification
 * with {@code io.switchboard.policy.rules}. Described in {@code engine-policy/POLICIES.md} §3.
 *
 * <p>Owns: the policy setup model ({@link io.switchboard.policy.service.ServicePolicies} and its builders
 * {@link io.switchboard.policy.service.QueuePolicy}, {@link io.switchboard.policy.service.SlaSpec},
 * {@link io.switchboard.policy.service.OverflowRule}), the single-threaded
 * {@link io.switchboard.policy.service.PolicyEngine} that owns a {@code RoutingEngine} and applies the policies
 * through its public API only, with its own preallocated per-item state and timer heap, and the
 * {@link io.switchboard.policy.service.PolicyEvents} it emits.
 *
 * <p>Threading: the setup model is immutable once built and thread safe; the policy engine and everything it owns
 * are confined to the engine thread, like the routing engine.
 */
package io.switchboard.policy.service;
