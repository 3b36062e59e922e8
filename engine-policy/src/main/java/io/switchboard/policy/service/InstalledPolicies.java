package io.switchboard.policy.service;

import io.switchboard.policy.spec.QueueSettings;
import io.switchboard.policy.spec.SlaDefinition;
import io.switchboard.policy.spec.PolicySetupException;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.policy.calendar.BusinessCalendar;
import io.switchboard.policy.rules.RuleSet;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link ServicePolicies} resolved against one engine: every queue name replaced by its handle, and the rules of
 * each queue laid out in primitive arrays indexed by queue handle, so that the hot path reads arrays only.
 * Immutable after construction; owned by the engine thread.
 */
final class InstalledPolicies
{
    static final int NO_PROFILE = -2;
    private static final byte[] NO_BYTES = new byte[0];
    private static final long[] NO_LONGS = new long[0];
    private static final int[] NO_INTS = new int[0];

    final ServicePolicies source;
    final boolean tracking;
    final int maxHops;
    final long origin;

    final byte[][] beforeTrigger;
    final long[][] beforeThreshold;
    final byte[][] beforeAction;
    final int[][] beforeArg;
    final long[][] inQueueWait;
    final byte[][] inQueueAction;
    final int[][] inQueueArg;
    final BusinessCalendar[] hours;
    final int[] queueSla;
    final int[] alertLevel;
    final int[] raiseLevel;
    final int[] raiseTo;
    final long[] expectedHandleMs;

    final SlaDefinition[] slas;
    final RuleSet rules;
    final RuleSet slaRules;
    final int[] ruleQueue;
    final int[] ruleProfile;
    final int[] conditionSla;
    /** Binds a classification command's attributes to {@link #rules} and {@link #slaRules}. */
    final PolicyAttributes attributes;
    /** The encoded definition these were installed from ({@code INSTALL_POLICIES}), or null for none. */
    final byte[] definition;

    InstalledPolicies(final ServicePolicies policies, final RoutingEngine engine, final int maxQueues,
        final Map<String, Integer> profiles, final byte[] definition)
    {
        source = policies;
        this.definition = definition;
        tracking = !policies.isPassive();
        maxHops = policies.maxOverflowHops();
        origin = policies.timeOriginMs();
        beforeTrigger = new byte[maxQueues][];
        beforeThreshold = new long[maxQueues][];
        beforeAction = new byte[maxQueues][];
        beforeArg = new int[maxQueues][];
        inQueueWait = new long[maxQueues][];
        inQueueAction = new byte[maxQueues][];
        inQueueArg = new int[maxQueues][];
        hours = new BusinessCalendar[maxQueues];
        queueSla = new int[maxQueues];
        alertLevel = new int[maxQueues];
        raiseLevel = new int[maxQueues];
        raiseTo = new int[maxQueues];
        expectedHandleMs = new long[maxQueues];
        Arrays.fill(beforeTrigger, NO_BYTES);
        Arrays.fill(beforeThreshold, NO_LONGS);
        Arrays.fill(beforeAction, NO_BYTES);
        Arrays.fill(beforeArg, NO_INTS);
        Arrays.fill(inQueueWait, NO_LONGS);
        Arrays.fill(inQueueAction, NO_BYTES);
        Arrays.fill(inQueueArg, NO_INTS);
        Arrays.fill(queueSla, PolicyItems.NONE);
        Arrays.fill(alertLevel, -1);
        Arrays.fill(raiseLevel, -1);

        slas = new SlaDefinition[policies.slaCount()];
        for (int i = 0; i < slas.length; i++)
        {
            slas[i] = policies.sla(i);
        }
        for (final QueueSettings settings : policies.queueSettings().values())
        {
            final int q = handle(engine, maxQueues, settings.name(), settings.name(), -1);
            layOut(engine, maxQueues, policies, settings, q);
        }

        rules = policies.rules();
        ruleQueue = rules == null ? NO_INTS : new int[rules.queues().size()];
        ruleProfile = rules == null ? NO_INTS : new int[rules.profiles().size()];
        for (int i = 0; i < ruleQueue.length; i++)
        {
            final String name = rules.queues().name(i);
            final int q = engine.queueId(name);
            if (q < 0)
            {
                throw new PolicySetupException("the classification rules route to queue '" + name
                    + "' that the engine does not define");
            }
            ruleQueue[i] = q;
        }
        for (final String profile : profiles.keySet())
        {
            if (rules == null || rules.profiles().id(profile) < 0)
            {
                throw new PolicySetupException("requirement profile '" + profile
                    + "' is not named by the classification rules");
            }
        }
        for (int i = 0; i < ruleProfile.length; i++)
        {
            final Integer requirements = profiles.get(rules.profiles().name(i));
            ruleProfile[i] = requirements == null ? NO_PROFILE : requirements;
        }
        slaRules = policies.slaRules();
        conditionSla = slaRules == null ? NO_INTS : new int[slaRules.queues().size()];
        for (int i = 0; i < conditionSla.length; i++)
        {
            conditionSla[i] = policies.slaId(slaRules.queues().name(i));
        }
        attributes = new PolicyAttributes(rules, slaRules);
    }

    private void layOut(final RoutingEngine engine, final int maxQueues, final ServicePolicies policies,
        final QueueSettings settings, final int q)
    {
        final List<OverflowRule> before = settings.beforeQueueing();
        beforeTrigger[q] = new byte[before.size()];
        beforeThreshold[q] = new long[before.size()];
        beforeAction[q] = new byte[before.size()];
        beforeArg[q] = new int[before.size()];
        for (int i = 0; i < before.size(); i++)
        {
            final OverflowRule rule = before.get(i);
            beforeTrigger[q][i] = (byte)rule.trigger().ordinal();
            beforeThreshold[q][i] = rule.threshold();
            beforeAction[q][i] = (byte)rule.action().ordinal();
            beforeArg[q][i] = argument(engine, maxQueues, policies, settings, rule);
        }
        final List<OverflowRule> in = settings.inQueue();
        inQueueWait[q] = new long[in.size()];
        inQueueAction[q] = new byte[in.size()];
        inQueueArg[q] = new int[in.size()];
        for (int i = 0; i < in.size(); i++)
        {
            final OverflowRule rule = in.get(i);
            inQueueWait[q][i] = rule.threshold();
            inQueueAction[q][i] = (byte)rule.action().ordinal();
            inQueueArg[q][i] = argument(engine, maxQueues, policies, settings, rule);
        }
        hours[q] = settings.hours();
        queueSla[q] = settings.sla() == null ? PolicyItems.NONE : policies.slaId(settings.sla());
        alertLevel[q] = settings.alertLevel();
        raiseLevel[q] = settings.raiseLevel();
        raiseTo[q] = settings.raiseTo();
        expectedHandleMs[q] = settings.expectedHandleMs();
    }

    private static int argument(final RoutingEngine engine, final int maxQueues, final ServicePolicies policies,
        final QueueSettings settings, final OverflowRule rule)
    {
        switch (rule.action())
        {
            case TRANSFER:
                return handle(engine, maxQueues, rule.targetQueue(), settings.name(), settings.rules().indexOf(rule));
            case RAISE_PRIORITY:
                return rule.priority();
            case END:
                return policies.endReasons().indexOf(rule.endReason());
            default:
                return -1;
        }
    }

    private static int handle(final RoutingEngine engine, final int maxQueues, final String name, final String owner,
        final int rule)
    {
        final int q = engine.queueId(name);
        if (q < 0 || q >= maxQueues)
        {
            throw PolicySetupException.ofQueue(owner, rule, "the engine does not define queue '" + name + "'");
        }
        return q;
    }
}
