package io.vertebra.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sizes the JVM of a channels server that a user started as {@code java -jar vertebra.jar channels} with no JVM
 * options, the way most users start it. The JVM's defaults suit a batch job on a big machine, not a small
 * long-running server: G1 and a heap of a quarter of the machine's memory let the resident size grow with every
 * burst (288 to 499 MB for 1,000 connections in one measurement) and never give it back. So the process starts
 * the server again as a child JVM with {@link #CHANNELS_OPTIONS} and stays as its launcher: it passes SIGTERM and
 * SIGINT on, waits, and exits with the child's status; the child stops at once if the launcher is killed
 * ({@link LauncherWatch}). Any JVM option on the command line, or in {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS}, means the user chose: the server then runs as started.
 * OPERATIONS.md says why these options and what they measured.
 */
final class JvmLauncher {

  /**
   * The options of a channels server started without any: SerialGC (on 2 cores it costs less CPU per delivery than
   * G1, whose refinement threads took ~22 % of the server's CPU during fan-out) with a small initial heap and tight
   * free ratios, so the heap grows with the connections it holds and shrinks back rather than sitting at the
   * high-water mark. The maximum stays the JVM's (a quarter of the memory): no artificial cap to run out of.
   */
  static final List<String> CHANNELS_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:MinHeapFreeRatio=10",
      "-XX:MaxHeapFreeRatio=30");
  /** Environment of the child: two malloc arenas instead of 8 per core, which many threads otherwise inflate. */
  static final Map<String, String> CHANNELS_ENV = Map.of("MALLOC_ARENA_MAX", "2");
  /** System property telling a child JVM that a launcher supervises it (the launcher's process id). */
  static final String LAUNCHER_PID = "vertebra.launcher";

  private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
      "_JAVA_OPTIONS");

  private JvmLauncher() {}

  /**
   * The jar to start again when this JVM's command line was exactly {@code java -jar JAR ...} ({@code arguments}
   * as the operating system reports them, without the program name) and {@code env} sets no JVM options; else null.
   */
  static Path bareJar(List<String> arguments, Map<String, String> env) {
    if (arguments.size() < 2 || !arguments.get(0).equals("-jar")) {
      return null;
    }
    for (String variable : OPTION_VARIABLES) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        return null;
      }
    }
    Path jar = Path.of(arguments.get(1));
    return Files.isRegularFile(jar) ? jar : null;
  }

  /** This JVM's jar when it may size itself (see {@link #bareJar(List, Map)}), else null. */
  static Path bareJar() {
    if (System.getProperty(LAUNCHER_PID) != null) {
      return null; // already the child
    }
    List<String> arguments = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    return bareJar(arguments, System.getenv());
  }

  /** The child's command line: this JVM's java, {@code options}, the launcher's pid, the jar and {@code args}. */
  static List<String> command(Path jar, List<String> options, String[] args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-D" + LAUNCHER_PID + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs the server as a child JVM and returns its exit status. The child shares this process's output; its input
   * is a pipe nobody writes to, which closes when this process ends however it ends.
   */
  static int relaunch(Path jar, String[] args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(jar, CHANNELS_OPTIONS, args))
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(CHANNELS_ENV);
    SignalForwarding signals = new SignalForwarding();
    Process child = builder.start();
    signals.to(child.toHandle());
    return child.waitFor();
  }

  /**
   * Passes SIGTERM and SIGINT on to the child as SIGTERM; installed before the child starts, so a signal that
   * arrives meanwhile is passed on as soon as it has. Through the child's handle, not {@code Process.destroy()},
   * which also closes the child's input: the child would read that as the end of its launcher.
   */
  private static final class SignalForwarding {

    private ProcessHandle child;
    private boolean requested;

    @SuppressWarnings("sunapi") // sun.misc.Signal: the JDK's only way to handle SIGTERM (as in ShutdownSignals)
    SignalForwarding() {
      for (String name : new String[] {"TERM", "INT"}) {
        // The child stops gracefully on SIGTERM and ignores a second signal (a terminal's Ctrl-C reaches both).
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> request());
      }
    }

    synchronized void to(ProcessHandle started) {
      child = started;
      if (requested) {
        child.destroy();
      }
    }

    private synchronized void request() {
      requested = true;
      if (child != null) {
        child.destroy();
      }
    }
  }
}
