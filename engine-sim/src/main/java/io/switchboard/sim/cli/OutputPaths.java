package io.switchboard.sim.cli;

import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files and directories a command will write before it does any work, so that a typo in a report path
 * costs a one-line error at once instead of a simulation followed by a failure. Stateless; main thread.
 */
final class OutputPaths
{
    private OutputPaths()
    {
    }

    /**
     * @param spec   the command, for the error.
     * @param option the option that named the file, e.g. {@code --json}.
     * @param file   the file to be written (created or replaced); null: nothing to check.
     * @throws CommandLine.ParameterException when it cannot be written: its directory is missing or read-only, or
     *     the path is a directory or a read-only file.
     */
    static void checkFile(final CommandLine.Model.CommandSpec spec, final String option, final Path file)
    {
        if (file == null)
        {
            return;
        }
        if (Files.isDirectory(file))
        {
            throw bad(spec, option, file, "it is a directory");
        }
        if (Files.exists(file) && !Files.isWritable(file))
        {
            throw bad(spec, option, file, "the file is read-only");
        }
        checkParent(spec, option, file);
    }

    /**
     * @param dir a directory to be created (with its files) by the command; null: nothing to check.
     * @throws CommandLine.ParameterException when its parent directory is missing or read-only, or {@code dir} is a
     *     file.
     */
    static void checkNewDirectory(final CommandLine.Model.CommandSpec spec, final String option, final Path dir)
    {
        if (dir == null)
        {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw bad(spec, option, dir, "it is a file, not a directory");
        }
        if (!Files.exists(dir))
        {
            checkParent(spec, option, dir);
        }
        else if (!Files.isWritable(dir))
        {
            throw bad(spec, option, dir, "the directory is read-only");
        }
    }

    private static void checkParent(final CommandLine.Model.CommandSpec spec, final String option, final Path path)
    {
        final Path parent = path.toAbsolutePath().getParent();
        if (parent == null)
        {
            return;
        }
        if (!Files.isDirectory(parent))
        {
            throw bad(spec, option, path, "directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent))
        {
            throw bad(spec, option, path, "directory " + parent + " is read-only");
        }
    }

    private static CommandLine.ParameterException bad(final CommandLine.Model.CommandSpec spec, final String option,
        final Path path, final String problem)
    {
        return new CommandLine.ParameterException(spec.commandLine(), option + ": cannot write " + path + ": "
            + problem);
    }
}
