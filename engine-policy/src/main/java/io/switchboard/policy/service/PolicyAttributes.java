package io.switchboard.policy.service;

import io.switchboard.policy.rules.ItemAttributes;
import io.switchboard.policy.rules.NameList;
import io.switchboard.policy.rules.RuleSet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The attributes of one work item as read by every rule set of a {@link ServicePolicies}: the classification rules
 * and the SLA conditions. It is a thin fan-out over one {@link ItemAttributes} per rule set, so that the host sets
 * each attribute once. Ids come from {@link #id(String)}; look them up once at setup. Setting an attribute no rule
 * reads (id -1, or an unknown name) is ignored, so a host may set all its fields unconditionally.
 *
 * <p>Texts are held by reference until the next {@link #clear()}. Setting by id or by name allocates nothing.
 *
 * <p>Not thread safe: one instance per classifying thread, created by {@link ServicePolicies#newAttributes()}.
 */
public final class PolicyAttributes
{
    private final ItemAttributes routing;
    private final ItemAttributes sla;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] routingIds;
    private final int[] slaIds;

    PolicyAttributes(final RuleSet routingRules, final RuleSet slaRules)
    {
        routing = routingRules == null ? null : routingRules.newAttributes();
        sla = slaRules == null ? null : slaRules.newAttributes();
        final NameList routingNames = routingRules == null ? null : routingRules.attributes();
        final NameList slaNames = slaRules == null ? null : slaRules.attributes();
        final int capacity = (routingNames == null ? 0 : routingNames.size()) + (slaNames == null ? 0 : slaNames.size());
        final int[] routingOf = new int[capacity];
        final int[] slaOf = new int[capacity];
        Arrays.fill(routingOf, NameList.UNKNOWN);
        Arrays.fill(slaOf, NameList.UNKNOWN);
        if (routingNames != null)
        {
            for (int i = 0; i < routingNames.size(); i++)
            {
                routingOf[idFor(routingNames.name(i))] = i;
            }
        }
        if (slaNames != null)
        {
            for (int i = 0; i < slaNames.size(); i++)
            {
                slaOf[idFor(slaNames.name(i))] = i;
            }
        }
        routingIds = Arrays.copyOf(routingOf, ids.size());
        slaIds = Arrays.copyOf(slaOf, ids.size());
    }

    private int idFor(final String name)
    {
        return ids.computeIfAbsent(name, n -> ids.size());
    }

    /**
     * @param name an attribute name.
     * @return its id, or -1 when no rule reads it.
     */
    public int id(final String name)
    {
        final Integer id = ids.get(name);
        return id == null ? NameList.UNKNOWN : id;
    }

    /**
     * @return how many distinct attributes the rules read.
     */
    public int size()
    {
        return routingIds.length;
    }

    /**
     * Makes every attribute absent and drops the references to previous texts.
     *
     * @return this.
     */
    public PolicyAttributes clear()
    {
        if (routing != null)
        {
            routing.clear();
        }
        if (sla != null)
        {
            sla.clear();
        }
        return this;
    }

    /**
     * @param attribute an id from {@link #id(String)}; -1 is ignored.
     * @param value     the text, or null to make it absent.
     * @return this.
     */
    public PolicyAttributes set(final int attribute, final CharSequence value)
    {
        if (attribute >= 0)
        {
            if (routing != null)
            {
                routing.set(routingIds[attribute], value);
            }
            if (sla != null)
            {
                sla.set(slaIds[attribute], value);
            }
        }
        return this;
    }

    /**
     * @param attribute an id from {@link #id(String)}; -1 is ignored.
     * @param value     the number.
     * @return this.
     */
    public PolicyAttributes set(final int attribute, final long value)
    {
        if (attribute >= 0)
        {
            if (routing != null)
            {
                routing.set(routingIds[attribute], value);
            }
            if (sla != null)
            {
                sla.set(slaIds[attribute], value);
            }
        }
        return this;
    }

    /**
     * @param name  an attribute name; names no rule reads are ignored.
     * @param value the text, or null.
     * @return this.
     */
    public PolicyAttributes set(final String name, final CharSequence value)
    {
        return set(id(name), value);
    }

    /**
     * @param name  an attribute name; names no rule reads are ignored.
     * @param value the number.
     * @return this.
     */
    public PolicyAttributes set(final String name, final long value)
    {
        return set(id(name), value);
    }

    ItemAttributes routing()
    {
        return routing;
    }

    ItemAttributes sla()
    {
        return sla;
    }
}
