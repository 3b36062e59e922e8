/**
 * The machinery that applies service policies on top of the routing engine: the single-threaded
 * {@link io.switchboard.policy.service.PolicyEngine} — a {@code StateMachine} on the one command surface — and the
 * parts it is built from: per-item policy state and an array heap of policy timers, the command frame that fires
 * them in time order, classification into queues and SLAs, overflow before queueing and in queue, SLA clocks on
 * business calendars with pauses and a priority curve, sentiment escalation, and its snapshot. Described in
 * {@code engine-policy/POLICIES.md}.
 *
 * <p>What the policies are — rules, SLAs, queue policies, their validation and binary form — is
 * {@code io.switchboard.policy.spec}; this package only reads it.
 *
 * <p>Threading: everything here is confined to the engine thread, like the routing engine.
 */
package io.switchboard.policy.service;
