/**
 * Commands and events as data: flyweight encoders and decoders over Agrona buffers. Every record starts with an
 * 8-byte {@link io.switchboard.codec.MessageHeader} (block length, type code, schema id, version) and has a fixed,
 * versioned, little-endian layout, so the same bytes travel through the command ring, the event ring, a journal and
 * a replica. Command codes are {@link io.switchboard.engine.CommandType#code()}; event codes are
 * {@link io.switchboard.codec.EventType#code()}; enum fields use the explicit codes of
 * {@link io.switchboard.codec.WireEnums}. Nothing here allocates per record.
 *
 * <p><b>Threading:</b> encoders are stateless static methods, safe on any thread; decoders are flyweights owned by
 * one thread each.
 */
package io.switchboard.codec;
