package io.vertebra.bench.fanout;

import io.vertebra.bench.ServerProcess;
import java.net.URI;

/** A broadcast server under test: where clients connect, how an event is triggered, and its process. */
interface Target extends AutoCloseable {

  /** Short name used in figure keys. */
  String name();

  /** The WebSocket URI every client connects to. */
  URI socketUri();

  /** The channel clients subscribe to, or null when the server has no channels. */
  String channel();

  /** Triggers one event carrying {@code data} and returns whether the server accepted it. */
  boolean trigger(String data) throws Exception;

  ServerProcess process();

  /** Live heap in KiB after a full collection, or -1 where the server has no Java heap to measure. */
  default long liveHeapKib() throws Exception {
    return process().liveHeapKib();
  }

  @Override
  default void close() {
    process().close();
  }
}
