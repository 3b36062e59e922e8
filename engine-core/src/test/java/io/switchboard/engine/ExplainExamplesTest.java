package io.switchboard.engine;

import io.switchboard.model.AgentSpec;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.Presence;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Strategy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of ROUTING.md §8 are this center's explanations, word for word. */
class ExplainExamplesTest
{
    private final RoutingEngine engine = new RoutingEngine(EngineConfig.sizedFor(16, 64), new NoOpEngineEvents()
    {
    });
    private final RoutingExplanation why = new RoutingExplanation(64);

    @Test
    void theExamplesInRoutingMdAreWhatTheEngineExplains() throws IOException
    {
        final int chat = engine.defineChannel("chat", 25);
        final int english = engine.defineSkill("english");
        final int spanish = engine.defineSkill("spanish");
        final int vip = engine.defineQueue("vip", new QueueSpec().priority(1));
        final int support = engine.defineQueue("support", new QueueSpec().priority(2)
            .strategy(Strategy.LONGEST_IDLE));
        final int spanishChat = engine.defineRequirements(new RequirementSpec().require(spanish, 5));
        final int ana = engine.defineAgent("ana", new AgentSpec().limit(chat, 1).skill(english, 8).skill(spanish, 2)
            .queue(vip).queue(support));
        final int ben = engine.defineAgent("ben", new AgentSpec().skill(spanish, 7).queue(support));
        engine.defineAgent("chen", new AgentSpec().skill(spanish, 9).queue(support));
        final int dan = engine.defineAgent("dan", new AgentSpec().skill(spanish, 6).queue(support));
        final int eve = engine.defineAgent("eve", new AgentSpec().skill(english, 5).queue(support));
        final int fay = engine.defineAgent("fay", new AgentSpec().skill(english, 5).queue(support));

        engine.login(1_000, ana);
        engine.enqueue(2_000, 900L, chat, vip, 0, -1);                // ana takes a VIP chat
        engine.accept(2_500, 900L, engine.itemOfferId(900L));
        engine.login(3_000, ben);
        engine.setPresence(3_000, ben, Presence.AWAY);
        engine.login(4_000, dan);
        engine.enqueue(5_000, 1001L, chat, support, 0, spanishChat);  // offered to dan, who rejects it
        engine.login(6_000, eve);
        engine.login(7_000, fay);
        engine.reject(9_000, 1001L, engine.itemOfferId(1001L));
        engine.enqueue(12_000, 1002L, chat, support, 0, -1);          // eve has been idle longest

        engine.explain(1001L, why);
        final String waiting = why.describe(engine.names());
        engine.explain(1002L, fay, why);
        final String offered = why.describe(engine.names());

        assertThat(waiting).isEqualTo("""
            item 1001 WAITING in support (longest-idle), chat, step 0: 0 of 6 agents meet every rule
              ana: spanish 2, needs 5; chat limit 1 reached; its capacity is held by item 900, which ranks ahead
              ben: presence AWAY
              chen: logged out
              dan: rejected or let time out an offer of this item
              eve: lacks spanish (needs 5)
              fay: lacks spanish (needs 5)""");
        assertThat(offered).isEqualTo("""
            item 1002 OFFERED in support (longest-idle), chat, step 0, offered to eve: 1 of 1 agents meet every rule
              fay: meets every rule, but eve ranked first (longest-idle)""");
        final String routing = Files.readString(Path.of("ROUTING.md"));
        assertThat(routing).as("ROUTING.md §8 shows these explanations").contains(waiting).contains(offered);
        assertThat(engine.itemAgent(1002L)).isEqualTo(eve);
        assertThat(ben).isNotEqualTo(dan);
    }
}
