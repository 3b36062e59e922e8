package io.switchboard.sim.scenario;

import io.switchboard.policy.calendar.BusinessCalendar;
import io.switchboard.policy.calendar.CalendarSpec;
import io.switchboard.policy.calendar.CalendarSyntaxException;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.rules.RuleSyntaxException;
import io.switchboard.policy.spec.OverflowRule;
import io.switchboard.policy.spec.PolicySetupException;
import io.switchboard.policy.spec.QueuePolicy;
import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.policy.spec.SlaSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the service-policy fields of a scenario — {@code start}, {@code rules}, {@code sla}, and per queue
 * {@code operatingHours}, {@code overflow} and {@code sla} — into a {@link ServicePolicies}, with the same
 * {@code FILE:LINE: field 'path': problem} errors as the rest of the yaml. Syntax errors inside rule or calendar
 * text name the line and column within that text (and the scenario line they are on). Not thread safe: one instance
 * per load.
 */
final class PolicyLoader
{
    /** Engine time 0 of a scenario without {@code start}: Monday 2025-03-03 00:00 UTC. */
    static final long DEFAULT_START_MS = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();

    private static final Set<String> SLA_KEYS = Set.of("when", "firstResponse", "resolution", "warning", "failure",
        "calendar", "raiseOnFailure", "curve", "curveSteps");
    private static final Set<String> KPI_KEYS = Set.of("warning", "failure");
    private static final Set<String> CONDITIONS = Set.of("whenWaiting", "whenNoAgents", "whenEstimatedWait",
        "whenClosed", "afterWait");
    private static final Set<String> ACTIONS = Set.of("to", "raisePriority", "end", "callback", "voicemail");
    private static final Set<String> RULE_KEYS = Set.of("whenWaiting", "whenNoAgents", "whenEstimatedWait",
        "whenClosed", "afterWait", "to", "raisePriority", "end", "callback", "voicemail");
    private static final Map<String, Integer> LEVELS = Map.of("low", 1, "normal", 5, "high", 10, "critical", 100);
    private static final Pattern INLINE_RULES = Pattern.compile("\\s*(#|rule\\s|ruleset\\s|fallback\\s|level\\s)");
    private static final Pattern BLOCK_SCALAR = Pattern.compile(".*(:|-)\\s*[|>][-+0-9]*\\s*(#.*)?");

    private final YamlFields yaml;
    private final String file;
    private final String[] lines;
    private final Map<String, List<YamlNode>> ruleNodes = new LinkedHashMap<>();
    private final Map<String, YamlNode> slaNodes = new LinkedHashMap<>();

    PolicyLoader(final YamlFields yaml, final String file, final String text)
    {
        this.yaml = yaml;
        this.file = file;
        this.lines = text.split("\n", -1);
    }

    /**
     * @param zone the scenario's zone: a local date-time or date is read in it.
     * @return the epoch millisecond of engine time 0.
     */
    long start(final YamlNode root, final java.time.ZoneId zone)
    {
        final YamlNode node = root.fields().get("start");
        if (node == null)
        {
            return root.fields().containsKey("zone")
                ? LocalDate.parse("2025-03-03").atStartOfDay(zone).toInstant().toEpochMilli() : DEFAULT_START_MS;
        }
        final String text = yaml.string(node, "start").strip();
        try
        {
            return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli(); // 2025-03-03T08:00Z, +01:00
        }
        catch (final DateTimeParseException notInstant)
        {
            try
            {
                return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
            }
            catch (final DateTimeParseException notDateTime)
            {
                try
                {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
                }
                catch (final DateTimeParseException notDate)
                {
                    throw yaml.error(node, "start", "expected an ISO date-time such as 2025-03-03T08:00:00Z, "
                        + "2025-03-03T08:00:00+01:00, 2025-03-03T08:00 (in the scenario's zone) or 2025-03-03, "
                        + "found '" + text + "'");
                }
            }
        }
    }

    /** @return the scenario's {@code zone} (a region such as Europe/Paris, or an offset such as +01:00), or UTC. */
    java.time.ZoneId zone(final YamlNode root)
    {
        final YamlNode node = root.fields().get("zone");
        if (node == null)
        {
            return java.time.ZoneId.of("UTC");
        }
        final String text = yaml.string(node, "zone").strip();
        try
        {
            return java.time.ZoneId.of(text);
        }
        catch (final java.time.DateTimeException ex)
        {
            throw yaml.error(node, "zone", "unknown time zone '" + text + "' (expected a region such as Europe/Paris "
                + "or America/New_York, UTC, or an offset such as +01:00)");
        }
    }

    /**
     * @return the compiled classification rules, or null when the scenario has none.
     */
    RuleSet rules(final YamlNode root, final Set<String> queueNames)
    {
        final YamlNode node = root.fields().get("rules");
        if (node == null)
        {
            return null;
        }
        final String value = yaml.string(node, "rules");
        final boolean inline = value.contains("\n") || value.contains("->")
            || INLINE_RULES.matcher(value).lookingAt();
        final String text;
        final String source;
        if (inline)
        {
            text = value;
            source = null;
        }
        else
        {
            final Path path = resolve(value.strip());
            source = path.toString();
            try
            {
                text = TextFiles.readUtf8(path, source);
            }
            catch (final ScenarioException ex)
            {
                if (ex.line() > 0)
                {
                    throw ex; // not text: the rules file's own line
                }
                throw yaml.error(node, "rules", "cannot read rules file '" + value.strip() + "': " + ex.problem());
            }
        }
        final RuleSet rules;
        try
        {
            rules = RuleSet.compile(text);
        }
        catch (final RuleSyntaxException ex)
        {
            if (source != null)
            {
                throw new ScenarioException(source, ex.line(), "rules", "column " + ex.column() + ": " + ex.problem());
            }
            throw new ScenarioException(file, lineOf(node, ex.line()), "rules", "rule line " + ex.line() + ", column "
                + ex.column() + ": " + ex.problem());
        }
        for (int q = 0; q < rules.queues().size(); q++)
        {
            final String queue = rules.queues().name(q);
            if (!queueNames.contains(queue))
            {
                throw yaml.error(node, "rules", "the rules route to undefined queue '" + queue + "' (defined: "
                    + YamlFields.listOf(queueNames) + ")");
            }
        }
        return rules;
    }

    /**
     * @return the scenario's service policies (possibly empty).
     */
    ServicePolicies policies(final YamlNode root, final YamlNode queues, final Set<String> queueNames,
        final RuleSet rules, final long startMs)
    {
        final ServicePolicies.Builder builder = ServicePolicies.builder().timeOrigin(startMs);
        if (rules != null)
        {
            builder.rules(rules);
        }
        final YamlNode slas = root.fields().get("sla");
        if (slas != null)
        {
            for (final Map.Entry<String, YamlNode> entry : yaml.mapping(slas, "sla").fields().entrySet())
            {
                final String path = "sla." + entry.getKey();
                slaNodes.put(entry.getKey(), entry.getValue());
                addSla(builder, entry.getKey(), sla(entry.getValue(), path, true), entry.getValue(), path);
            }
        }
        for (final Map.Entry<String, YamlNode> entry : queues.fields().entrySet())
        {
            final YamlNode value = entry.getValue();
            if (value.kind() == YamlNode.Kind.MAP)
            {
                queue(builder, entry.getKey(), value, "queues." + entry.getKey(), queueNames);
            }
        }
        try
        {
            return builder.build();
        }
        catch (final PolicySetupException ex)
        {
            throw located(ex);
        }
    }

    private void queue(final ServicePolicies.Builder builder, final String queue, final YamlNode node,
        final String path, final Set<String> queueNames)
    {
        final YamlNode hours = node.fields().get("operatingHours");
        final YamlNode sla = node.fields().get("sla");
        final YamlNode overflow = node.fields().get("overflow");
        if (hours == null && sla == null && overflow == null)
        {
            return;
        }
        final QueuePolicy policy = new QueuePolicy();
        if (hours != null)
        {
            policy.operatingHours(calendar(hours, path + ".operatingHours"));
        }
        if (sla != null)
        {
            if (sla.kind() == YamlNode.Kind.MAP)
            {
                if (slaNodes.containsKey(queue))
                {
                    throw yaml.error(sla, path + ".sla", "an SLA named '" + queue + "' is already defined under sla");
                }
                slaNodes.put(queue, sla);
                addSla(builder, queue, sla(sla, path + ".sla", false), sla, path + ".sla");
                policy.sla(queue);
            }
            else
            {
                final String name = yaml.string(sla, path + ".sla");
                yaml.checkReference(sla, path + ".sla", "SLA", name, slaNodes.keySet());
                policy.sla(name);
            }
        }
        if (overflow != null)
        {
            final List<YamlNode> nodes = new ArrayList<>();
            final List<YamlNode> rules = overflow.kind() == YamlNode.Kind.LIST ? overflow.items() : List.of(overflow);
            for (int i = 0; i < rules.size(); i++)
            {
                final String rpath = path + ".overflow" + (overflow.kind() == YamlNode.Kind.LIST ? "[" + i + "]" : "");
                for (final OverflowRule rule : overflowRules(rules.get(i), rpath, queue, queueNames))
                {
                    policy.overflow(rule);
                    nodes.add(rules.get(i));
                }
            }
            ruleNodes.put(queue, nodes);
        }
        try
        {
            builder.queue(queue, policy);
        }
        catch (final PolicySetupException ex)
        {
            throw located(ex);
        }
    }

    private List<OverflowRule> overflowRules(final YamlNode node, final String path, final String queue,
        final Set<String> queueNames)
    {
        final YamlNode rule = yaml.mapping(node, path);
        yaml.checkKeys(rule, path, RULE_KEYS);
        final List<String> actions = rule.fields().keySet().stream().filter(ACTIONS::contains).toList();
        if (actions.size() != 1)
        {
            throw yaml.error(rule, path, "an overflow rule needs exactly one action (to, raisePriority, end, "
                + "callback or voicemail), found " + (actions.isEmpty() ? "none" : String.join(", ", actions)));
        }
        final String action = actions.get(0);
        final YamlNode argument = rule.fields().get(action);
        final String apath = path + "." + action;
        final List<OverflowRule> result = new ArrayList<>();
        for (final Map.Entry<String, YamlNode> entry : rule.fields().entrySet())
        {
            if (CONDITIONS.contains(entry.getKey()))
            {
                result.add(act(condition(entry.getKey(), entry.getValue(), path + "." + entry.getKey()), action,
                    argument, apath, queue, queueNames));
            }
        }
        if (result.isEmpty())
        {
            throw yaml.error(rule, path, "an overflow rule needs a condition: whenWaiting, whenNoAgents, "
                + "whenEstimatedWait, whenClosed or afterWait");
        }
        return result;
    }

    private OverflowRule.Condition condition(final String key, final YamlNode value, final String path)
    {
        switch (key)
        {
            case "whenWaiting":
            {
                return OverflowRule.whenWaitingAtLeast(yaml.intValue(value, path, 0, 100_000_000));
            }
            case "whenNoAgents":
                requireTrue(value, path);
                return OverflowRule.whenNoAgentLoggedIn();
            case "whenEstimatedWait":
                return OverflowRule.whenEstimatedWaitAtLeast(yaml.duration(value, path, false));
            case "whenClosed":
                requireTrue(value, path);
                return OverflowRule.whenOutsideOperatingHours();
            default:
                return OverflowRule.afterWaiting(yaml.duration(value, path, true));
        }
    }

    private OverflowRule act(final OverflowRule.Condition condition, final String action, final YamlNode argument,
        final String path, final String queue, final Set<String> queueNames)
    {
        switch (action)
        {
            case "to":
            {
                final String target = yaml.string(argument, path);
                yaml.checkReference(argument, path, "queue", target, queueNames);
                if (target.equals(queue))
                {
                    throw yaml.error(argument, path, "a queue cannot overflow to itself");
                }
                return condition.transferTo(target);
            }
            case "raisePriority":
                return condition.raisePriorityTo(priority(argument, path));
            case "end":
                return condition.endWith(yaml.string(argument, path));
            case "callback":
                requireTrue(argument, path);
                return condition.requestCallback();
            default:
                requireTrue(argument, path);
                return condition.requestVoicemail();
        }
    }

    private SlaSpec sla(final YamlNode node, final String path, final boolean topLevel)
    {
        final YamlNode map = yaml.mapping(node, path);
        yaml.checkKeys(map, path, SLA_KEYS);
        final SlaSpec spec = new SlaSpec();
        final YamlNode when = map.fields().get("when");
        if (when != null)
        {
            if (!topLevel)
            {
                throw yaml.error(when, path + ".when", "a condition is only allowed on SLAs defined under sla "
                    + "(this one applies to its queue)");
            }
            spec.appliesWhen(yaml.string(when, path + ".when"));
        }
        final boolean flat = map.fields().containsKey("warning") || map.fields().containsKey("failure");
        if (flat && map.fields().containsKey("firstResponse"))
        {
            throw yaml.error(map, path, "give warning and failure either directly (first response) or under "
                + "firstResponse, not both");
        }
        if (flat)
        {
            kpi(spec, map, path, true);
        }
        if (map.fields().containsKey("firstResponse"))
        {
            final YamlNode kpi = yaml.mapping(map.fields().get("firstResponse"), path + ".firstResponse");
            yaml.checkKeys(kpi, path + ".firstResponse", KPI_KEYS);
            kpi(spec, kpi, path + ".firstResponse", true);
        }
        if (map.fields().containsKey("resolution"))
        {
            final YamlNode kpi = yaml.mapping(map.fields().get("resolution"), path + ".resolution");
            yaml.checkKeys(kpi, path + ".resolution", KPI_KEYS);
            kpi(spec, kpi, path + ".resolution", false);
        }
        if (!flat && !map.fields().containsKey("firstResponse") && !map.fields().containsKey("resolution"))
        {
            throw yaml.error(map, path, "an SLA needs warning and failure times (directly, or under "
                + "firstResponse or resolution)");
        }
        if (map.fields().containsKey("calendar"))
        {
            spec.calendar(calendar(map.fields().get("calendar"), path + ".calendar"));
        }
        if (map.fields().containsKey("raiseOnFailure"))
        {
            spec.raiseOnFailure(priority(map.fields().get("raiseOnFailure"), path + ".raiseOnFailure"));
        }
        spec.curve(yaml.optBoolean(map, path, "curve", false));
        spec.curveSteps(yaml.optInt(map, path, "curveSteps", SlaSpec.DEFAULT_CURVE_STEPS, 2, 100));
        return spec;
    }

    private void kpi(final SlaSpec spec, final YamlNode map, final String path, final boolean firstResponse)
    {
        final long warning = yaml.duration(yaml.required(map, path, "warning"), path + ".warning", true);
        final long failure = yaml.duration(yaml.required(map, path, "failure"), path + ".failure", true);
        if (failure < warning)
        {
            throw yaml.error(map.fields().get("failure"), path + ".failure", "the failure time must not be before "
                + "the warning time");
        }
        if (firstResponse)
        {
            spec.firstResponse(warning, failure);
        }
        else
        {
            spec.resolution(warning, failure);
        }
    }

    private void addSla(final ServicePolicies.Builder builder, final String name, final SlaSpec spec,
        final YamlNode node, final String path)
    {
        try
        {
            builder.sla(name, spec);
        }
        catch (final PolicySetupException ex)
        {
            throw yaml.error(node, path, ex.problem());
        }
    }

    private BusinessCalendar calendar(final YamlNode node, final String path)
    {
        final String text = yaml.string(node, path);
        try
        {
            return CalendarSpec.parse(text).compile();
        }
        catch (final CalendarSyntaxException ex)
        {
            throw new ScenarioException(file, lineOf(node, ex.line()), path, (text.contains("\n") ? "calendar line "
                + ex.line() + ", " : "") + "column " + ex.column() + ": " + ex.problem());
        }
        catch (final IllegalArgumentException ex)
        {
            throw yaml.error(node, path, "bad calendar: " + ex.getMessage());
        }
    }

    private int priority(final YamlNode node, final String path)
    {
        final String text = yaml.string(node, path).strip();
        final Integer level = LEVELS.get(text);
        if (level != null)
        {
            return level;
        }
        return yaml.intValue(node, path, 0, ServicePolicies.MAX_PRIORITY);
    }

    private void requireTrue(final YamlNode node, final String path)
    {
        if (node.kind() != YamlNode.Kind.SCALAR || !"true".equals(node.text()))
        {
            throw yaml.error(node, path, "expected true, found " + node.describe()
                + " (leave the field out instead of false)");
        }
    }

    /** Maps a policy error found when the policies were built back to the YAML that caused it. */
    private ScenarioException located(final PolicySetupException ex)
    {
        if (ex.sla() != null && slaNodes.containsKey(ex.sla()))
        {
            final YamlNode sla = slaNodes.get(ex.sla());
            final YamlNode when = sla.fields().get("when");
            if (ex.line() > 0 && when != null)
            {
                return new ScenarioException(file, lineOf(when, ex.line()), "sla." + ex.sla() + ".when",
                    "condition line " + ex.line() + ", column " + ex.column() + ": " + ex.problem());
            }
            return yaml.error(sla, "sla." + ex.sla(), ex.problem());
        }
        if (ex.queue() != null && ruleNodes.containsKey(ex.queue()) && ex.rule() >= 0)
        {
            final YamlNode rule = ruleNodes.get(ex.queue()).get(ex.rule());
            return yaml.error(rule, "queues." + ex.queue() + ".overflow", ex.problem());
        }
        return new ScenarioException(file, 0, ex.queue() == null ? null : "queues." + ex.queue(), ex.problem());
    }

    /**
     * @param textLine 1-based line inside a scalar's text.
     * @return the scenario line it is on: block scalars ({@code |}, {@code >}) start on the line after their key.
     */
    private int lineOf(final YamlNode node, final int textLine)
    {
        final int line = node.line();
        final boolean block = line >= 1 && line <= lines.length && BLOCK_SCALAR.matcher(lines[line - 1]).matches();
        return line + textLine - (block ? 0 : 1);
    }

    private Path resolve(final String name)
    {
        final Path path = Path.of(name);
        if (path.isAbsolute())
        {
            return path;
        }
        final Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent == null ? path : parent.resolve(path);
    }
}
