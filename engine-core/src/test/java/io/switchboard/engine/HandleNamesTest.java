package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Handles back to names, and names to handles, for every kind of definition. */
class HandleNamesTest
{
    private final RoutingEngine engine = new RoutingEngine(EngineConfig.sizedFor(8, 64).maxQueues(4).maxSkills(4)
        .maxChannels(4), new NoOpEngineEvents()
    {
    });
    private final int voice = engine.defineChannel("voice", 100);
    private final int chat = engine.defineChannel("chat", 25);
    private final int english = engine.defineSkill("english");
    private final int billing = engine.defineQueue("billing", new QueueSpec());
    private final int ana = engine.defineAgent("ana", new AgentSpec().queue(billing));
    private final int ben = engine.defineAgent("ben", new AgentSpec().skill(english, 4).queue(billing));

    @Test
    void everyHandleHasItsNameAndEveryNameItsHandle()
    {
        assertThat(engine.channelName(voice)).isEqualTo("voice");
        assertThat(engine.channelName(chat)).isEqualTo("chat");
        assertThat(engine.skillName(english)).isEqualTo("english");
        assertThat(engine.queueName(billing)).isEqualTo("billing");
        assertThat(engine.agentName(ana)).isEqualTo("ana");
        assertThat(engine.agentName(ben)).isEqualTo("ben");
        assertThat(engine.channelId("chat")).isEqualTo(chat);
        assertThat(engine.skillId("english")).isEqualTo(english);
        assertThat(engine.queueId("billing")).isEqualTo(billing);
        assertThat(engine.agentId("ben")).isEqualTo(ben);
        assertThat(engine.channelCount()).isEqualTo(2);
        assertThat(engine.skillCount()).isEqualTo(1);
        assertThat(engine.queueCount()).isEqualTo(1);
        assertThat(engine.agentCount()).isEqualTo(2);
    }

    @Test
    void unknownHandlesAndNamesAreNullAndMinusOne()
    {
        assertThat(engine.agentName(2)).as("not defined yet").isNull();
        assertThat(engine.agentName(-1)).isNull();
        assertThat(engine.agentName(8)).as("beyond the table").isNull();
        assertThat(engine.queueName(1)).isNull();
        assertThat(engine.skillName(4)).isNull();
        assertThat(engine.channelName(Integer.MIN_VALUE)).isNull();
        assertThat(engine.agentId("nobody")).isEqualTo(-1);
        assertThat(engine.queueId("")).isEqualTo(-1);
    }

    @Test
    void theNamesObjectIsTheSameDirectoryAndSeesLaterDefinitions()
    {
        final HandleNames names = engine.names();
        assertThat(names.queueName(1)).isNull();

        final int sales = engine.defineQueue("sales", new QueueSpec());

        assertThat(names.queueName(sales)).isEqualTo("sales");
        assertThat(names.agentName(ben)).isEqualTo("ben");
        assertThat(names.channelName(chat)).isEqualTo("chat");
        assertThat(names.skillName(english)).isEqualTo("english");
    }

    @Test
    void aRejectedDefinitionLeavesNoName()
    {
        assertThat(engine.defineAgent(0, "ana", new AgentSpec())).isEqualTo(Result.DUPLICATE_NAME);
        assertThat(engine.defineQueue(0, "q2", new QueueSpec().priority(0))).isEqualTo(Result.INVALID_VALUE);

        assertThat(engine.agentName(2)).isNull();
        assertThat(engine.queueName(1)).isNull();
    }

    @Test
    void aRestoredEngineHasTheNames() throws Exception
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        engine.writeSnapshot(new DataOutputStream(bytes));

        final RoutingEngine restored = RoutingEngine.readSnapshot(new DataInputStream(
            new ByteArrayInputStream(bytes.toByteArray())), new NoOpEngineEvents()
        {
        });

        assertThat(restored.names().agentName(ben)).isEqualTo("ben");
        assertThat(restored.names().channelName(chat)).isEqualTo("chat");
        assertThat(restored.names().skillName(english)).isEqualTo("english");
        assertThat(restored.queueName(billing)).isEqualTo("billing");
    }

    @Test
    void namingHandlesAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long lengths = lookUp(200_000); // warm-up: the JIT compiles the look-ups
        long allocated = -1;
        // a pass during which the JIT switches tiers may allocate a few bytes: up to three, the last must be clean
        for (int pass = 0; pass < 3 && allocated != 0; pass++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            lengths += lookUp(200_000);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }

        assertThat(lengths).isPositive();
        assertThat(allocated).isZero();
    }

    private long lookUp(final int times)
    {
        final HandleNames names = engine.names();
        long lengths = 0;
        for (int i = 0; i < times; i++)
        {
            lengths += names.agentName(i & 1).length() + names.channelName(i & 1).length() +
                engine.skillName(english).length() + engine.queueName(billing).length();
        }
        return lengths;
    }
}
