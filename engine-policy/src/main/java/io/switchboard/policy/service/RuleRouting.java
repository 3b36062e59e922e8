package io.switchboard.policy.service;

import io.switchboard.model.AttributeList;
import io.switchboard.policy.rules.Classification;
import io.switchboard.policy.rules.RuleSet;

/**
 * Turns an item's attributes into an enqueue: the classification rules give the queue (as an engine handle), the
 * priority, the requirement profile (as an engine requirement handle, when the host mapped it) or an end reason;
 * the SLA conditions give the SLA (the first whose condition holds). A reusable holder: the results are valid until
 * the next {@link #classify}. Not thread safe: the engine thread.
 */
final class RuleRouting
{
    /** {@link #sla}: the entry queue's default SLA applies. */
    static final int QUEUE_SLA = -1;

    final Classification decision = new Classification();
    private final Classification slaDecision = new Classification();

    int queue;
    int priority;
    int requirements;
    int sla;
    int endReason;

    /**
     * @return false when the policies have no rules, or no rule matched and the rules have no fallback.
     */
    boolean classify(final InstalledPolicies policies, final AttributeList itemAttributes, final long itemId,
        final int defaultPriority, final int defaultRequirements)
    {
        final RuleSet rules = policies.rules;
        if (rules == null)
        {
            return false;
        }
        final PolicyAttributes attributes = policies.attributes;
        attributes.bind(itemAttributes);
        rules.classify(attributes.routing(), itemId, decision);
        sla = QUEUE_SLA;
        if (policies.slaRules != null)
        {
            policies.slaRules.classify(attributes.sla(), itemId, slaDecision);
            if (slaDecision.queue() != Classification.NONE)
            {
                sla = policies.conditionSla[slaDecision.queue()];
            }
        }
        endReason = decision.endReason();
        if (endReason != Classification.NONE)
        {
            return true;
        }
        if (decision.queue() == Classification.NONE)
        {
            return false;
        }
        queue = policies.ruleQueue[decision.queue()];
        priority = decision.priority() == Classification.KEEP_PRIORITY ? defaultPriority : decision.priority();
        final int profile = decision.profile();
        final int mapped = profile == Classification.NONE ? InstalledPolicies.NO_PROFILE :
            policies.ruleProfile[profile];
        requirements = mapped == InstalledPolicies.NO_PROFILE ? defaultRequirements : mapped;
        return true;
    }
}
