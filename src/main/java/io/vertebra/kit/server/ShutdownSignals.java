package io.vertebra.kit.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM and SIGINT stop the server gracefully and end the process with status 0. Without this the JVM's own
 * handler runs every shutdown hook at once (Jetty's stop racing the database pool's close, so a request still
 * draining could find its database gone) and exits with 143. Here the server closes first — realtime clients told
 * to reconnect, no new requests, in-flight ones answered — and only then does the JVM exit. A second signal while
 * stopping is ignored (Ctrl-C in a terminal reaches a relaunched child JVM twice: directly and passed on).
 */
final class ShutdownSignals {

  private static final AtomicBoolean STOPPING = new AtomicBoolean();

  private ShutdownSignals() {}

  /** Routes TERM and INT to a graceful {@code server.close()} followed by exit 0 (1 when closing failed). */
  @SuppressWarnings("sunapi") // sun.misc.Signal (module jdk.unsupported): the JDK's only way to handle SIGTERM
  static void install(VertebraServer server) {
    for (String name : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop(server, name));
    }
  }

  private static void stop(VertebraServer server, String signal) {
    if (!STOPPING.compareAndSet(false, true)) {
      return;
    }
    System.out.println("SIG" + signal + ": stopping (in-flight requests are answered first)");
    int status = 0;
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("Shutdown failed: " + e);
      status = 1;
    }
    System.out.println("Stopped.");
    System.exit(status);
  }
}
