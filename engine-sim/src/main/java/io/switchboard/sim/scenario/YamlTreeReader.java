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
    /** Deepest nesting of mappings and lists read: a scenario needs about six; a hostile file gets a message. */
    static final int MAX_DEPTH = 64;

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
        return read(file, text, 0);
    }

    /**
     * Reads a value given outside any file (a {@code --set} option's value); every node gets the same line.
     *
     * @param origin    name used in messages, e.g. the option.
     * @param text      the YAML text.
     * @param fixedLine the line every node reports.
     * @return the value, or null when the text holds nothing.
     */
    static YamlNode readFixedLine(final String origin, final String text, final int fixedLine)
    {
        return read(origin, text, fixedLine);
    }

    private static YamlNode read(final String file, final String text, final int fixedLine)
    {
        JsonParser parser = null;
        try
        {
            parser = FACTORY.createParser(text);
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                return null;
            }
            return readValue(file, parser, first, "", 0, fixedLine);
        }
        catch (final JsonProcessingException ex)
        {
            // some of Jackson's errors (its own limits) carry no location: the parser still knows where it is
            final JsonLocation location = ex.getLocation() != null ? ex.getLocation()
                : parser == null ? null : parser.currentLocation();
            final int line = location == null || fixedLine != 0 ? 0 : Math.max(1, location.getLineNr());
            throw new ScenarioException(file, line, null, "YAML syntax error: " + firstLine(ex.getOriginalMessage()));
        }
        catch (final IOException ex)
        {
            throw new ScenarioException(file, 0, null, "cannot read: " + ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            // the YAML library's own failures on hostile text (e.g. its limits): still one message with a line
            if (ex instanceof ScenarioException)
            {
                throw ex;
            }
            final int line = parser == null || fixedLine != 0 ? 0 : Math.max(1, parser.currentLocation().getLineNr());
            throw new ScenarioException(file, line, null, "YAML syntax error: " + firstLine(ex.getMessage()));
        }
        finally
        {
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(final JsonParser parser)
    {
        if (parser != null)
        {
            try
            {
                parser.close();
            }
            catch (final IOException ignored)
            {
                // reading is over; nothing to release that matters
            }
        }
    }

    private static YamlNode readValue(final String file, final JsonParser parser, final JsonToken token,
        final String path, final int depth, final int fixedLine) throws IOException
    {
        final int line = fixedLine != 0 ? fixedLine : line(parser);
        if (depth > MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY))
        {
            final String field = path.length() <= 60 ? path : path.substring(0, 48) + "...";
            throw new ScenarioException(file, line, path.isEmpty() ? null : field, "nested deeper than " + MAX_DEPTH
                + " levels");
        }
        switch (token)
        {
            case START_OBJECT:
            {
                final YamlNode map = YamlNode.map(line);
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME)
                {
                    final String key = parser.currentName();
                    final int keyLine = fixedLine != 0 ? fixedLine : line(parser);
                    final String childPath = path.isEmpty() ? key : path + "." + key;
                    final YamlNode value = readValue(file, parser, parser.nextToken(), childPath, depth + 1,
                        fixedLine);
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
                    list.add(readValue(file, parser, next, path + "[" + index + "]", depth + 1, fixedLine));
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
