package io.switchboard.policy.rules;

/**
 * A compiled condition: a tree of small immutable nodes built once per rule. {@link #test} reads the item's
 * attributes and allocates nothing (regex nodes reuse the holder's matcher). Immutable, thread safe.
 */
abstract class Condition
{
    abstract boolean test(ItemAttributes attributes);
}
