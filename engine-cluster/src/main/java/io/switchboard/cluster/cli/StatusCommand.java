package io.switchboard.cluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.cluster.node.ClusterLayout;
import io.switchboard.cluster.node.StatusProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code status --nodes 3 --port-base P [--json]}: asks every member's status port. With {@code --json}, a JSON array
 * with one object per member: {@code {"id", "reachable", "role", "applied", "stateHash", "commandsHash",
 * "setupVersion", "logPosition", "setupComplete"}} ({@code "reachable": false} and nothing else for a member that did
 * not answer). Exit 0 when every member answered, 1 otherwise. Main thread.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Ask every member for its role, applied commands and hashes.")
final class StatusCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "3000",
        description = "how long to wait for each member, ms (default ${DEFAULT-VALUE})")
    long timeoutMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        final ClusterLayout layout = cluster.layout(spec);
        final List<String> answers = StatusProbe.ask(layout, "STATUS", Duration.ofMillis(timeoutMs));
        final ArrayNode members = JSON.createArrayNode();
        boolean all = true;
        for (int id = 0; id < answers.size(); id++)
        {
            final String answer = answers.get(id);
            final ObjectNode member = JSON.createObjectNode();
            member.put("id", id);
            member.put("reachable", answer != null);
            if (answer != null)
            {
                final JsonNode fields = JSON.readTree(answer);
                for (final java.util.Map.Entry<String, JsonNode> field : fields.properties())
                {
                    if (!"id".equals(field.getKey()))
                    {
                        member.set(field.getKey(), field.getValue());
                    }
                }
            }
            all &= answer != null;
            members.add(member);
        }
        if (json)
        {
            System.out.println(JSON.writeValueAsString(members));
        }
        else
        {
            System.out.printf("%-4s %-10s %12s %-18s %-18s%n", "id", "role", "applied", "stateHash", "commandsHash");
            for (final JsonNode member : members)
            {
                System.out.printf("%-4d %-10s %12s %-18s %-18s%n", member.get("id").asInt(),
                    member.get("reachable").asBoolean() ? member.get("role").asText() : "unreachable",
                    member.path("applied").asText("-"), member.path("stateHash").asText("-"),
                    member.path("commandsHash").asText("-"));
            }
        }
        return all ? 0 : 1;
    }
}
