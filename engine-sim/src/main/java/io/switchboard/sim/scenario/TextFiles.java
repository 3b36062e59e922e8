package io.switchboard.sim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files users give the simulator (scenarios, policy files, CSV traffic) strictly: UTF-8 only, a
 * leading byte-order mark dropped (Excel's "CSV UTF-8" and some editors write one), and a file that is not text — an
 * invalid UTF-8 sequence, a NUL byte, a directory, a file too large to read — is a {@link ScenarioException} naming
 * the file, the line and the column of the first bad byte. Stateless; safe on any thread.
 */
public final class TextFiles
{
    /** The largest file read (the text is held in memory whole). */
    public static final long MAX_BYTES = 1L << 30;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFiles()
    {
    }

    /**
     * @param file the file.
     * @param name the file's name as the user gave it, for messages.
     * @return its text, without a leading byte-order mark.
     * @throws ScenarioException when the file cannot be read or is not UTF-8 text.
     */
    public static String readUtf8(final Path file, final String name)
    {
        final byte[] bytes;
        try
        {
            if (Files.isDirectory(file))
            {
                throw new ScenarioException(name, 0, null, "cannot read file: it is a directory");
            }
            final long size = Files.size(file);
            if (size > MAX_BYTES)
            {
                throw new ScenarioException(name, 0, null, String.format(Locale.ROOT,
                    "cannot read file: %,d bytes, more than the %,d this reads", size, MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ScenarioException(name, 0, null, "cannot read file: no such file");
        }
        catch (final AccessDeniedException ex)
        {
            throw new ScenarioException(name, 0, null, "cannot read file: permission denied");
        }
        catch (final IOException ex)
        {
            throw new ScenarioException(name, 0, null, "cannot read file: " + ex.getMessage());
        }
        return decode(bytes, name);
    }

    /**
     * @param bytes the file's bytes.
     * @param name  the file's name, for messages.
     * @return the text, without a leading byte-order mark.
     * @throws ScenarioException at the first invalid UTF-8 sequence or NUL byte, with its line and column.
     */
    public static String decode(final byte[] bytes, final String name)
    {
        for (int i = 0; i < bytes.length; i++)
        {
            if (bytes[i] == 0)
            {
                throw notText(bytes, i, name, "a NUL byte: this is a binary file, not text");
            }
        }
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length);
        final CoderResult result = decoder.decode(in, out, true);
        if (result.isError())
        {
            throw notText(bytes, in.position(), name, String.format(Locale.ROOT,
                "byte 0x%02X is not valid UTF-8 (save the file as UTF-8)", bytes[in.position()] & 0xFF));
        }
        try
        {
            final CoderResult flushed = decoder.flush(out);
            if (flushed.isError())
            {
                flushed.throwException();
            }
        }
        catch (final CharacterCodingException ex)
        {
            throw notText(bytes, bytes.length, name, "the file ends inside a UTF-8 sequence");
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK)
        {
            out.position(1);
        }
        return out.toString();
    }

    private static ScenarioException notText(final byte[] bytes, final int at, final String name,
        final String problem)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < bytes.length; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new ScenarioException(name, line, null, String.format(Locale.ROOT,
            "byte %d of the line (%,d of the file): %s", at - lineStart + 1, at, problem));
    }
}
