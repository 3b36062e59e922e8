package io.switchboard.bench;

import io.switchboard.engine.NoOpEngineEvents;

/**
 * Events that go nowhere, for setup and for subclasses that care about a few of them. Stateless; the engine calls
 * it on the engine thread.
 */
class NullEvents extends NoOpEngineEvents
{
    static final NullEvents INSTANCE = new NullEvents();
}

