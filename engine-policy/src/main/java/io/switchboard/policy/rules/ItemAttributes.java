package io.switchboard.policy.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes of one work item, as read by a {@link RuleSet}: each attribute the rules mention is absent, a text
 * ({@link CharSequence}) or a whole number. Create one with {@link RuleSet#newAttributes()}, then for every item
 * {@link #clear()} it, set what you know and pass it to {@link RuleSet#classify}. Attribute ids come from
 * {@code ruleSet.attributes().id(name)}; look them up once at setup. Setting an attribute the rules do not mention
 * (id {@link NameList#UNKNOWN}, or an unknown name) is ignored, so a host may set all its fields unconditionally.
 *
 * <p>Text values are held by reference until the next {@link #clear()}: a host may pass a reusable view over its
 * own buffer (e.g. a flyweight over a message) as long as the view is not changed during classification. Setting
 * by id allocates nothing; setting by name does a hash lookup and also allocates nothing.
 *
 * <p>Also owns one reusable {@link Matcher} per pattern of the rule set that needs {@code java.util.regex}, which
 * is why it is created by, and only usable with, its rule set.
 *
 * <p>Not thread safe: one instance per classifying thread.
 */
public final class ItemAttributes
{
    static final byte ABSENT = 0;
    static final byte TEXT = 1;
    static final byte NUMBER = 2;

    private final RuleSet ruleSet;
    private final NameList names;
    private final byte[] kinds;
    private final CharSequence[] texts;
    private final long[] numbers;
    private final Matcher[] matchers;

    ItemAttributes(final RuleSet ruleSet, final NameList names, final Pattern[] patterns)
    {
        this.ruleSet = ruleSet;
        this.names = names;
        kinds = new byte[names.size()];
        texts = new CharSequence[names.size()];
        numbers = new long[names.size()];
        matchers = new Matcher[patterns.length];
        for (int i = 0; i < patterns.length; i++)
        {
            matchers[i] = patterns[i].matcher("");
        }
    }

    /**
     * Makes every attribute absent and drops the references to previous texts.
     *
     * @return this.
     */
    public ItemAttributes clear()
    {
        for (int i = 0; i < kinds.length; i++)
        {
            kinds[i] = ABSENT;
            texts[i] = null;
        }
        return this;
    }

    /**
     * @param attribute an id from {@code attributes().id(name)}; {@link NameList#UNKNOWN} is ignored.
     * @param value     the text, or null to make the attribute absent.
     * @return this.
     */
    public ItemAttributes set(final int attribute, final CharSequence value)
    {
        if (attribute >= 0)
        {
            kinds[attribute] = value == null ? ABSENT : TEXT;
            texts[attribute] = value;
        }
        return this;
    }

    /**
     * @param attribute an id from {@code attributes().id(name)}; {@link NameList#UNKNOWN} is ignored.
     * @param value     the number.
     * @return this.
     */
    public ItemAttributes set(final int attribute, final long value)
    {
        if (attribute >= 0)
        {
            kinds[attribute] = NUMBER;
            texts[attribute] = null;
            numbers[attribute] = value;
        }
        return this;
    }

    /**
     * @param name  an attribute name; names the rules do not mention are ignored.
     * @param value the text, or null to make the attribute absent.
     * @return this.
     */
    public ItemAttributes set(final String name, final CharSequence value)
    {
        return set(names.id(name), value);
    }

    /**
     * @param name  an attribute name; names the rules do not mention are ignored.
     * @param value the number.
     * @return this.
     */
    public ItemAttributes set(final String name, final long value)
    {
        return set(names.id(name), value);
    }

    /**
     * @return the rule set these attributes belong to.
     */
    public RuleSet ruleSet()
    {
        return ruleSet;
    }

    byte kind(final int attribute)
    {
        return kinds[attribute];
    }

    CharSequence text(final int attribute)
    {
        return texts[attribute];
    }

    long number(final int attribute)
    {
        return numbers[attribute];
    }

    /**
     * @return the reusable matcher of pattern {@code slot}, reset onto {@code text}.
     */
    Matcher matcher(final int slot, final CharSequence text)
    {
        return matchers[slot].reset(text);
    }
}
