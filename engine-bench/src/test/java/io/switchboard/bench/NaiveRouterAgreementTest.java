package io.switchboard.bench;

import io.switchboard.engine.RoutingEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naive router is an honest baseline only if it makes the engine's decisions: on the reference workload, the
 * same background load and the same decision sequence, both pick the same agent every time.
 */
class NaiveRouterAgreementTest
{
    @Test
    void naiveRouterPicksTheSameAgentsAsTheEngine()
    {
        final ReferenceWorkload workload = new ReferenceWorkload(1_000);
        final DecisionRecorder recorder = new DecisionRecorder();
        final ReferenceWorkload.LoadedEngine loaded = new ReferenceWorkload.LoadedEngine(workload, recorder);
        final RoutingEngine engine = loaded.engine;
        final NaiveRouter router = new NaiveRouter(1L);
        final NaiveRouter.WorkItem[] items = NaiveRouter.loadReference(router, workload);

        long itemId = loaded.nextItemId;
        for (int i = 0; i < 20_000; i++)
        {
            final long now = 1 + i;
            final int kind = workload.sequence[i];
            recorder.clear();
            loaded.enqueue(now, itemId, workload, kind);
            final NaiveRouter.Agent naive = router.route(items[kind]).orElseThrow();
            assertThat(naive.index).as("decision %d (kind %d, %s)", i, kind,
                workload.queueStrategy[workload.kindQueue[kind]]).isEqualTo(recorder.agent);
            if (recorder.offerId != 0)
            {
                engine.accept(now, itemId, recorder.offerId);
            }
            if (!router.offer(items[kind], naive))
            {
                router.accept(naive);
            }
            engine.release(now, itemId, 0);
            router.release(now, items[kind], naive);
            itemId++;
        }
    }
}
