package io.switchboard.policy.service;

import io.switchboard.policy.spec.ServicePolicies;
import io.switchboard.model.AttributeList;
import io.switchboard.model.Utf8;
import io.switchboard.policy.rules.ItemAttributes;
import io.switchboard.policy.rules.NameList;
import io.switchboard.policy.rules.RuleSet;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Binds the attributes of a classification command ({@link AttributeList}, names and values as UTF-8 bytes) to
 * what the installed rule sets read — the classification rules and the SLA conditions — without allocating: names
 * are found in a table keyed by their UTF-8 bytes, texts are decoded into one reusable character buffer per
 * attribute. Names no rule reads are ignored.
 *
 * <p>Not thread safe: the engine thread; one instance per installed {@link ServicePolicies}.
 */
final class PolicyAttributes implements AttributeList.Visitor
{
    private final ItemAttributes routing;
    private final ItemAttributes sla;
    private final byte[][] names;
    private final int[] routingIds;
    private final int[] slaIds;
    private final int[] table;
    private final int mask;
    private final Text[] texts;

    PolicyAttributes(final RuleSet routingRules, final RuleSet slaRules)
    {
        routing = routingRules == null ? null : routingRules.newAttributes();
        sla = slaRules == null ? null : slaRules.newAttributes();
        final NameList routingNames = routingRules == null ? null : routingRules.attributes();
        final NameList slaNames = slaRules == null ? null : slaRules.attributes();
        final int capacity = (routingNames == null ? 0 : routingNames.size()) +
            (slaNames == null ? 0 : slaNames.size());
        final byte[][] found = new byte[capacity][];
        final int[] routingOf = new int[capacity];
        final int[] slaOf = new int[capacity];
        Arrays.fill(routingOf, NameList.UNKNOWN);
        Arrays.fill(slaOf, NameList.UNKNOWN);
        int count = 0;
        for (int i = 0; routingNames != null && i < routingNames.size(); i++)
        {
            found[count] = routingNames.name(i).getBytes(StandardCharsets.UTF_8);
            routingOf[count++] = i;
        }
        for (int i = 0; slaNames != null && i < slaNames.size(); i++)
        {
            final byte[] name = slaNames.name(i).getBytes(StandardCharsets.UTF_8);
            int id = 0;
            while (id < count && !Arrays.equals(found[id], name))
            {
                id++;
            }
            if (id == count)
            {
                found[count++] = name;
            }
            slaOf[id] = i;
        }
        names = Arrays.copyOf(found, count);
        routingIds = Arrays.copyOf(routingOf, count);
        slaIds = Arrays.copyOf(slaOf, count);
        final int size = Integer.highestOneBit(Math.max(4, count * 4) - 1) << 1;
        table = new int[size];
        mask = size - 1;
        Arrays.fill(table, -1);
        for (int id = 0; id < count; id++)
        {
            int at = hash(names[id], 0, names[id].length) & mask;
            while (table[at] != -1)
            {
                at = (at + 1) & mask;
            }
            table[at] = id;
        }
        texts = new Text[count];
        for (int id = 0; id < count; id++)
        {
            texts[id] = new Text();
        }
    }

    /** Makes every attribute absent, then sets those of {@code attributes} that a rule reads. */
    void bind(final AttributeList attributes)
    {
        if (routing != null)
        {
            routing.clear();
        }
        if (sla != null)
        {
            sla.clear();
        }
        attributes.forEach(this);
    }

    ItemAttributes routing()
    {
        return routing;
    }

    ItemAttributes sla()
    {
        return sla;
    }

    @Override
    public void onText(final DirectBuffer buffer, final int nameOffset, final int nameLength, final int valueOffset,
        final int valueLength)
    {
        final int id = idOf(buffer, nameOffset, nameLength);
        if (id >= 0)
        {
            final Text text = texts[id];
            text.length = Utf8.decode(buffer, valueOffset, valueLength, text.chars);
            if (routing != null)
            {
                routing.set(routingIds[id], text);
            }
            if (sla != null)
            {
                sla.set(slaIds[id], text);
            }
        }
    }

    @Override
    public void onNumber(final DirectBuffer buffer, final int nameOffset, final int nameLength, final long value)
    {
        final int id = idOf(buffer, nameOffset, nameLength);
        if (id >= 0)
        {
            if (routing != null)
            {
                routing.set(routingIds[id], value);
            }
            if (sla != null)
            {
                sla.set(slaIds[id], value);
            }
        }
    }

    private int idOf(final DirectBuffer buffer, final int offset, final int length)
    {
        int at = hash(buffer, offset, length) & mask;
        while (table[at] != -1)
        {
            final byte[] name = names[table[at]];
            if (name.length == length && sameBytes(name, buffer, offset))
            {
                return table[at];
            }
            at = (at + 1) & mask;
        }
        return -1;
    }

    private static boolean sameBytes(final byte[] name, final DirectBuffer buffer, final int offset)
    {
        for (int i = 0; i < name.length; i++)
        {
            if (name[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final DirectBuffer buffer, final int offset, final int length)
    {
        int hash = 0x811C9DC5;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ (buffer.getByte(offset + i) & 0xFF)) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }

    private static int hash(final byte[] bytes, final int offset, final int length)
    {
        int hash = 0x811C9DC5;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ (bytes[offset + i] & 0xFF)) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }

    /** A reusable text value: chars decoded from the command's UTF-8 bytes. */
    private static final class Text implements CharSequence
    {
        final char[] chars = new char[AttributeList.MAX_TEXT_BYTES];
        int length;

        @Override
        public int length()
        {
            return length;
        }

        @Override
        public char charAt(final int index)
        {
            if (index >= length)
            {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        @Override
        public CharSequence subSequence(final int start, final int end)
        {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString()
        {
            return new String(chars, 0, length);
        }
    }
}
