package io.switchboard.codec;

import io.switchboard.engine.EngineCommands;
import io.switchboard.engine.Result;

/**
 * An {@link EngineCommands} implementation whose commands are records at heart (its typed methods are a
 * {@link CommandProxy} over {@link #apply}), such as the policy engine: {@link CommandApplier} hands it a decoded
 * record as it is instead of calling a typed method that would encode the record again.
 *
 * <p><b>Threading:</b> as the implementation says (engine thread).
 */
public interface CommandRecordTarget extends EngineCommands
{
    /**
     * Applies one decoded, stamped command record.
     *
     * @return the command's result.
     */
    Result apply(CommandDecoder command);
}
