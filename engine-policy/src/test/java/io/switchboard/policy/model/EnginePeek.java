package io.switchboard.policy.model;

import io.switchboard.engine.RoutingEngine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reads the priority the routing engine holds for an item. The engine has no public accessor for it, so this test
 * helper reads the engine's item table by reflection ({@code RoutingEngine.items}, {@code Items.priority},
 * {@code Items.slotOf}); a rename there fails loudly here.
 */
final class EnginePeek
{
    private final Object items;
    private final Method slotOf;
    private final int[] priority;

    EnginePeek(final RoutingEngine engine)
    {
        try
        {
            final Field itemsField = RoutingEngine.class.getDeclaredField("items");
            itemsField.setAccessible(true);
            items = itemsField.get(engine);
            slotOf = items.getClass().getDeclaredMethod("slotOf", long.class);
            slotOf.setAccessible(true);
            final Field priorityField = items.getClass().getDeclaredField("priority");
            priorityField.setAccessible(true);
            priority = (int[])priorityField.get(items);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("the routing engine's item table changed shape", ex);
        }
    }

    /** @return the item's priority in the routing engine, or -1 when it is not live. */
    int priority(final long itemId)
    {
        try
        {
            final int slot = (Integer)slotOf.invoke(items, itemId);
            return slot < 0 ? -1 : priority[slot];
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
