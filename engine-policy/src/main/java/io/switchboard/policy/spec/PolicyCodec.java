package io.switchboard.policy.spec;

import io.switchboard.model.OverflowAction;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import io.switchboard.policy.calendar.CalendarCodec;
import io.switchboard.policy.rules.RuleSet;
import io.switchboard.policy.rules.RuleSyntaxException;
import org.agrona.DirectBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary form of a policy definition — {@link ServicePolicies} plus the requirement profiles its rules name —
 * carried by the {@code INSTALL_POLICIES} setup command, and so by journals, snapshots and replicas. Everything is
 * written from its source (rule texts, SLA conditions, calendar specs), in definition order, so decoding rebuilds
 * the same policies through the same validating builders. Slow path: encoding and decoding allocate.
 *
 * <p>Layout (big-endian {@link DataOutput} primitives): {@code int magic "SBPL", u16 version}, rules (flag +
 * source), max hops, time origin, SLAs (name, warning and failure per KPI, calendar, raise on failure, curve, curve
 * steps, condition), queue policies (name, overflow rules, operating hours, SLA, sentiment thresholds, expected
 * handle time), profiles (name, requirement handle) sorted by name.
 *
 * <p><b>Threading:</b> stateless static methods; safe on any thread.
 */
public final class PolicyCodec
{
    private static final int MAGIC = 0x5342504C; // "SBPL"
    private static final int VERSION = 1;

    /** A decoded definition: the policies and the requirement handles of their rules' profile names. */
    public record Definition(ServicePolicies policies, Map<String, Integer> profiles)
    {
    }

    private PolicyCodec()
    {
    }

    /**
     * @param policies the policies.
     * @param profiles the host's requirement profile handles by name, as the rules name them.
     * @return the encoded definition of {@code policies} and {@code profiles}.
     */
    public static byte[] encode(final ServicePolicies policies, final Map<String, Integer> profiles)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            final RuleSet rules = policies.rules();
            out.writeBoolean(rules != null);
            if (rules != null)
            {
                writeText(rules.source(), out);
            }
            out.writeInt(policies.maxOverflowHops());
            out.writeLong(policies.timeOriginMs());
            out.writeInt(policies.slaCount());
            for (int i = 0; i < policies.slaCount(); i++)
            {
                writeSla(policies.sla(i), out);
            }
            out.writeInt(policies.queueSettings().size());
            for (final QueueSettings settings : policies.queueSettings().values())
            {
                writeQueue(settings, out);
            }
            final Map<String, Integer> sorted = new TreeMap<>(profiles);
            out.writeInt(sorted.size());
            for (final Map.Entry<String, Integer> profile : sorted.entrySet())
            {
                out.writeUTF(profile.getKey());
                out.writeInt(profile.getValue());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * @param buffer holds the encoded definition.
     * @param offset where it starts.
     * @param length its length in bytes.
     * @return the definition in {@code [offset, offset + length)}.
     * @throws PolicySetupException when the bytes are not a definition of a known version or describe invalid
     *                              policies (the message says what).
     */
    public static Definition decode(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes)))
        {
            if (in.readInt() != MAGIC)
            {
                throw new PolicySetupException("not a policy definition (bad magic)");
            }
            final int version = in.readUnsignedShort();
            if (version != VERSION)
            {
                throw new PolicySetupException("unsupported policy definition version " + version);
            }
            final ServicePolicies.Builder builder = ServicePolicies.builder();
            if (in.readBoolean())
            {
                builder.rules(RuleSet.compile(readText(in)));
            }
            builder.maxOverflowHops(in.readInt());
            builder.timeOrigin(in.readLong());
            final int slas = count(in);
            for (int i = 0; i < slas; i++)
            {
                readSla(in, builder);
            }
            final int queues = count(in);
            for (int i = 0; i < queues; i++)
            {
                readQueue(in, builder);
            }
            final Map<String, Integer> profiles = new TreeMap<>();
            final int profileCount = count(in);
            for (int i = 0; i < profileCount; i++)
            {
                profiles.put(in.readUTF(), in.readInt());
            }
            if (in.available() != 0)
            {
                throw new PolicySetupException("the policy definition has " + in.available() + " trailing bytes");
            }
            return new Definition(builder.build(), profiles);
        }
        catch (final IOException ex)
        {
            throw new PolicySetupException("the policy definition is malformed: " + ex.getMessage());
        }
        catch (final RuleSyntaxException ex)
        {
            throw new PolicySetupException("the policy definition's rules do not compile: " + ex.getMessage());
        }
    }

    private static void writeSla(final SlaDefinition sla, final DataOutput out) throws IOException
    {
        out.writeUTF(sla.name());
        for (final SlaKpi kpi : SlaKpi.values())
        {
            out.writeLong(sla.warningMs(kpi.ordinal()));
            out.writeLong(sla.failureMs(kpi.ordinal()));
        }
        CalendarCodec.write(sla.calendar(), out);
        out.writeInt(sla.raiseOnFailure());
        out.writeBoolean(sla.curve());
        out.writeInt(sla.curveSteps());
        writeNullable(sla.condition(), out);
    }

    private static void readSla(final DataInput in, final ServicePolicies.Builder builder) throws IOException
    {
        final String name = in.readUTF();
        final SlaSpec spec = new SlaSpec();
        for (final SlaKpi kpi : SlaKpi.values())
        {
            spec.kpi(kpi, in.readLong(), in.readLong());
        }
        spec.calendar(CalendarCodec.read(in)).raiseOnFailure(in.readInt()).curve(in.readBoolean())
            .curveSteps(in.readInt());
        final String condition = readNullable(in);
        if (condition != null)
        {
            spec.appliesWhen(condition);
        }
        builder.sla(name, spec);
    }

    private static void writeQueue(final QueueSettings settings, final DataOutput out) throws IOException
    {
        out.writeUTF(settings.name());
        out.writeInt(settings.rules().size());
        for (final OverflowRule rule : settings.rules())
        {
            out.writeByte(rule.trigger().ordinal());
            out.writeLong(rule.threshold());
            out.writeByte(rule.action().ordinal());
            writeNullable(rule.action() == OverflowAction.TRANSFER ? rule.targetQueue() :
                rule.action() == OverflowAction.END ? rule.endReason() : null, out);
            out.writeInt(rule.priority());
        }
        out.writeBoolean(settings.hours() != null);
        if (settings.hours() != null)
        {
            CalendarCodec.write(settings.hours(), out);
        }
        writeNullable(settings.sla(), out);
        out.writeInt(settings.alertLevel());
        out.writeInt(settings.raiseLevel());
        out.writeInt(settings.raiseTo());
        out.writeLong(settings.expectedHandleMs());
    }

    private static void readQueue(final DataInput in, final ServicePolicies.Builder builder) throws IOException
    {
        final String name = in.readUTF();
        final QueuePolicy policy = new QueuePolicy();
        final int rules = count(in);
        for (int i = 0; i < rules; i++)
        {
            policy.overflow(readRule(in));
        }
        if (in.readBoolean())
        {
            policy.operatingHours(CalendarCodec.read(in));
        }
        final String sla = readNullable(in);
        if (sla != null)
        {
            policy.sla(sla);
        }
        final int alertLevel = in.readInt();
        final int raiseLevel = in.readInt();
        final int raiseTo = in.readInt();
        if (alertLevel >= 0)
        {
            policy.sentimentAlert(sentiment(alertLevel));
        }
        if (raiseLevel >= 0)
        {
            policy.sentimentRaise(sentiment(raiseLevel), raiseTo);
        }
        policy.expectedHandleMs(in.readLong());
        builder.queue(name, policy);
    }

    private static OverflowRule readRule(final DataInput in) throws IOException
    {
        final int trigger = in.readByte();
        final long threshold = in.readLong();
        final int action = in.readByte();
        final String name = readNullable(in);
        final int priority = in.readInt();
        if (trigger < 0 || trigger >= OverflowTrigger.values().length || action < 0 ||
            action >= OverflowAction.values().length)
        {
            throw new IOException("unknown overflow trigger " + trigger + " or action " + action);
        }
        final OverflowRule.Condition condition;
        switch (OverflowTrigger.values()[trigger])
        {
            case WAITING_AT_LEAST:
                condition = OverflowRule.whenWaitingAtLeast((int)Math.min(Integer.MAX_VALUE, threshold));
                break;
            case NO_AGENT_LOGGED_IN:
                condition = OverflowRule.whenNoAgentLoggedIn();
                break;
            case ESTIMATED_WAIT_AT_LEAST:
                condition = OverflowRule.whenEstimatedWaitAtLeast(threshold);
                break;
            case OUTSIDE_OPERATING_HOURS:
                condition = OverflowRule.whenOutsideOperatingHours();
                break;
            default:
                condition = OverflowRule.afterWaiting(threshold);
                break;
        }
        switch (OverflowAction.of(action))
        {
            case TRANSFER:
                return condition.transferTo(name);
            case RAISE_PRIORITY:
                return condition.raisePriorityTo(priority);
            case END:
                return condition.endWith(name);
            case CALLBACK:
                return condition.requestCallback();
            default:
                return condition.requestVoicemail();
        }
    }

    private static Sentiment sentiment(final int ordinal) throws IOException
    {
        if (ordinal >= Sentiment.values().length)
        {
            throw new IOException("unknown sentiment level " + ordinal);
        }
        return Sentiment.of(ordinal);
    }

    private static int count(final DataInput in) throws IOException
    {
        final int count = in.readInt();
        if (count < 0 || count > 1_000_000)
        {
            throw new IOException("a count of " + count + " is out of range");
        }
        return count;
    }

    private static void writeText(final String text, final DataOutput out) throws IOException
    {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(final DataInput in) throws IOException
    {
        final byte[] utf8 = new byte[count(in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeNullable(final String text, final DataOutput out) throws IOException
    {
        out.writeBoolean(text != null);
        if (text != null)
        {
            writeText(text, out);
        }
    }

    private static String readNullable(final DataInput in) throws IOException
    {
        return in.readBoolean() ? readText(in) : null;
    }
}
