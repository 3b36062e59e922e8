package io.switchboard.journal;

import io.switchboard.engine.AssignReason;
import io.switchboard.engine.CommandType;
import io.switchboard.engine.EndReason;
import io.switchboard.engine.EngineEvents;
import io.switchboard.engine.RequeueReason;
import io.switchboard.engine.Result;
import io.switchboard.model.OverflowAction;
import io.switchboard.model.Presence;
import io.switchboard.model.Sentiment;
import io.switchboard.model.SlaKpi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay a recovered engine emits through: every kind of event reaches the current target unchanged, and nothing
 * is forwarded (or fails) while there is none — the replayed journal tail.
 */
class EventRelayTest
{
    private static final int KINDS = 20;

    /** Emits one event of every kind, with arguments derived from {@code base}. */
    private static void everyKind(final EngineEvents events, final long base)
    {
        events.onOffered(base + 1, 11, 1, 2, 101);
        events.onAssigned(base + 2, 11, 1, 2, 101, AssignReason.ACCEPTED);
        events.onOfferRejected(base + 3, 12, 3, 102);
        events.onOfferTimedOut(base + 4, 13, 4, 103);
        events.onRequeued(base + 5, 12, 2, RequeueReason.REJECTED);
        events.onReleased(base + 6, 11, 1, 2_500);
        events.onWrapUpEnded(base + 7, 11, 1);
        events.onTransferred(base + 8, 14, 2, 3, 5);
        events.onEnded(base + 9, 15, 3, EndReason.CANCELLED);
        events.onStepAdvanced(base + 10, 16, 2);
        events.onPresenceChanged(base + 11, 6, Presence.AWAY);
        events.onCommandRejected(base + 12, CommandType.PICK, Result.UNKNOWN_ITEM, 17);
        events.onSetupChanged(base + 13, CommandType.CHANGE_QUEUE, 2, 9);
        events.onRouted(base + 14, 18, 4, 7);
        events.onEndedByRule(base + 15, 19, 1);
        events.onOverflowed(base + 16, 20, 4, OverflowAction.TRANSFER, 1);
        events.onOverflowStopped(base + 17, 20, 1);
        events.onSlaWarning(base + 18, 21, 1, SlaKpi.FIRST_RESPONSE);
        events.onSlaBreached(base + 19, 21, 1, SlaKpi.RESOLUTION);
        events.onSentimentAlert(base + 20, 22, 1, Sentiment.VERY_NEGATIVE);
    }

    @Test
    void everyKindOfEventReachesTheTargetUnchanged()
    {
        final EventStreamHash direct = new EventStreamHash();
        everyKind(direct, 1_000);
        final EventStreamHash relayed = new EventStreamHash();

        everyKind(new EventRelay(relayed), 1_000);

        assertThat(relayed.events()).isEqualTo(KINDS);
        assertThat(relayed.hex()).isEqualTo(direct.hex());
    }

    @Test
    void withoutATargetNothingIsForwardedUntilOneIsSet()
    {
        final EventRelay relay = new EventRelay(null);
        everyKind(relay, 0);

        final EventStreamHash later = new EventStreamHash();
        relay.target = later;
        everyKind(relay, 5_000);

        final EventStreamHash expected = new EventStreamHash();
        everyKind(expected, 5_000);
        assertThat(later.events()).isEqualTo(KINDS);
        assertThat(later.hex()).isEqualTo(expected.hex());
    }
}
