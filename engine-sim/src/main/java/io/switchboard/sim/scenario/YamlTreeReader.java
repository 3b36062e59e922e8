package io.switchboard.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;

/**
 * Reads YAML text into a tree of {@link YamlNode}s that remember their line numbers, using Jackson's streaming YAML
 * parser. Syntax errors and duplicate keys become {@link ScenarioException}s naming file and line.
 * Stateless apart from the factory; not thread safe (one loader thread).
 */
final class YamlTreeReader
{
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeReader()
    {
    }

    /**
     * @param file name used in messages.
     * @param text the YAML text.
     * @return the root node, or null when the document holds nothing.
     */
    static YamlNode read(final String file, final String text)
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                return null;
            }
            return readValue(file, parser, first, "");
        }
        catch (final JsonProcessingException ex)
        {
            final JsonLocation location = ex.getLocation();
            final int line = location == null ? 0 : Math.max(1, location.getLineNr());
            throw new ScenarioException(file, line, null, "YAML syntax error: " + firstLine(ex.getOriginalMessage()));
        }
        catch (final IOException ex)
        {
            throw new ScenarioException(file, 0, null, "cannot read: " + ex.getMessage());
        }
    }

    private static YamlNode readValue(final String file, final JsonParser parser, final JsonToken token, final String path)
        throws IOException
    {
        final int line = line(parser);
        switch (token)
        {
            case START_OBJECT:
            {
                final YamlNode map = YamlNode.map(line);
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME)
                {
                    final String key = parser.currentName();
                    final int keyLine = line(parser);
                    final String childPath = path.isEmpty() ? key : path + "." + key;
                    final YamlNode value = readValue(file, parser, parser.nextToken(), childPath);
                    if (!map.put(key, keyLine, value))
                    {
                        throw new ScenarioException(file, keyLine, childPath, "duplicate key");
                    }
                }
                return map;
            }
            case START_ARRAY:
            {
                final YamlNode list = YamlNode.list(line);
                JsonToken next;
                int index = 0;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY)
                {
                    list.add(readValue(file, parser, next, path + "[" + index + "]"));
                    index++;
                }
                return list;
            }
            case VALUE_NULL:
                return YamlNode.scalar(line, null, false);
            case VALUE_STRING:
                return YamlNode.scalar(line, parser.getText(), true);
            default:
                return YamlNode.scalar(line, parser.getText(), false);
        }
    }

    private static int line(final JsonParser parser)
    {
        final JsonLocation location = parser.currentTokenLocation();
        return location == null ? 0 : location.getLineNr();
    }

    private static String firstLine(final String message)
    {
        if (message == null)
        {
            return "malformed YAML";
        }
        final String trimmed = message.strip();
        final int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
