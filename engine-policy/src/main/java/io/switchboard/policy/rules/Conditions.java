package io.switchboard.policy.rules;

import java.util.List;

/**
 * The node types of a compiled condition. Absent attributes make every comparison false except {@code !=}, which is
 * always the negation of {@code ==}. Text operators ({@code contains}, {@code ~}) are false on numeric attributes;
 * ordering operators read a text attribute as a whole number and are false when it is not one.
 */
final class Conditions
{
    static final int LT = 0;
    static final int LE = 1;
    static final int GT = 2;
    static final int GE = 3;

    private Conditions()
    {
    }

    static Condition constant(final boolean value)
    {
        return value ? Constant.TRUE : Constant.FALSE;
    }

    static Condition all(final List<Condition> terms)
    {
        return terms.size() == 1 ? terms.get(0) : new All(terms.toArray(new Condition[0]));
    }

    static Condition any(final List<Condition> terms)
    {
        return terms.size() == 1 ? terms.get(0) : new Any(terms.toArray(new Condition[0]));
    }

    static final class Constant extends Condition
    {
        static final Constant TRUE = new Constant(true);
        static final Constant FALSE = new Constant(false);
        private final boolean value;

        private Constant(final boolean value)
        {
            this.value = value;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            return value;
        }
    }

    static final class All extends Condition
    {
        private final Condition[] terms;

        All(final Condition[] terms)
        {
            this.terms = terms;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            for (final Condition term : terms)
            {
                if (!term.test(attributes))
                {
                    return false;
                }
            }
            return true;
        }
    }

    static final class Any extends Condition
    {
        private final Condition[] terms;

        Any(final Condition[] terms)
        {
            this.terms = terms;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            for (final Condition term : terms)
            {
                if (term.test(attributes))
                {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Not extends Condition
    {
        private final Condition term;

        Not(final Condition term)
        {
            this.term = term;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            return !term.test(attributes);
        }
    }

    static final class Exists extends Condition
    {
        private final int attribute;

        Exists(final int attribute)
        {
            this.attribute = attribute;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            return attributes.kind(attribute) != ItemAttributes.ABSENT;
        }
    }

    /** {@code attr == literal} and {@code attr in (literal, ...)}. */
    static final class OneOf extends Condition
    {
        private final int attribute;
        private final Literal[] values;

        OneOf(final int attribute, final List<Literal> values)
        {
            this.attribute = attribute;
            this.values = values.toArray(new Literal[0]);
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            for (final Literal value : values)
            {
                if (value.matches(attributes, attribute))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code attr < n}, {@code <=}, {@code >}, {@code >=}. */
    static final class Ordering extends Condition
    {
        private final int attribute;
        private final int operator;
        private final long bound;

        Ordering(final int attribute, final int operator, final long bound)
        {
            this.attribute = attribute;
            this.operator = operator;
            this.bound = bound;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            final long value;
            final byte kind = attributes.kind(attribute);
            if (kind == ItemAttributes.NUMBER)
            {
                value = attributes.number(attribute);
            }
            else if (kind == ItemAttributes.TEXT && Values.isLong(attributes.text(attribute)))
            {
                value = Values.parseLong(attributes.text(attribute));
            }
            else
            {
                return false;
            }
            switch (operator)
            {
                case LT:
                    return value < bound;
                case LE:
                    return value <= bound;
                case GT:
                    return value > bound;
                default:
                    return value >= bound;
            }
        }
    }

    /** {@code attr contains "x"} and {@code attr ~ "a|b|c"} when the pattern is literal: no allocation. */
    static final class Keywords extends Condition
    {
        private final int attribute;
        private final KeywordMatcher matcher;

        Keywords(final int attribute, final KeywordMatcher matcher)
        {
            this.attribute = attribute;
            this.matcher = matcher;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            return attributes.kind(attribute) == ItemAttributes.TEXT && matcher.find(attributes.text(attribute));
        }
    }

    /** {@code attr ~ "regex"} with real regex features: {@code java.util.regex} through the holder's matcher. */
    static final class Regex extends Condition
    {
        private final int attribute;
        private final int slot;

        Regex(final int attribute, final int slot)
        {
            this.attribute = attribute;
            this.slot = slot;
        }

        @Override
        boolean test(final ItemAttributes attributes)
        {
            return attributes.kind(attribute) == ItemAttributes.TEXT
                && attributes.matcher(slot, attributes.text(attribute)).find();
        }
    }
}
