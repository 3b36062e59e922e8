/**
 * Classification (route-to-queue) rules: a small, line-oriented rule language over work-item attributes, compiled
 * once into an immutable {@link io.switchboard.policy.rules.RuleSet} whose first matching rule decides an item's
 * queue (or a percentage split across queues), priority, requirement profile, skill requirements, attribute
 * assignments or an end reason, with a fallback when no rule matches.
 *
 * <p>Owns: the rule syntax and its errors ({@link io.switchboard.policy.rules.RuleSyntaxException}, with line and
 * column), the compiled evaluator, the reusable per-item holders ({@link io.switchboard.policy.rules.ItemAttributes}
 * in, {@link io.switchboard.policy.rules.Classification} out) and the allocation-free keyword matcher. The language
 * is described in {@code engine-policy/POLICIES.md}.
 *
 * <p>Threading: a compiled rule set is immutable and thread safe; the holders are not thread safe, so each thread
 * that classifies owns one pair. Classifying allocates nothing; only patterns that need real regular-expression
 * features run on {@code java.util.regex} (see {@link io.switchboard.policy.rules.RuleSet#regexCount()}).
 */
package io.switchboard.policy.rules;
