package io.vertebra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time a process has used (user + system, all threads), from /proc. Unlike latency it does not grow when other
 * work on a shared machine delays the process, so CPU per operation compares runs made under different loads.
 */
public final class CpuTime {

  /** /proc reports in USER_HZ ticks, 100 per second on Linux. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private CpuTime() {}

  /** CPU nanoseconds used so far by process {@code pid} (10 ms resolution). */
  public static long ofProcess(long pid) throws IOException {
    String[] f = stat(pid);
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK; // utime, stime (fields 14, 15)
  }

  /** The part of {@link #ofProcess} spent in the kernel (system calls, and the network stack they run). */
  public static long systemOfProcess(long pid) throws IOException {
    return Long.parseLong(stat(pid)[12]) * NANOS_PER_TICK;
  }

  /**
   * CPU nanoseconds used so far by the threads of {@code pids} whose name starts with one of {@code prefixes} (a
   * JVM's JIT compiler threads are "C1 CompilerThre" and "C2 CompilerThre"). Threads that ended are not counted.
   */
  public static long ofThreads(Iterable<Long> pids, String... prefixes) throws IOException {
    long total = 0;
    for (long pid : pids) {
      Path tasks = Path.of("/proc", Long.toString(pid), "task");
      List<Path> threads;
      try (Stream<Path> list = Files.list(tasks)) {
        threads = list.toList();
      }
      for (Path thread : threads) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (NoSuchFileException ended) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (Arrays.stream(prefixes).anyMatch(name::startsWith)) {
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        }
      }
    }
    return total;
  }

  // Fields after the command name, which is in parentheses and may contain spaces: index 0 is field 3 (state).
  private static String[] stat(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  /** CPU nanoseconds used so far by {@code pids} together. */
  public static long ofProcesses(Iterable<Long> pids) throws IOException {
    long total = 0;
    for (long pid : pids) {
      total += ofProcess(pid);
    }
    return total;
  }

  /** The part of {@link #ofProcesses} spent in the kernel. */
  public static long systemOfProcesses(Iterable<Long> pids) throws IOException {
    long total = 0;
    for (long pid : pids) {
      total += systemOfProcess(pid);
    }
    return total;
  }

  /** CPU nanoseconds used so far by this JVM. */
  public static long ofThisProcess() throws IOException {
    return ofProcess(ProcessHandle.current().pid());
  }
}
