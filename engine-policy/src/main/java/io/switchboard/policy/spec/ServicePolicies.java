package io.switchboard.policy.spec;

import io.switchboard.model.OverflowAction;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.rules.RuleSyntaxException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated set of service policies, by queue name: classification rules, named SLAs, and per queue overflow
 * rules, operating hours, a default SLA and sentiment thresholds. Built once with {@link #builder()} and installed
 * into a {@link io.switchboard.policy.service.PolicyEngine}, which resolves the queue names to engine handles.
 *
 * <p>Building checks everything that can be checked without an engine: values in range, references to SLAs,
 * SLA conditions (compiled with the rule language), and <b>overflow loops</b>: a cycle of before-queueing
 * transfers (a → b → a) is rejected here, because it could bounce an item forever within one instant. Cycles that
 * go through an in-queue rule take time to go round and are stopped at run time instead, after
 * {@link #maxOverflowHops()} overflow transfers of the same item.
 *
 * <p>Immutable; safe on any thread.
 */
public final class ServicePolicies
{
    /** Overflow transfers one item may make, when {@link Builder#maxOverflowHops(int)} is not called. */
    public static final int DEFAULT_MAX_OVERFLOW_HOPS = 4;
    /**
     * Largest time origin, in epoch ms either way (2^46 ms: beyond year 4000), so that engine time plus origin fits
     * a calendar's arithmetic.
     */
    public static final long MAX_TIME_ORIGIN_MS = 1L << 46;
    /** Highest priority a policy may set; the engine's limit. */
    public static final int MAX_PRIORITY = RoutingEngine.MAX_PRIORITY;

    private final RuleSet rules;
    private final RuleSet slaRules;
    private final List<String> slaNames;
    private final SlaDefinition[] slas;
    private final Map<String, QueueSettings> queues;
    private final List<String> endReasons;
    private final int maxOverflowHops;
    private final long timeOriginMs;

    private ServicePolicies(final Builder builder, final RuleSet slaRules, final List<String> endReasons)
    {
        this.rules = builder.rules;
        this.slaRules = slaRules;
        this.slaNames = List.copyOf(builder.slas.keySet());
        this.slas = builder.slas.values().toArray(new SlaDefinition[0]);
        this.queues = Collections.unmodifiableMap(new LinkedHashMap<>(builder.queues));
        this.endReasons = List.copyOf(endReasons);
        this.maxOverflowHops = builder.maxOverflowHops;
        this.timeOriginMs = builder.timeOriginMs;
    }

    /**
     * @return a new builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return policies with nothing in them: a {@link io.switchboard.policy.service.PolicyEngine} with these only
     *     forwards to its engine.
     */
    public static ServicePolicies none()
    {
        return new Builder().build();
    }

    /**
     * @return the classification rules, or null.
     */
    public RuleSet rules()
    {
        return rules;
    }

    /**
     * @return the SLA names in definition order; an SLA's id is its index.
     */
    public List<String> slaNames()
    {
        return slaNames;
    }

    /**
     * @param name an SLA name.
     * @return its id for classification (the SLA conditions), or -1.
     */
    public int slaId(final String name)
    {
        return slaNames.indexOf(name);
    }

    /**
     * @return every end reason: first those of the classification rules (with the same ids as in
     * {@code rules().endReasons()}), then those of overflow rules; policy events report reasons by index.
     */
    public List<String> endReasons()
    {
        return endReasons;
    }

    /**
     * @return the names of the queues that have policies, in definition order.
     */
    public List<String> queueNames()
    {
        return List.copyOf(queues.keySet());
    }

    /**
     * @param queue a queue name.
     * @return the overflow rules of that queue in the order given, empty when it has none.
     */
    public List<OverflowRule> overflowRules(final String queue)
    {
        final QueueSettings settings = queues.get(queue);
        return settings == null ? List.of() : settings.rules();
    }

    /**
     * @param queue a queue name.
     * @return the name of the queue's default SLA, or null.
     */
    public String queueSla(final String queue)
    {
        final QueueSettings settings = queues.get(queue);
        return settings == null ? null : settings.sla();
    }

    /**
     * @return true when at least one SLA has a condition ({@link SlaSpec#appliesWhen(String)}).
     */
    public boolean hasSlaConditions()
    {
        return slaRules != null;
    }

    /**
     * @return overflow transfers one item may make before further transfer rules are skipped for it.
     */
    public int maxOverflowHops()
    {
        return maxOverflowHops;
    }

    /**
     * @return the epoch millisecond that engine time 0 stands for when calendars are read.
     */
    public long timeOriginMs()
    {
        return timeOriginMs;
    }

    /**
     * @return true when nothing here needs per-item state (no overflow, SLA or sentiment policy).
     */
    public boolean isPassive()
    {
        if (slas.length > 0)
        {
            return false;
        }
        for (final QueueSettings settings : queues.values())
        {
            if (settings.isActive())
            {
                return false;
            }
        }
        return true;
    }

    /** @return every queue's validated policies, by queue name, in definition order (read only). */
    public Map<String, QueueSettings> queueSettings()
    {
        return queues;
    }

    /**
     * @param id an SLA id.
     * @return the validated SLA with this id ({@link #slaId(String)}).
     */
    public SlaDefinition sla(final int id)
    {
        return slas[id];
    }

    /** @return how many SLAs are defined (ids 0..n-1). */
    public int slaCount()
    {
        return slas.length;
    }

    /** @return the SLA conditions compiled as one rule set whose "queues" are SLA names, or null. */
    public RuleSet slaRules()
    {
        return slaRules;
    }

    static void checkPriority(final int priority, final String what)
    {
        if (priority < 0 || priority > MAX_PRIORITY)
        {
            throw new PolicySetupException(what + ": priority " + priority + " out of range 0.." + MAX_PRIORITY);
        }
    }

    @Override
    public String toString()
    {
        return "ServicePolicies{queues=" + queues.keySet() + ", slas=" + slaNames + ", rules="
            + (rules == null ? "none" : rules.name()) + ", maxOverflowHops=" + maxOverflowHops + "}";
    }

    /**
     * Collects policies; {@link #build()} validates them. Not thread safe.
     */
    public static final class Builder
    {
        private RuleSet rules;
        private final Map<String, SlaDefinition> slas = new LinkedHashMap<>();
        private final Map<String, QueueSettings> queues = new LinkedHashMap<>();
        private int maxOverflowHops = DEFAULT_MAX_OVERFLOW_HOPS;
        private long timeOriginMs;

        private Builder()
        {
        }

        /**
         * @param rules classification rules for {@code classifyAndEnqueue}; their queue names must exist
         *              in the engine the policies are installed into.
         * @return this.
         */
        public Builder rules(final RuleSet rules)
        {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * @param name a unique SLA name.
         * @param spec the SLA (copied now).
         * @return this.
         * @throws PolicySetupException when the SLA is invalid or the name is taken.
         */
        public Builder sla(final String name, final SlaSpec spec)
        {
            if (slas.containsKey(name))
            {
                throw PolicySetupException.ofSla(name, 0, 0, "defined twice");
            }
            slas.put(name, new SlaDefinition(name, spec));
            return this;
        }

        /**
         * @param name   the queue's name in the engine.
         * @param policy its policies (copied now).
         * @return this.
         * @throws PolicySetupException when a rule is invalid or the queue already has policies.
         */
        public Builder queue(final String name, final QueuePolicy policy)
        {
            if (queues.containsKey(name))
            {
                throw PolicySetupException.ofQueue(name, -1, "has policies already");
            }
            queues.put(name, new QueueSettings(name, policy));
            return this;
        }

        /**
         * @param hops 1..100 overflow transfers per item; default {@link #DEFAULT_MAX_OVERFLOW_HOPS}.
         * @return this.
         */
        public Builder maxOverflowHops(final int hops)
        {
            if (hops < 1 || hops > 100)
            {
                throw new PolicySetupException("maxOverflowHops " + hops + " out of range 1..100");
            }
            this.maxOverflowHops = hops;
            return this;
        }

        /**
         * @param epochMs the epoch millisecond engine time 0 stands for, so that calendars line up (a host that
         *                passes epoch milliseconds as engine time keeps the default 0; the simulator passes its
         *                scenario's start date).
         * @return this.
         */
        public Builder timeOrigin(final long epochMs)
        {
            if (Math.abs(epochMs) > MAX_TIME_ORIGIN_MS)
            {
                throw new PolicySetupException("timeOrigin " + epochMs + " is beyond +-" + MAX_TIME_ORIGIN_MS +
                    " epoch ms");
            }
            this.timeOriginMs = epochMs;
            return this;
        }

        /**
         * @return the validated policies.
         * @throws PolicySetupException on an unknown SLA reference, an overflow loop before queueing or a bad SLA
         *                              condition.
         */
        public ServicePolicies build()
        {
            final List<String> reasons = new ArrayList<>();
            if (rules != null)
            {
                for (int i = 0; i < rules.endReasons().size(); i++)
                {
                    reasons.add(rules.endReasons().name(i));
                }
            }
            for (final QueueSettings settings : queues.values())
            {
                if (settings.sla() != null && !slas.containsKey(settings.sla()))
                {
                    throw PolicySetupException.ofQueue(settings.name(), -1, "unknown SLA '" + settings.sla()
                        + "' (defined: " + (slas.isEmpty() ? "none" : String.join(", ", slas.keySet())) + ")");
                }
                for (final OverflowRule rule : settings.rules())
                {
                    if (rule.action() == OverflowAction.END && !reasons.contains(rule.endReason()))
                    {
                        reasons.add(rule.endReason());
                    }
                }
            }
            OverflowLoops.check(queues);
            return new ServicePolicies(this, SlaConditions.compile(slas.values()), reasons);
        }
    }

    /** Compiles the SLA conditions into one rule set whose "queues" are SLA names. */
    static final class SlaConditions
    {
        private SlaConditions()
        {
        }

        static RuleSet compile(final Iterable<SlaDefinition> slas)
        {
            final StringBuilder text = new StringBuilder();
            final List<SlaDefinition> withCondition = new ArrayList<>();
            final List<Integer> firstLines = new ArrayList<>();
            final List<Integer> prefixLengths = new ArrayList<>();
            int line = 1;
            for (final SlaDefinition sla : slas)
            {
                if (sla.condition() == null)
                {
                    continue;
                }
                final String prefix = "rule " + quote(sla.name()) + ": (";
                withCondition.add(sla);
                firstLines.add(line);
                prefixLengths.add(prefix.length());
                text.append(prefix).append(sla.condition()).append("\n) -> queue ").append(quote(sla.name()))
                    .append('\n');
                line += sla.condition().split("\n", -1).length + 1;
            }
            if (withCondition.isEmpty())
            {
                return null;
            }
            try
            {
                return RuleSet.compile(text.toString());
            }
            catch (final RuleSyntaxException ex)
            {
                int i = withCondition.size() - 1;
                while (i > 0 && firstLines.get(i) > ex.line())
                {
                    i--;
                }
                final SlaDefinition sla = withCondition.get(i);
                final String[] lines = sla.condition().split("\n", -1);
                int relative = ex.line() - firstLines.get(i) + 1;
                int column = relative == 1 ? ex.column() - prefixLengths.get(i) : ex.column();
                if (relative > lines.length)
                {
                    relative = lines.length;
                    column = lines[lines.length - 1].length() + 1;
                }
                throw PolicySetupException.ofSla(sla.name(), relative, Math.max(1, column), ex.problem());
            }
        }

        private static String quote(final String name)
        {
            return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }
}
