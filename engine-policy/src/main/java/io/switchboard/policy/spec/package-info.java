/**
 * What service policies are, as values: {@link io.switchboard.policy.spec.ServicePolicies} (classification rules,
 * named SLAs, per-queue policies) and its builders {@link io.switchboard.policy.spec.QueuePolicy},
 * {@link io.switchboard.policy.spec.SlaSpec} and {@link io.switchboard.policy.spec.OverflowRule}; their validated,
 * frozen forms {@link io.switchboard.policy.spec.QueueSettings} and {@link io.switchboard.policy.spec.SlaDefinition};
 * the checks that reject loops and bad references when policies are built; and
 * {@link io.switchboard.policy.spec.PolicyCodec}, their binary form inside the {@code INSTALL_POLICIES} setup
 * command. The machinery that applies them is {@code io.switchboard.policy.service}.
 *
 * <p>Threading: builders are mutable and confined to the building thread; built values are immutable and safe on
 * any thread.
 */
package io.switchboard.policy.spec;
