package io.switchboard.policy.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of one kind (attributes, queues, profiles, skills, end reasons or rules) that a rule set uses, interned
 * to dense int ids {@code 0..size()-1} in order of first appearance in the rule text. A host maps each id to its own
 * handle once at setup (e.g. a queue id to the engine's queue handle) and then works with ints only.
 *
 * <p>Immutable, thread safe. Lookups by id and by name allocate nothing.
 */
public final class NameList
{
    /** Returned by {@link #id(String)} for a name the rule set does not use. */
    public static final int UNKNOWN = -1;

    private final String[] names;
    private final Map<String, Integer> ids;

    private NameList(final String[] names, final Map<String, Integer> ids)
    {
        this.names = names;
        this.ids = ids;
    }

    /**
     * @return how many names there are.
     */
    public int size()
    {
        return names.length;
    }

    /**
     * @param id an id in {@code 0..size()-1}.
     * @return its name.
     */
    public String name(final int id)
    {
        return names[id];
    }

    /**
     * @param name a name.
     * @return its id, or {@link #UNKNOWN}.
     */
    public int id(final String name)
    {
        final Integer id = ids.get(name);
        return id == null ? UNKNOWN : id;
    }

    @Override
    public String toString()
    {
        return String.join(", ", names);
    }

    /**
     * Interns names while a rule set compiles. Not thread safe.
     */
    static final class Builder
    {
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();

        int intern(final String name)
        {
            final Integer existing = ids.get(name);
            if (existing != null)
            {
                return existing;
            }
            final int id = names.size();
            names.add(name);
            ids.put(name, id);
            return id;
        }

        NameList build()
        {
            return new NameList(names.toArray(new String[0]), new HashMap<>(ids));
        }
    }
}
