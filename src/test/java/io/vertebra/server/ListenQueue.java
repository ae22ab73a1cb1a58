package io.vertebra.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the kernel says about a listening TCP socket on this machine: its accept queue (the listen backlog), read
 * with {@code ss} (iproute2), which shows it as the Send-Q of a LISTEN socket. /proc/net/tcp does not carry it.
 */
final class ListenQueue {

  private ListenQueue() {}

  /** Whether {@code ss} can be run here. */
  static boolean available() {
    try {
      return run("-Hltn").exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** The accept queue limit of the socket listening on loopback {@code port}. */
  static int limit(int port) throws IOException, InterruptedException {
    Process ss = run("-Hltn", "sport = :" + port);
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    // One line: State Recv-Q Send-Q Local-Address:Port Peer-Address:Port
    String[] columns = out.split("\\s+");
    if (columns.length < 4 || !columns[0].equals("LISTEN")) {
      throw new IOException("no listening socket on port " + port + " in ss output: '" + out + "'");
    }
    return Integer.parseInt(columns[2]);
  }

  /** The kernel's cap on any accept queue ({@code net.core.somaxconn}). */
  static int kernelCap() throws IOException {
    // readAllLines, not readString: procfs reports a size of 0, and readString then returns a truncated value
    return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/somaxconn")).get(0).trim());
  }

  private static Process run(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "ss";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("ss did not answer");
    }
    return p;
  }
}
