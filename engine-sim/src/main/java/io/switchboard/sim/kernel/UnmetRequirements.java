package io.switchboard.sim.kernel;

import io.switchboard.engine.ExplainReason;
import io.switchboard.engine.ExplainSink;
import io.switchboard.engine.HandleNames;
import io.switchboard.engine.ItemState;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.Strategy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Says, per traffic stream, which requirement no agent met when customers gave up waiting. Just before a waiting
 * item is abandoned, the engine explains it ({@link RoutingEngine#explain(long, ExplainSink)}) for every member of
 * its queue, and the members are taken through the eligibility rules in order — available (logged in, a presence
 * that takes work), the skills of the current step, free capacity (units and a channel slot), not having refused
 * the item — until none is left: that requirement is the one nobody met (with the ones before it met by some), and
 * it is counted for the item's stream. A queue without members counts as such.
 *
 * <p><b>Threading:</b> not thread safe; the one simulation thread. Allocation-free per abandonment.
 */
public final class UnmetRequirements implements ExplainSink
{
    private static final int NO_MEMBER = 0;
    private static final int AVAILABLE = 1;
    private static final int UNITS = 2;
    private static final int CHANNEL_SLOT = 3;
    private static final int UNITS_OR_SLOT = 4;
    private static final int NOT_REFUSED = 5;
    private static final int SKILLS_MIXED = 6;
    private static final int NONE_BLOCKED = 7;
    private static final int FIRST_SKILL = 8;

    private static final int STAGE_AVAILABLE = 0;
    private static final int STAGE_SKILLS = 1;
    private static final int STAGE_CAPACITY = 2;
    private static final int STAGE_REFUSED = 3;
    private static final int STAGES = 4;

    private final RoutingEngine engine;
    private final List<String> streamNames;
    private final int keys;
    private final long[] abandoned;
    private final long[] unmet;
    /** The level the stream's items needed of a skill, by {@code stream * keys + key} (the latest seen). */
    private final int[] levelNeeded;
    private final int[] streamChannel;
    private int stream;

    // one explanation: agents stopped at each stage, and at the skills and capacity stages by what
    private final int[] stoppedAt = new int[STAGES];
    private final int[] skillFailures;
    private final int[] touchedSkills;
    private int touchedCount;
    private int unitsFailures;
    private int slotFailures;

    // the agent whose reasons are arriving (an agent's reasons are consecutive)
    private int agent = -1;
    private boolean unavailable;
    private boolean noUnits;
    private boolean noSlot;
    private boolean refused;
    private final int[] agentSkills;
    private int agentSkillCount;

    /**
     * @param engine      the routing engine, set up (its skills defined).
     * @param streamNames the traffic's streams, by stream index.
     */
    public UnmetRequirements(final RoutingEngine engine, final List<String> streamNames)
    {
        this.engine = engine;
        this.streamNames = List.copyOf(streamNames);
        this.keys = FIRST_SKILL + engine.skillCount();
        abandoned = new long[streamNames.size()];
        unmet = new long[streamNames.size() * keys];
        levelNeeded = new int[streamNames.size() * keys];
        streamChannel = new int[streamNames.size()];
        skillFailures = new int[keys];
        touchedSkills = new int[keys];
        agentSkills = new int[keys];
    }

    /** A counted item of {@code stream}, still waiting, is about to be abandoned: explains it and counts. */
    void abandoning(final long itemId, final int itemStream)
    {
        stream = itemStream;
        abandoned[itemStream]++;
        engine.explain(itemId, this);
    }

    @Override
    public void onItem(final long itemId, final ItemState state, final int queue, final Strategy strategy,
        final int itemChannel, final int step, final int holder, final int target)
    {
        streamChannel[stream] = itemChannel;
        java.util.Arrays.fill(stoppedAt, 0);
        for (int i = 0; i < touchedCount; i++)
        {
            skillFailures[touchedSkills[i]] = 0;
        }
        touchedCount = 0;
        unitsFailures = 0;
        slotFailures = 0;
        agent = -1;
    }

    @Override
    public void onReason(final int reasonAgent, final ExplainReason reason, final long subject, final int required,
        final int actual)
    {
        if (reasonAgent != agent)
        {
            finishAgent();
            agent = reasonAgent;
        }
        switch (reason)
        {
            case LOGGED_OUT, PRESENCE -> unavailable = true;
            case NOT_ENOUGH_UNITS -> noUnits = true;
            case CHANNEL_LIMIT_REACHED -> noSlot = true;
            case EXCLUDED -> refused = true;
            case SKILL_BELOW_LEVEL ->
            {
                final int key = FIRST_SKILL + (int)subject;
                if (key < keys)
                {
                    agentSkills[agentSkillCount++] = key;
                    levelNeeded[stream * keys + key] = required;
                }
            }
            default ->
            {
                // members only are examined; the other reasons block nothing
            }
        }
    }

    /** Files the agent whose reasons are complete under the first rule it failed. */
    private void finishAgent()
    {
        if (agent < 0)
        {
            return;
        }
        if (unavailable)
        {
            stoppedAt[STAGE_AVAILABLE]++;
        }
        else if (agentSkillCount > 0)
        {
            stoppedAt[STAGE_SKILLS]++;
            for (int i = 0; i < agentSkillCount; i++)
            {
                if (skillFailures[agentSkills[i]]++ == 0)
                {
                    touchedSkills[touchedCount++] = agentSkills[i];
                }
            }
        }
        else if (noUnits || noSlot)
        {
            stoppedAt[STAGE_CAPACITY]++;
            unitsFailures += noUnits ? 1 : 0;
            slotFailures += noSlot ? 1 : 0;
        }
        else if (refused)
        {
            stoppedAt[STAGE_REFUSED]++;
        }
        agent = -1;
        unavailable = false;
        noUnits = false;
        noSlot = false;
        refused = false;
        agentSkillCount = 0;
    }

    @Override
    public void onEnd(final int agentsExamined, final int agentsMeetingAll)
    {
        finishAgent();
        final int base = stream * keys;
        if (agentsExamined == 0)
        {
            unmet[base + NO_MEMBER]++;
            return;
        }
        int left = agentsExamined;
        for (int stage = 0; stage < STAGES; stage++)
        {
            left -= stoppedAt[stage];
            if (left == 0 && stoppedAt[stage] > 0)
            {
                count(base, stage);
                return;
            }
        }
        unmet[base + NONE_BLOCKED]++;
    }

    private void count(final int base, final int stage)
    {
        switch (stage)
        {
            case STAGE_AVAILABLE -> unmet[base + AVAILABLE]++;
            case STAGE_CAPACITY -> unmet[base + (unitsFailures == stoppedAt[stage] ? UNITS :
                slotFailures == stoppedAt[stage] ? CHANNEL_SLOT : UNITS_OR_SLOT)]++;
            case STAGE_REFUSED -> unmet[base + NOT_REFUSED]++;
            default ->
            {
                boolean named = false;
                for (int i = 0; i < touchedCount; i++)
                {
                    if (skillFailures[touchedSkills[i]] == stoppedAt[stage])
                    {
                        unmet[base + touchedSkills[i]]++;
                        named = true;
                    }
                }
                if (!named)
                {
                    unmet[base + SKILLS_MIXED]++;
                }
            }
        }
    }

    /** @return customers of the stream who gave up waiting (after the warm-up). */
    public long abandoned(final String streamName)
    {
        final int s = streamNames.indexOf(streamName);
        return s < 0 ? 0 : abandoned[s];
    }

    /**
     * @return per stream with abandonments, each requirement nobody met and for how many of those customers, most
     *     frequent first; requirements named in words.
     */
    public Map<String, Map<String, Long>> byStream()
    {
        final HandleNames names = engine.names();
        final Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (int s = 0; s < streamNames.size(); s++)
        {
            if (abandoned[s] == 0)
            {
                continue;
            }
            final List<Integer> order = new ArrayList<>();
            for (int key = 0; key < keys; key++)
            {
                if (unmet[s * keys + key] > 0)
                {
                    order.add(key);
                }
            }
            final int row = s;
            order.sort((a, b) -> Long.compare(unmet[row * keys + b], unmet[row * keys + a]));
            final Map<String, Long> requirements = new LinkedHashMap<>();
            for (final int key : order)
            {
                requirements.put(describe(row, key, names), unmet[row * keys + key]);
            }
            result.put(streamNames.get(s), requirements);
        }
        return result;
    }

    private String describe(final int row, final int key, final HandleNames names)
    {
        final String channel = names.channelName(streamChannel[row]);
        switch (key)
        {
            case NO_MEMBER:
                return "a member of the queue (it has none)";
            case AVAILABLE:
                return "an available member (all logged out, away or do-not-disturb)";
            case UNITS:
                return "free capacity (every available member busy)";
            case CHANNEL_SLOT:
                return "a free " + channel + " slot (every available member at its " + channel + " limit)";
            case UNITS_OR_SLOT:
                return "free capacity or a " + channel + " slot";
            case NOT_REFUSED:
                return "a member that had not refused it";
            case SKILLS_MIXED:
                return "the required skills (each available member lacked another one)";
            case NONE_BLOCKED:
                return "none (a member could take it)";
            default:
                return "skill " + names.skillName(key - FIRST_SKILL) + " >= " + levelNeeded[row * keys + key];
        }
    }

    /** Prints a short section after the KPI summary; nothing when nobody gave up waiting. */
    public void print(final PrintStream out)
    {
        final Map<String, Map<String, Long>> streams = byStream();
        if (streams.isEmpty())
        {
            return;
        }
        out.println();
        out.println("Customers who gave up waiting, and the requirement no member of the queue met then:");
        streams.forEach((name, requirements) ->
        {
            final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-20s %7d gave up;",
                name, abandoned(name)));
            requirements.forEach((requirement, count) -> line.append(' ').append(requirement).append(": ")
                .append(count).append(';'));
            line.setLength(line.length() - 1);
            out.println(line);
        });
    }
}
