package io.switchboard.policy.hostile;

import io.switchboard.codec.CommandApplier;
import io.switchboard.codec.CommandDecoder;
import io.switchboard.codec.CommandEncoder;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.NoOpEngineEvents;
import io.switchboard.engine.RoutingEngine;
import io.switchboard.model.AgentSpec;
import io.switchboard.model.AttributeList;
import io.switchboard.model.EngineConfig;
import io.switchboard.model.QueueSpec;
import io.switchboard.model.RequirementSpec;
import io.switchboard.model.Sentiment;
import io.switchboard.policy.calendar.BusinessCalendar;
import io.switchboard.policy.calendar.CalendarSpec;
import io.switchboard.policy.calendar.CalendarSyntaxException;
import io.switchboard.policy.rules.Classification;
import io.switchboard.policy.rules.ItemAttributes;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.rules.RuleSyntaxException;
import io.switchboard.policy.service.PolicyEngine;
import io.switchboard.policy.spec.PolicyCodec;
import io.switchboard.policy.spec.ServicePolicies;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded fuzzing of what reads hostile text or bytes: the rule compiler, the calendar parser and the command
 * decoder with the engines behind it. Random token soups and mutations of valid inputs; the only exceptions allowed
 * are the documented syntax exceptions, nothing hangs (each test has a generous deadline) and memory stays bounded
 * (the tests run in the ordinary test heap). A failure names the seed and the case so it can be reproduced.
 * Sizes: {@code -Dswitchboard.fuzz.cases=N} (default 20,000 per test).
 */
class ParserFuzzTest
{
    private static final long SEED = 0xF0220L;
    private static final int CASES = Integer.getInteger("switchboard.fuzz.cases", 20_000);

    private static final String[] RULE_TOKENS = {
        "rule", "fallback", "queue", "priority", "profile", "skill", "end", "set", "level", "name", "split",
        "a", "b", "x", "account.type", "subject", "ivr.digit", ":", "->", "==", "!=", "<", "<=", ">", ">=", "~", "in",
        "&&", "||", "|", "!", "(", ")", ",", "%", "\"VIP\"", "\"a\\\"b\"", "\"", "\"printer|laptop\"",
            "\"\\\\bSTOP\\\\b\"",
        "1", "0", "-7", "9223372036854775807", "9223372036854775808", "99999999999999999999", "high", "critical", "low",
        "\n", "\n", " ", "#comment\n", "exists", "true", "false", "é", "\u0000", "\"(\"", "\"[\"", "\"*\"",
    };
    private static final String[] VALID_RULES = {
        "rule hw: caseType == \"Problem\" && subject ~ \"hardware|device|laptop|printer\" -> queue hardware\n"
            + "rule vip: account.type == \"VIP\" -> queue vip, priority high\nfallback queue tier1",
        "rule sms-stop: channel == \"sms\" && body ~ \"\\\\bSTOP\\\\b\" -> end opt-out\n"
            + "rule ivr: ivr.digit in (1, 2) -> queue sales, priority 50",
        "rule a: !(x <= 3 || y >= 4) && exists(z) -> queue q, skill spanish level 5\nfallback queue other",
    };
    private static final String[] CALENDAR_TOKENS = {
        "zone", "Europe/Berlin", "UTC", "America/Los_Angeles", "Nowhere/Else", "Mon", "Tue-Fri", "Sat,Sun", "Mon-Sun",
        "08:00-18:00", "22:00-06:00", "00:00-24:00", "25:00-26:00", "9:0-10:0", "always", "24/7", "holiday",
        "2025-12-25", "2025-12-24..2025-12-31", "1899-12-31", "+999999999-12-31", "2025-02-30", "on", "closed",
        "horizon", "2020-01-01..2040-01-01", "1900-01-01..2999-12-31", "2040-01-01..2020-01-01", ";", "\n", ",", " ",
        "#x\n", "..", "-", "08:00", "é",
    };
    private static final String[] VALID_CALENDARS = {
        "zone Europe/Berlin; Mon-Fri 08:00-18:00; Sat 09:00-13:00; holiday 2025-12-25..2025-12-26",
        "zone America/Los_Angeles\nMon-Fri 08:00-12:00, 13:00-18:00\non 2025-12-24 09:00-12:00\n"
            + "horizon 2024-01-01..2030-01-01",
        "always; holiday 2025-01-01",
    };

    @Test
    void theRuleCompilerOnlyEverThrowsItsSyntaxException()
    {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        {
            final SplittableRandom random = new SplittableRandom(SEED);
            int compiled = 0;
            for (int i = 0; i < CASES; i++)
            {
                final String text = i % 2 == 0 ? soup(random, RULE_TOKENS) : mutate(random, pick(random, VALID_RULES));
                try
                {
                    final RuleSet rules = RuleSet.compile(text);
                    compiled++;
                    final ItemAttributes attributes = rules.newAttributes();
                    for (int a = 0; a < rules.attributes().size(); a++)
                    {
                        if (random.nextBoolean())
                        {
                            attributes.set(a, soup(random, RULE_TOKENS));
                        }
                        else
                        {
                            attributes.set(a, random.nextLong());
                        }
                    }
                    rules.classify(attributes, random.nextLong(), new Classification());
                }
                catch (final RuleSyntaxException expected)
                {
                    assertThat(expected.line()).as("case %d", i).isPositive();
                }
                catch (final Throwable unexpected)
                {
                    fail("seed " + SEED + " case " + i + ": " + unexpected + " for rule text:\n" + text, unexpected);
                }
            }
            System.out.println("fuzz: " + compiled + " of " + CASES + " rule texts compiled");
            assertThat(compiled).as("some fuzzed rule sets compile and classify").isPositive();
        });
    }

    @Test
    void theCalendarParserOnlyEverThrowsItsSyntaxException()
    {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        {
            final SplittableRandom random = new SplittableRandom(SEED + 1);
            int compiled = 0;
            final int cases = CASES / 4; // a valid calendar compiles a horizon of up to 200 years: fewer cases
            for (int i = 0; i < cases; i++)
            {
                final String text = i % 3 == 0 ? soup(random, CALENDAR_TOKENS) : i % 3 == 1 ?
                    mutate(random, pick(random, VALID_CALENDARS)) : recombine(random);
                try
                {
                    final BusinessCalendar calendar = CalendarSpec.parse(text).compile();
                    compiled++;
                    final long at = random.nextLong(-(1L << 46), 1L << 46);
                    calendar.isOpen(at);
                    calendar.addBusinessMillis(at, random.nextLong(0, RoutingEngine.MAX_DURATION_MS));
                    calendar.businessMillisBetween(at, at + random.nextLong(0, 1L << 40));
                }
                catch (final CalendarSyntaxException expected)
                {
                    assertThat(expected.getMessage()).as("case %d", i).isNotBlank();
                }
                catch (final Throwable unexpected)
                {
                    fail("seed " + (SEED + 1) + " case " + i + ": " + unexpected + " for calendar text:\n" + text,
                        unexpected);
                }
            }
            System.out.println("fuzz: " + compiled + " of " + cases + " calendar texts compiled");
            assertThat(compiled).as("some fuzzed calendars compile").isPositive();
        });
    }

    @Test
    void damagedAndRandomCommandRecordsAreRejectedOrAppliedNeverThrown()
    {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        {
            final SplittableRandom random = new SplittableRandom(SEED + 2);
            final EngineConfig config = new EngineConfig().maxAgents(8).maxItems(64).maxQueues(4).maxSkills(4)
                .maxChannels(4).maxRequirementSets(8).maxExclusions(64);
            final RoutingEngine routing = new RoutingEngine(config, new NoOpEngineEvents()
            {
            });
            final PolicyEngine policy = new PolicyEngine(config, new NoOpEngineEvents()
            {
            });
            final UnsafeBuffer[] valid = validRecords(random);
            final UnsafeBuffer record = new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]);
            final CommandDecoder decoder = new CommandDecoder();
            long applied = 0;
            for (int i = 0; i < CASES * 2; i++)
            {
                final int length = i % 3 == 0 ? randomRecord(random, record) : mutated(random, valid, record);
                try
                {
                    if (decoder.wrap(record, 0, length))
                    {
                        CommandApplier.apply(decoder, routing);
                        CommandApplier.apply(decoder, policy);
                        applied++;
                    }
                }
                catch (final Throwable unexpected)
                {
                    fail("seed " + (SEED + 2) + " case " + i + ": " + unexpected + " for a record of type " +
                        decoder.templateId() + " and length " + length, unexpected);
                }
            }
            System.out.println("fuzz: " + applied + " of " + CASES * 2 + " records reached the engines");
            assertThat(applied).as("records that passed the header check reached the engines").isPositive();
            assertThat(routing.stateHash()).isNotZero(); // both engines are still consistent enough to snapshot
            assertThat(policy.stateHash()).isNotZero();
        });
    }

    /** One valid record of every command type, stamped at a small time. */
    private static UnsafeBuffer[] validRecords(final SplittableRandom random)
    {
        final ServicePolicies policies = ServicePolicies.builder()
            .rules(RuleSet.compile("rule v: account == \"VIP\" -> queue q0\nfallback queue q1")).build();
        final byte[] definition = PolicyCodec.encode(policies, Map.of());
        final UnsafeBuffer[] records = new UnsafeBuffer[CommandType.values().length];
        final AttributeList attributes = new AttributeList().text("account", "VIP").number("n", 7);
        int i = 0;
        for (final CommandType type : CommandType.values())
        {
            final UnsafeBuffer b = new UnsafeBuffer(new byte[CommandEncoder.MAX_RECORD_LENGTH]);
            final int length;
            switch (type)
            {
                case TICK: length = CommandEncoder.tick(b, 0); break;
                case LOGIN: length = CommandEncoder.login(b, 0, 0); break;
                case LOGOUT: length = CommandEncoder.logout(b, 0, 0); break;
                case SET_PRESENCE: length = CommandEncoder.setPresence(b, 0, 0, null); break;
                case SET_SKILL: length = CommandEncoder.setSkill(b, 0, 0, 0, 5); break;
                case SET_CAPACITY: length = CommandEncoder.setCapacity(b, 0, 0, 50); break;
                case SET_CHANNEL_LIMIT: length = CommandEncoder.setChannelLimit(b, 0, 0, 0, 2); break;
                case JOIN_QUEUE: length = CommandEncoder.joinQueue(b, 0, 0, 1); break;
                case LEAVE_QUEUE: length = CommandEncoder.leaveQueue(b, 0, 0, 0); break;
                case ENQUEUE: length = CommandEncoder.enqueue(b, 0, 1L, 0, 0, 0, -1); break;
                case ACCEPT: length = CommandEncoder.accept(b, 0, 1L, 1L); break;
                case REJECT: length = CommandEncoder.reject(b, 0, 1L, 1L); break;
                case RELEASE: length = CommandEncoder.release(b, 0, 1L, 1_000); break;
                case TRANSFER_TO_QUEUE: length = CommandEncoder.transferToQueue(b, 0, 1L, 1); break;
                case TRANSFER_TO_AGENT: length = CommandEncoder.transferToAgent(b, 0, 1L, 0); break;
                case START_CONSULT: length = CommandEncoder.startConsult(b, 0, 1L, 1); break;
                case END_CONSULT: length = CommandEncoder.endConsult(b, 0, 1L); break;
                case PICK: length = CommandEncoder.pick(b, 0, 0, 1L); break;
                case ABANDON: length = CommandEncoder.abandon(b, 0, 1L); break;
                case CANCEL: length = CommandEncoder.cancel(b, 0, 1L); break;
                case CHANGE_PRIORITY: length = CommandEncoder.changePriority(b, 0, 1L, 3); break;
                case DEFINE_CHANNEL: length = CommandEncoder.defineChannel(b, 0, "chat", 25); break;
                case CHANGE_CHANNEL: length = CommandEncoder.changeChannel(b, 0, 0, 30); break;
                case DEFINE_SKILL: length = CommandEncoder.defineSkill(b, 0, "english"); break;
                case DEFINE_QUEUE: length = CommandEncoder.defineQueue(b, 0, "q" + random.nextInt(3), new QueueSpec());
                    break;
                case CHANGE_QUEUE: length = CommandEncoder.changeQueue(b, 0, 0, new QueueSpec().priority(2)); break;
                case DEFINE_AGENT: length = CommandEncoder.defineAgent(b, 0, "a" + random.nextInt(3),
                    new AgentSpec().queue(0).skill(0, 5).limit(0, 2)); break;
                case CHANGE_AGENT: length = CommandEncoder.changeAgent(b, 0, 0, new AgentSpec().queue(1)); break;
                case DEFINE_REQUIREMENTS: length = CommandEncoder.defineRequirements(b, 0,
                    new RequirementSpec().step(1_000).require(0, 3).step(0)); break;
                case INSTALL_POLICIES: length = CommandEncoder.installPolicies(b, 0, new UnsafeBuffer(definition), 0,
                    definition.length); break;
                case CLASSIFY_AND_ENQUEUE: length = CommandEncoder.classifyAndEnqueue(b, 0, 2L, 0, 0, -1, attributes);
                    break;
                case PAUSE_SLA: length = CommandEncoder.pauseSla(b, 0, 2L); break;
                case RESUME_SLA: length = CommandEncoder.resumeSla(b, 0, 2L); break;
                default: length = CommandEncoder.reportSentiment(b, 0, 2L, Sentiment.NEGATIVE); break;
            }
            CommandEncoder.stamp(b, 0, 1_000);
            records[i++] = new UnsafeBuffer(b.byteArray(), 0, length);
        }
        return records;
    }

    /** A valid record with a few bytes flipped, cut or grown (header and body alike); returns its length. */
    private static int mutated(final SplittableRandom random, final UnsafeBuffer[] valid, final UnsafeBuffer out)
    {
        final UnsafeBuffer source = valid[random.nextInt(valid.length)];
        int length = source.capacity();
        out.putBytes(0, source, 0, length);
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--)
        {
            final int at = random.nextInt(length);
            out.putByte(at,
                (byte)(random.nextInt(3) == 0 ? random.nextInt(256) : out.getByte(at) ^ (1 << random.nextInt(8))));
        }
        if (random.nextInt(4) == 0)
        {
            length = random.nextInt(1, length + 1);
        }
        else if (random.nextInt(8) == 0)
        {
            final int extra = random.nextInt(64);
            for (int i = 0; i < extra; i++)
            {
                out.putByte(length + i, (byte)random.nextInt(256));
            }
            length += extra;
        }
        if (random.nextBoolean())
        {
            CommandEncoder.stamp(out, 0, random.nextInt(4) == 0 ? random.nextLong() : 1_000 + random.nextInt(100_000));
        }
        return length;
    }

    /** A record with a plausible header (our schema, a known or unknown type) and a random body. */
    private static int randomRecord(final SplittableRandom random, final UnsafeBuffer out)
    {
        final int length = random.nextInt(0, 256);
        for (int i = 0; i < length; i++)
        {
            out.putByte(i, (byte)random.nextInt(256));
        }
        if (length >= 16)
        {
            io.switchboard.codec.MessageHeader.write(out, 0, random.nextInt(40),
                io.switchboard.codec.MessageHeader.SCHEMA_ID,
                random.nextInt(4) == 0 ? random.nextInt(16, 300) : length);
            CommandEncoder.stamp(out, 0, 1_000 + random.nextInt(100_000));
        }
        return length;
    }

    /** Statements of the valid calendars in a random order, a few replaced by a random statement. */
    private static String recombine(final SplittableRandom random)
    {
        final StringBuilder text = new StringBuilder();
        for (int n = 1 + random.nextInt(5); n > 0; n--)
        {
            final String[] statements = pick(random, VALID_CALENDARS).split("[;\n]");
            text.append(random.nextInt(5) == 0 ? soup(random, CALENDAR_TOKENS) :
                statements[random.nextInt(statements.length)]).append(random.nextBoolean() ? ";" : "\n");
        }
        return text.toString();
    }

    private static String soup(final SplittableRandom random, final String[] tokens)
    {
        final StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(60); n > 0; n--)
        {
            text.append(pick(random, tokens)).append(random.nextInt(3) == 0 ? "" : " ");
        }
        return text.toString();
    }

    private static String mutate(final SplittableRandom random, final String valid)
    {
        final StringBuilder text = new StringBuilder(valid);
        for (int edits = 1 + random.nextInt(5); edits > 0 && text.length() > 0; edits--)
        {
            final int at = random.nextInt(text.length());
            switch (random.nextInt(3))
            {
                case 0:
                    text.deleteCharAt(at);
                    break;
                case 1:
                    text.insert(at, "()!|&\"~,:->0123456789\n é\\".charAt(random.nextInt(24)));
                    break;
                default:
                    text.setCharAt(at, (char)random.nextInt(32, 127));
                    break;
            }
        }
        return text.toString();
    }

    private static String pick(final SplittableRandom random, final String[] values)
    {
        return values[random.nextInt(values.length)];
    }
}
