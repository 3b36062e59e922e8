package io.switchboard.codec;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.Presence;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class WireEnumsTest
{
    @Test
    void everyEnumConstantHasAUniqueNonZeroCodeThatDecodesBackToIt()
    {
        checkCodes(Presence.values(), WireEnums::code, WireEnums::presence);
        checkCodes(AssignReason.values(), WireEnums::code, WireEnums::assignReason);
        checkCodes(RequeueReason.values(), WireEnums::code, WireEnums::requeueReason);
        checkCodes(EndReason.values(), WireEnums::code, WireEnums::endReason);
        checkCodes(Result.values(), WireEnums::code, WireEnums::result);
    }

    @Test
    void nullEncodesAsZeroAndZeroOrUnknownCodesDecodeAsNull()
    {
        assertThat(WireEnums.code((Presence)null)).isZero();
        assertThat(WireEnums.presence(0)).isNull();
        assertThat(WireEnums.presence(99)).isNull();
        assertThat(WireEnums.result(-1)).isNull();
        assertThat(WireEnums.command(0)).isNull();
        assertThat(WireEnums.command(1_000)).isNull();
    }

    @Test
    void wireCodesAreTheDocumentedOnesAndNeverChange()
    {
        assertThat(WireEnums.code(Presence.AVAILABLE)).isEqualTo((byte)1);
        assertThat(WireEnums.code(Presence.OFFLINE)).isEqualTo((byte)5);
        assertThat(WireEnums.code(RequeueReason.TRANSFERRED)).isEqualTo((byte)4);
        assertThat(WireEnums.code(Result.OK)).isEqualTo((byte)1);
        assertThat(WireEnums.code(Result.MEMBERSHIP_UNCHANGED)).isEqualTo((byte)25);
        assertThat(EventType.COMMAND_REJECTED.code()).isEqualTo(12);
        for (final CommandType type : CommandType.values())
        {
            assertThat(WireEnums.command(type.code())).isSameAs(type);
        }
        for (final EventType type : EventType.values())
        {
            assertThat(EventType.fromCode(type.code())).isSameAs(type);
        }
    }

    private static <E> void checkCodes(final E[] constants, final Function<E, Byte> encode,
        final IntFunction<E> decode)
    {
        final Set<Byte> seen = new HashSet<>();
        for (final E constant : constants)
        {
            final byte code = encode.apply(constant);
            assertThat(code).as("code of %s", constant).isNotZero();
            assertThat(seen.add(code)).as("code of %s is unique", constant).isTrue();
            assertThat(decode.apply(code)).isSameAs(constant);
        }
    }
}
