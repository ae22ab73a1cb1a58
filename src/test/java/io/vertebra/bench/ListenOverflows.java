package io.vertebra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full
 * ({@code TcpExt: ListenOverflows} in /proc/net/netstat). Each drop costs that client the 1 s SYN retry. The
 * counter is machine-wide: read it around a phase where only the benchmark connects.
 */
public final class ListenOverflows {

  private ListenOverflows() {}

  /** The counter now, or -1 where /proc/net/netstat does not have it. */
  public static long now() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
      for (int i = 0; i + 1 < lines.size(); i += 2) {
        String[] names = lines.get(i).split(" ");
        String[] values = lines.get(i + 1).split(" ");
        if (!names[0].equals("TcpExt:")) {
          continue;
        }
        for (int j = 1; j < names.length && j < values.length; j++) {
          if (names[j].equals("ListenOverflows")) {
            return Long.parseLong(values[j]);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or a format we do not know
    }
    return -1;
  }
}
