package io.vertebra.kit.server;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's request threads for each mode. A server with an app keeps Jetty's default pool (up to 200): its servlets
 * may block on the database. A channels-only server never blocks a request thread (request bodies are received
 * before any servlet runs, sockets and webhooks are asynchronous), so its work is CPU-bound and more threads than
 * cores only add switching: a reconnect storm grew the default pool to all 200 threads on 2 cores. With at most
 * {@value #CHANNELS_THREADS_PER_CORE} per core (and never fewer than {@value #CHANNELS_MIN_THREADS}), a storm of 1,000
 * connections cost the server ~15 % less CPU per connection (BENCHMARKS.md section 1, "Connection setup on a quiet
 * machine").
 */
final class ServerThreads {

  static final int CHANNELS_THREADS_PER_CORE = 8;
  static final int CHANNELS_MIN_THREADS = 16;

  private ServerThreads() {}

  /** The pool for a server of this mode, on a machine with {@code cores} processors. */
  static QueuedThreadPool pool(boolean channelsOnly, int cores) {
    return channelsOnly
        ? new QueuedThreadPool(Math.max(CHANNELS_MIN_THREADS, CHANNELS_THREADS_PER_CORE * cores))
        : new QueuedThreadPool();
  }
}
