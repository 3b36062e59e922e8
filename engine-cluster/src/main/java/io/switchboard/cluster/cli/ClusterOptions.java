package io.switchboard.cluster.cli;

import io.switchboard.cluster.node.ClusterLayout;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the cluster is: {@code --nodes N --port-base P} for a loopback cluster, {@code --hosts a,b,c} for members on
 * several machines, or {@code --config FILE} (a properties file with {@code hosts} and {@code port-base}, and for
 * {@code node} also {@code dir} and {@code scenario}) that the options override. Plain option holder; main thread.
 */
final class ClusterOptions
{
    @Option(names = "--nodes", paramLabel = "N", description = "members of a loopback cluster (default 3)")
    Integer nodes;

    @Option(names = "--port-base", paramLabel = "P", description = "first port; member n uses P+10n+1 .. P+10n+8")
    Integer portBase;

    @Option(names = "--hosts", paramLabel = "H0,H1,..", split = ",",
        description = "members' hosts, by id (instead of --nodes on loopback)")
    List<String> hosts;

    @Option(names = "--config", paramLabel = "FILE", description = "a properties file: hosts, port-base, dir, scenario")
    Path config;

    private Properties properties;

    /** @return the layout, or a ParameterException naming what is missing or wrong. */
    ClusterLayout layout(final CommandLine.Model.CommandSpec spec)
    {
        final Properties file = properties(spec);
        final List<String> members = hosts != null ? hosts : file.containsKey("hosts")
            ? Arrays.stream(file.getProperty("hosts").split(",")).map(String::strip).toList() : null;
        final Integer base = portBase != null ? portBase : file.containsKey("port-base")
            ? parse(spec, "port-base", file.getProperty("port-base")) : null;
        if (base == null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port-base is required (or port-base in " +
                "--config)");
        }
        try
        {
            if (members != null)
            {
                if (nodes != null && nodes != members.size())
                {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--nodes " + nodes + " but " +
                        members.size() + " hosts");
                }
                return new ClusterLayout(members, base);
            }
            return ClusterLayout.loopback(nodes == null ? 3 : nodes, base);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    /** @return a value of the config file, or null. */
    String fromConfig(final CommandLine.Model.CommandSpec spec, final String key)
    {
        return properties(spec).getProperty(key);
    }

    private Properties properties(final CommandLine.Model.CommandSpec spec)
    {
        if (properties == null)
        {
            properties = new Properties();
            if (config != null)
            {
                try (Reader in = Files.newBufferedReader(config))
                {
                    properties.load(in);
                }
                catch (final IOException | IllegalArgumentException ex)
                {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--config " + config +
                        ": cannot read it (" + ex.getMessage() + ")");
                }
            }
        }
        return properties;
    }

    private static int parse(final CommandLine.Model.CommandSpec spec, final String key, final String value)
    {
        try
        {
            return Integer.parseInt(value.strip());
        }
        catch (final NumberFormatException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), key + ": not a port number: '" + value + "'");
        }
    }
}
