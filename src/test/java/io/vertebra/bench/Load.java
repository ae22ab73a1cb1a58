package io.vertebra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, recorded next to figures taken on a machine that may be shared. */
public final class Load {

  private Load() {}

  /** The 1-minute load average from /proc/loadavg, or -1 where there is none. */
  public static double oneMinute() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
