/**
 * The wire format between cluster clients and the replicated service (little-endian, flyweights over Agrona
 * buffers, no allocation). Ingress: {@link io.switchboard.cluster.protocol.CommandBatch} (a client's commands with
 * consecutive sequence numbers) and a subscription request. Egress: acknowledgements, gaps and event chunks
 * ({@link io.switchboard.cluster.protocol.Egress}).
 */
package io.switchboard.cluster.protocol;
