package io.vertebra.bench.bundle;

import io.vertebra.bench.Report;
import java.nio.file.Path;

/**
 * The TodoMVC speed part of the bundle benchmark alone ({@link TodosSpeed}: first load of N todos and toggle-all,
 * against the Backbone example in the same run), for iterating on speed without the size measurements. Run:
 * {@code -Dbench=todos-speed}; writes {@code todos-speed.json}. {@code -DwebDir} serves another build of war/.
 */
public final class TodosSpeedBench {

  private TodosSpeedBench() {}

  public static void main(String[] args) throws Exception {
    Report report = new Report("todos-speed");
    TodosSpeed.measure(report, Path.of(System.getProperty("webDir", "war")), TodoMvcPeers.root(),
        Integer.getInteger("loads", 5), Integer.getInteger("todos", 100));
    report.write();
  }
}
