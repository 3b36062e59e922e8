package io.switchboard.sim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on: a mapping, a sequence or a scalar. Built by {@link YamlTreeReader} and
 * changed only by {@link ScenarioOverrides} before validation; not thread safe (one loader thread).
 */
final class YamlNode
{
    enum Kind
    {
        MAP, LIST, SCALAR
    }

    private final Kind kind;
    private final int line;
    private final String text;
    private final boolean quoted;
    private final Map<String, YamlNode> fields;
    private final Map<String, Integer> keyLines;
    private final List<YamlNode> items;

    private YamlNode(final Kind kind, final int line, final String text, final boolean quoted)
    {
        this.kind = kind;
        this.line = line;
        this.text = text;
        this.quoted = quoted;
        this.fields = kind == Kind.MAP ? new LinkedHashMap<>() : Collections.emptyMap();
        this.keyLines = kind == Kind.MAP ? new LinkedHashMap<>() : Collections.emptyMap();
        this.items = kind == Kind.LIST ? new ArrayList<>() : Collections.emptyList();
    }

    static YamlNode map(final int line)
    {
        return new YamlNode(Kind.MAP, line, null, false);
    }

    static YamlNode list(final int line)
    {
        return new YamlNode(Kind.LIST, line, null, false);
    }

    /**
     * @param text   scalar text, null for a YAML null.
     * @param quoted true when the token was a string (as opposed to a number, boolean or null).
     */
    static YamlNode scalar(final int line, final String text, final boolean quoted)
    {
        return new YamlNode(Kind.SCALAR, line, text, quoted);
    }

    Kind kind()
    {
        return kind;
    }

    int line()
    {
        return line;
    }

    String text()
    {
        return text;
    }

    boolean isString()
    {
        return quoted;
    }

    /** @return true for a YAML null: {@code ~}, {@code null}, or nothing after the key's colon. */
    boolean isNull()
    {
        return kind == Kind.SCALAR && text == null;
    }

    Map<String, YamlNode> fields()
    {
        return fields;
    }

    int keyLine(final String key)
    {
        final Integer keyLine = keyLines.get(key);
        return keyLine == null ? line : keyLine;
    }

    List<YamlNode> items()
    {
        return items;
    }

    /** @return false when the key was already present (the caller reports the duplicate). */
    boolean put(final String key, final int keyLine, final YamlNode value)
    {
        if (fields.containsKey(key))
        {
            return false;
        }
        fields.put(key, value);
        keyLines.put(key, keyLine);
        return true;
    }

    void add(final YamlNode value)
    {
        items.add(value);
    }

    /** Sets field {@code key} (replacing it, or adding it last), for a {@code --set} override. */
    void replace(final String key, final YamlNode value)
    {
        if (!keyLines.containsKey(key))
        {
            keyLines.put(key, value.line());
        }
        fields.put(key, value);
    }

    /** Replaces list entry {@code index}, for a {@code --set} override. */
    void replaceItem(final int index, final YamlNode value)
    {
        items.set(index, value);
    }

    String describe()
    {
        switch (kind)
        {
            case MAP:
                return "a mapping";
            case LIST:
                return "a list";
            default:
                return text == null ? "an empty value" : "'" + text + "'";
        }
    }
}
