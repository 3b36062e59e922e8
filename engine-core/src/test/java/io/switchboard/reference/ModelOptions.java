package io.switchboard.reference;

import io.switchboard.engine.CommandType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The system properties that size the randomized model test and narrow it down while investigating a failure; the
 * defaults cover everything (see {@link RandomCommandSequenceTest} for the list).
 */
final class ModelOptions
{
    static final long BASE_SEED = 0x5B0A_2D00_C0FFEEL;
    static final int SEQUENCES = Integer.getInteger("switchboard.model.sequences", 2_000);
    static final int COMMANDS = Integer.getInteger("switchboard.model.commands", 300);
    static final long SEED = Long.getLong("switchboard.model.seed", BASE_SEED);
    static final boolean SHRINK = Boolean.parseBoolean(System.getProperty("switchboard.model.shrink", "true"));
    static final boolean VERBOSE = Boolean.getBoolean("switchboard.model.verbose");
    static final Set<CommandType> EXCLUDED = parseExcluded(System.getProperty("switchboard.model.exclude", ""));
    /** Generator features that can be switched off to look past a known discrepancy (default: none). */
    static final Set<String> AVOID =
        new HashSet<>(Arrays.asList(System.getProperty("switchboard.model.avoid", "").split(",")));
    static final boolean REGRESSIONS = !AVOID.contains("timeRegression");

    private ModelOptions()
    {
    }

    /** @return true when nothing is excluded or avoided: the run must then exercise every command and outcome. */
    static boolean complete()
    {
        return EXCLUDED.isEmpty() && AVOID.stream().allMatch(String::isBlank);
    }

    static Set<CommandType> parseExcluded(final String list)
    {
        final Set<CommandType> excluded = EnumSet.noneOf(CommandType.class);
        for (final String name : list.split(","))
        {
            if (!name.isBlank())
            {
                excluded.add(CommandType.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return excluded;
    }
}
