package io.switchboard.engine;

/** Lifecycle state of a work item as seen by the engine. Immutable; safe on any thread. */
public enum ItemState
{
    /** No live item has this id (never enqueued, or ended). */
    NONE,
    /** In its queue (or waiting for its target agent), not offered. */
    WAITING,
    /** Offered to an agent; capacity reserved. */
    OFFERED,
    /** Being worked by an agent. */
    ASSIGNED,
    /** Released with wrap-up; the agent's capacity is still held. */
    WRAP_UP
}
