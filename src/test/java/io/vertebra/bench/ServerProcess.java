package io.vertebra.bench;

import io.vertebra.testing.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own JVM, so its resident memory can be read from /proc and its heap from jcmd
 * without the load driver's own memory in the figures. Destroyed on close (and by a shutdown hook).
 */
public final class ServerProcess implements AutoCloseable {

  // One "total NK, used NK" per heap (G1) or per generation (Serial, Parallel); Metaspace lines have no "total".
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private static final int TAIL_LINES = 40;

  private final Process process;
  // The last lines the server printed, so that a start that never became ready can say what it was doing.
  private final Deque<String> tail = new ArrayDeque<>();

  private ServerProcess(Process process) {
    this.process = process;
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
  }

  /**
   * Starts {@code command} with {@code env} added and waits (up to 120 s) for an output line containing
   * {@code readyText}; the rest of its output is discarded but for the last lines, which a start that never became
   * ready reports together with the server's threads.
   */
  public static ServerProcess start(List<String> command, Map<String, String> env, String readyText)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    ServerProcess server = new ServerProcess(pb.start());
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(server.process.getInputStream()))) {
        for (String line; (line = r.readLine()) != null; ) {
          server.remember(line);
          if (!ready.isDone() && line.contains(readyText)) {
            ready.complete(null);
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
      ready.completeExceptionally(new IllegalStateException("server exited before it was ready: " + command));
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      // A bound on starting, not a measured figure: a JVM needs a few CPU-seconds to start this jar, and at a load
      // of 25 on two cores (CI beside other builds) that took over 60 s (CrashSafetyIT's restarts).
      ready.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      String threads = server.isAlive() ? server.threadDump() : "(the process had exited)";
      server.close();
      throw new IllegalStateException("server did not start: " + command + "\n--- its last output:\n"
          + server.tail() + "--- its threads:\n" + threads, e);
    }
    return server;
  }

  private void remember(String line) {
    synchronized (tail) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }
  }

  private String tail() {
    synchronized (tail) {
      StringBuilder out = new StringBuilder();
      tail.forEach(line -> out.append(line).append('\n'));
      return out.toString();
    }
  }

  private String threadDump() {
    try {
      return jcmd("Thread.print");
    } catch (IOException | InterruptedException e) {
      return "(no thread dump: " + e + ")";
    }
  }

  /** A free loopback port below the ephemeral range, so a restarted server finds it still free. */
  public static int freePort() throws IOException {
    return FreePorts.next();
  }

  /** The java launcher of the running JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Resident set size in KiB, from /proc: the process and its descendants (a launcher that started the real
   * server as a child of its own, as {@code java -jar vertebra.jar channels} does, is counted with it).
   */
  public long rssKib() throws IOException {
    long total = rssKib(process.pid());
    for (long child : descendants()) {
      total += rssKib(child);
    }
    return total;
  }

  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for " + pid);
  }

  /** The operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** The process ids of the process's descendants (children first). */
  public List<Long> descendants() {
    return process.descendants().map(ProcessHandle::pid).toList();
  }

  /** The server itself: the last descendant when the process is a launcher, else the process. */
  public long serverPid() {
    List<Long> children = descendants();
    return children.isEmpty() ? process.pid() : children.get(children.size() - 1);
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush; returns once the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + pid() + " survived SIGKILL");
    }
  }

  /** Sends SIGTERM (a clean shutdown request) and returns at once. */
  public void terminate() {
    process.destroy();
  }

  /** Waits up to {@code millis} for the process to end; its exit code, or null when it is still running. */
  public Integer awaitExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  /** Live heap in KiB after a full GC (jcmd GC.run, then GC.heap_info; summed over generations). */
  public long liveHeapKib() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    long used = 0;
    boolean found = false;
    while (m.find()) {
      used += Long.parseLong(m.group(1));
      found = true;
    }
    if (!found) {
      throw new IOException("no heap figure from jcmd");
    }
    return used;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(serverPid()), command)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
