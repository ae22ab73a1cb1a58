package io.vertebra.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers a test starts as child processes, taken below the kernel's ephemeral range.
 *
 * <p>A port the kernel picked for {@code bind(0)} lies in the ephemeral range, the same range it draws from for the
 * source port of every outgoing connection. A server stopped and started again on such a port can find it taken by
 * one of the machine's outgoing connections meanwhile (busy CI machines open thousands), and a client reconnecting
 * to it while it is down can even connect to itself (TCP simultaneous open) and hold the port. Below the ephemeral
 * range only listeners take ports, so a port stays ours between a stop and a start.
 */
public final class FreePorts {

  /** Lowest port handed out: above the well-known and common service ports. */
  private static final int LOW = 20_000;
  /** Linux's default ephemeral range starts at 32768 ({@code /proc/sys/net/ipv4/ip_local_port_range}). */
  private static final int HIGH = 32_768;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A loopback port that nothing listens on, not handed out before by this JVM, below the ephemeral range. */
  public static int next() throws IOException {
    int high = Math.min(HIGH, ephemeralLow());
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, high);
      if (HANDED_OUT.add(port) && bindable(port)) {
        return port;
      }
    }
    throw new IOException("no free port between " + LOW + " and " + high);
  }

  private static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The start of the ephemeral range on Linux; 32768 where it cannot be read. */
  private static int ephemeralLow() {
    try {
      String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
      int low = Integer.parseInt(range.trim().split("\\s+")[0]);
      return low > LOW + 1_000 ? low : HIGH;
    } catch (IOException | RuntimeException e) {
      return HIGH;
    }
  }
}
