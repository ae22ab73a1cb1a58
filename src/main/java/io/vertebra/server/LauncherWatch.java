package io.vertebra.server;

import java.io.IOException;
import java.io.InputStream;

/**
 * The child side of {@link JvmLauncher}: its standard input is a pipe from the launcher that nobody writes to, so
 * the end of that input means the launcher is gone (also when it was killed with SIGKILL, which it cannot pass
 * on). The server then halts as the killed launcher did, rather than keep the port and run unsupervised.
 */
final class LauncherWatch {

  private LauncherWatch() {}

  /** Starts watching when this JVM was started by a launcher; does nothing otherwise. */
  static void startIfLaunched() {
    if (System.getProperty(JvmLauncher.LAUNCHER_PID) == null) {
      return;
    }
    Thread watch = new Thread(() -> {
      awaitEnd(System.in);
      System.err.println("Launcher process gone: stopping.");
      Runtime.getRuntime().halt(1);
    }, "launcher-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static void awaitEnd(InputStream in) {
    try {
      while (in.read() >= 0) {
        // nothing is ever written; discard anything that is
      }
    } catch (IOException e) {
      // a broken pipe ends it as well
    }
  }
}
