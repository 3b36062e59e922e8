package io.switchboard.policy.rules;

import java.util.regex.Pattern;

/**
 * A compiled, ordered set of classification rules: the first rule whose condition holds decides the item's queue
 * (or a percentage split across queues, or an end reason), and may also set its priority, requirement profile,
 * skill requirements and attributes; when no rule holds, the fallback decides. The language is described in
 * {@code engine-policy/POLICIES.md}; for example:
 *
 * <pre>
 * rule hardware: caseType == "Problem" &amp;&amp; subject ~ "hardware|device|laptop|printer" -&gt; queue hardware
 * rule vip:      account.type == "VIP" -&gt; queue vip, priority high
 * rule chat:     channel == "chat" -&gt; split tier1 70%, tier2 30%
 * fallback queue tier1
 * </pre>
 *
 * <p>Usage: compile once with {@link #compile(String)}; map the names in {@link #queues()} (and the other
 * {@link NameList}s) to host handles; per thread, create one {@link ItemAttributes} with {@link #newAttributes()}
 * and one {@link Classification}; per item, fill the attributes and call {@link #classify}.
 *
 * <p>Immutable, thread safe. {@link #classify} allocates nothing. Patterns after {@code ~} that are literal
 * alternatives (optionally between {@code \b} anchors) run on an allocation-free keyword matcher; the others
 * ({@link #regexCount()} of them) run on {@code java.util.regex} through a {@link java.util.regex.Matcher} owned
 * by the {@link ItemAttributes} and reset per item, which allocates nothing for common patterns but is not
 * guaranteed allocation free by the JDK.
 */
public final class RuleSet
{
    private final String name;
    private final Condition[] conditions;
    private final Outcome[] outcomes;
    private final Outcome fallback;
    private final Pattern[] patterns;
    private final NameList rules;
    private final NameList attributes;
    private final NameList queues;
    private final NameList profiles;
    private final NameList skills;
    private final NameList endReasons;
    private final String source;

    RuleSet(
        final String source,
        final String name,
        final Condition[] conditions,
        final Outcome[] outcomes,
        final Outcome fallback,
        final Pattern[] patterns,
        final NameList rules,
        final NameList attributes,
        final NameList queues,
        final NameList profiles,
        final NameList skills,
        final NameList endReasons)
    {
        this.source = source;
        this.name = name;
        this.conditions = conditions;
        this.outcomes = outcomes;
        this.fallback = fallback;
        this.patterns = patterns;
        this.rules = rules;
        this.attributes = attributes;
        this.queues = queues;
        this.profiles = profiles;
        this.skills = skills;
        this.endReasons = endReasons;
    }

    /**
     * @param text rule text (see {@code engine-policy/POLICIES.md}).
     * @return the compiled rule set.
     * @throws RuleSyntaxException with the line and column of the first problem.
     */
    public static RuleSet compile(final String text)
    {
        return RuleCompiler.compile(text);
    }

    /**
     * Classifies one item: writes the decision of the first matching rule, else of the fallback, else
     * {@link Classification#NO_MATCH}, into {@code out}. A rule that names no route (no {@code queue}, {@code split}
     * or {@code end}) takes the fallback's route and keeps its own priority, profile, skills and assignments.
     *
     * @param attributes the item's attributes, from this rule set's {@link #newAttributes()}.
     * @param splitKey   decides percentage splits deterministically: pass the item id to keep an item on the same
     *                   arm whenever it is classified, or a draw from a seeded random source.
     * @param out        receives the decision.
     */
    public void classify(final ItemAttributes attributes, final long splitKey, final Classification out)
    {
        if (attributes.ruleSet() != this)
        {
            throw new IllegalArgumentException("attributes were created by another rule set");
        }
        final Condition[] conditions = this.conditions;
        for (int rule = 0; rule < conditions.length; rule++)
        {
            if (conditions[rule].test(attributes))
            {
                decide(rule, outcomes[rule], splitKey, out);
                return;
            }
        }
        if (fallback != null)
        {
            decide(Classification.FALLBACK, fallback, splitKey, out);
        }
        else
        {
            out.decide(this, Classification.NO_MATCH, null, Classification.NONE, Classification.NONE);
        }
    }

    private void decide(final int rule, final Outcome outcome, final long splitKey, final Classification out)
    {
        final Outcome route = outcome.routes() || fallback == null ? outcome : fallback;
        final int queue = route.splitQueues.length > 0 ? route.splitQueues[route.splitArm(splitKey)] : route.queue;
        out.decide(this, rule, outcome, queue, route.endReason);
    }

    /**
     * @return a new, empty attribute holder for this rule set; one per classifying thread.
     */
    public ItemAttributes newAttributes()
    {
        return new ItemAttributes(this, attributes, patterns);
    }

    /**
     * @return the text the rule set was compiled from (compiling it again gives an equivalent rule set).
     */
    public String source()
    {
        return source;
    }

    /**
     * @return the name from the {@code ruleset} line, or "" when there is none.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the rule names, in rule order; {@link Classification#rule()} indexes it.
     */
    public NameList rules()
    {
        return rules;
    }

    /**
     * @return the attributes the rules read or assign; ids for {@link ItemAttributes#set(int, CharSequence)}.
     */
    public NameList attributes()
    {
        return attributes;
    }

    /**
     * @return the queues the rules route to.
     */
    public NameList queues()
    {
        return queues;
    }

    /**
     * @return the requirement profiles the rules name.
     */
    public NameList profiles()
    {
        return profiles;
    }

    /**
     * @return the skills the rules require.
     */
    public NameList skills()
    {
        return skills;
    }

    /**
     * @return the end reasons the rules name.
     */
    public NameList endReasons()
    {
        return endReasons;
    }

    /**
     * @return true when the rule set has a fallback.
     */
    public boolean hasFallback()
    {
        return fallback != null;
    }

    /**
     * @return how many patterns run on {@code java.util.regex} rather than the keyword matcher.
     */
    public int regexCount()
    {
        return patterns.length;
    }

    @Override
    public String toString()
    {
        return "RuleSet{name=" + name + ", rules=" + rules.size() + ", queues=[" + queues + "], fallback="
            + hasFallback() + ", regex=" + patterns.length + "}";
    }
}
