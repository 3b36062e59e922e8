package io.switchboard.policy.rules;

/**
 * The decision of a {@link RuleSet} for one item, written by {@link RuleSet#classify} into this reusable holder:
 * which rule matched, the queue to route to (or an end reason), and what else the rule sets — priority,
 * requirement profile, skill requirements and attribute assignments. Every id refers to the rule set's
 * {@link NameList}s. Reading it allocates nothing; names are returned from the rule set's tables.
 *
 * <p>Not thread safe: one instance per classifying thread; valid until the next {@code classify} into it.
 */
public final class Classification
{
    /** {@link #rule()} when no rule matched and the fallback decided. */
    public static final int FALLBACK = -1;
    /** {@link #rule()} when no rule matched and the rule set has no fallback; also before the first use. */
    public static final int NO_MATCH = -2;
    /** {@link #queue()}, {@link #profile()} or {@link #endReason()} when the decision names none. */
    public static final int NONE = -1;
    /** {@link #priority()} when the decision leaves the item's priority as it is. */
    public static final int KEEP_PRIORITY = -1;

    private static final Outcome NOTHING = new Outcome(0, Outcome.NONE, new int[0], new int[0], 0, Outcome.NONE,
        Outcome.NONE, Outcome.NONE, new int[0], new int[0], new int[0], new Literal[0]);

    private RuleSet ruleSet;
    private int rule = NO_MATCH;
    private Outcome outcome = NOTHING;
    private int queue = NONE;
    private int endReason = NONE;

    void decide(final RuleSet ruleSet, final int rule, final Outcome outcome, final int queue, final int endReason)
    {
        this.ruleSet = ruleSet;
        this.rule = rule;
        this.outcome = outcome == null ? NOTHING : outcome;
        this.queue = queue;
        this.endReason = endReason;
    }

    /**
     * @return the index of the matched rule in {@code ruleSet().rules()}, {@link #FALLBACK} or {@link #NO_MATCH}.
     */
    public int rule()
    {
        return rule;
    }

    /**
     * @return the matched rule's name, {@code "fallback"}, or null for {@link #NO_MATCH}.
     */
    public String ruleName()
    {
        return rule >= 0 ? ruleSet.rules().name(rule) : rule == FALLBACK ? "fallback" : null;
    }

    /**
     * @return the 1-based line of the deciding rule or fallback in the rule text, 0 for {@link #NO_MATCH}.
     */
    public int line()
    {
        return outcome.line;
    }

    /**
     * @return the queue id in {@code ruleSet().queues()} (for a split, the chosen arm's queue), or {@link #NONE}
     * when the item is to be ended or nothing matched.
     */
    public int queue()
    {
        return queue;
    }

    /**
     * @return the queue's name, or null.
     */
    public String queueName()
    {
        return queue == NONE ? null : ruleSet.queues().name(queue);
    }

    /**
     * @return the end reason id in {@code ruleSet().endReasons()} when the decision is to end the item instead of
     * queueing it (e.g. an SMS opt-out), else {@link #NONE}.
     */
    public int endReason()
    {
        return endReason;
    }

    /**
     * @return the end reason's name, or null.
     */
    public String endReasonName()
    {
        return endReason == NONE ? null : ruleSet.endReasons().name(endReason);
    }

    /**
     * @return the priority to give the item (higher is sooner), or {@link #KEEP_PRIORITY}.
     */
    public int priority()
    {
        return outcome.priority;
    }

    /**
     * @return the requirement profile id in {@code ruleSet().profiles()}, or {@link #NONE}.
     */
    public int profile()
    {
        return outcome.profile;
    }

    /**
     * @return the requirement profile's name, or null.
     */
    public String profileName()
    {
        return outcome.profile == NONE ? null : ruleSet.profiles().name(outcome.profile);
    }

    /**
     * @return how many skill requirements the decision sets.
     */
    public int skillCount()
    {
        return outcome.skills.length;
    }

    /**
     * @param index 0..skillCount()-1.
     * @return the skill id in {@code ruleSet().skills()}.
     */
    public int skill(final int index)
    {
        return outcome.skills[index];
    }

    /**
     * @param index 0..skillCount()-1.
     * @return the minimum level required, 1..10.
     */
    public int skillLevel(final int index)
    {
        return outcome.levels[index];
    }

    /**
     * @return how many attribute assignments the decision makes.
     */
    public int assignmentCount()
    {
        return outcome.assignedAttributes.length;
    }

    /**
     * @param index 0..assignmentCount()-1.
     * @return the assigned attribute's id in {@code ruleSet().attributes()}.
     */
    public int assignedAttribute(final int index)
    {
        return outcome.assignedAttributes[index];
    }

    /**
     * @param index 0..assignmentCount()-1.
     * @return true when the value was written as a number (then read {@link #assignedNumber}).
     */
    public boolean assignedIsNumber(final int index)
    {
        return outcome.assignedValues[index].writtenAsNumber;
    }

    /**
     * @param index 0..assignmentCount()-1.
     * @return the value as text (a number in decimal).
     */
    public String assignedText(final int index)
    {
        return outcome.assignedValues[index].text;
    }

    /**
     * @param index 0..assignmentCount()-1.
     * @return the value as a number; 0 when it is text that is not a whole number.
     */
    public long assignedNumber(final int index)
    {
        return outcome.assignedValues[index].number;
    }

    /**
     * @return the rule set that wrote this decision, or null before the first one.
     */
    public RuleSet ruleSet()
    {
        return ruleSet;
    }

    @Override
    public String toString()
    {
        return "Classification{rule=" + ruleName() + ", queue=" + queueName() + ", end=" + endReasonName()
            + ", priority=" + priority() + ", profile=" + profileName() + ", skills=" + skillCount()
            + ", assignments=" + assignmentCount() + "}";
    }
}
