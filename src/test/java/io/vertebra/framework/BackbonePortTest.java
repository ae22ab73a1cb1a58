package io.vertebra.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.suite.CheckTitles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Counts the port of Backbone 1.6.1's test suite mechanically: every title in {@code backbone/tests-1.6.1.txt}
 * must be the display name of a test in the file's port (a JUnit class, or the browser suite for test/view.js),
 * or be on {@code backbone/not-applicable.txt} with its reason; a title Backbone repeats needs as many tests. The
 * figures docs/backbone-test-port.md prints must be these.
 */
class BackbonePortTest {

  private static final String FACTS = "backbone/tests-1.6.1.txt";
  private static final String NOT_APPLICABLE = "backbone/not-applicable.txt";
  private static final Path DOC = Path.of("docs", "backbone-test-port.md");

  /** Each Backbone file and where its port lives. */
  private static final Map<String, String> PORTS = new LinkedHashMap<>();

  static {
    PORTS.put("test/events.js", "io.vertebra.framework.core.EventsTest");
    PORTS.put("test/model.js", "io.vertebra.framework.core.ModelTest");
    PORTS.put("test/collection.js", "io.vertebra.framework.core.CollectionTest");
    PORTS.put("test/sync.js", "io.vertebra.framework.sync.SyncTest");
    PORTS.put("test/router.js", "io.vertebra.framework.router.RouterTest");
    PORTS.put("test/view.js", "browser suite");
  }

  @Test
  @DisplayName("every Backbone 1.6.1 test is ported under its title or not applicable for a reason")
  void everyTitleIsPortedOrNotApplicable() throws Exception {
    Map<String, List<String>> titles = sections(read(FACTS));
    Map<String, List<String>> notApplicable = notApplicable();
    assertEquals(PORTS.keySet(), titles.keySet(), "the files of Backbone's suite");
    List<String> problems = new ArrayList<>();
    for (String file : PORTS.keySet()) {
      Tally tally = tally(titles.get(file), portedNames(file), notApplicable.getOrDefault(file, List.of()));
      for (String title : tally.missing) {
        problems.add(file + ": neither ported nor not applicable: " + title);
      }
      for (String title : tally.staleNotApplicable) {
        problems.add(file + ": on the not-applicable list but ported or not a Backbone title: " + title);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  @DisplayName("docs/backbone-test-port.md prints the counts of the port")
  void docPrintsTheCounts() throws Exception {
    Map<String, List<String>> titles = sections(read(FACTS));
    Map<String, List<String>> notApplicable = notApplicable();
    String doc = Files.readString(DOC);
    int total = 0;
    int ported = 0;
    int skipped = 0;
    for (String file : PORTS.keySet()) {
      Tally tally = tally(titles.get(file), portedNames(file), notApplicable.getOrDefault(file, List.of()));
      String row = "| " + file + " | " + titles.get(file).size() + " | " + tally.ported + " | "
          + tally.notApplicable + " |";
      assertTrue(doc.contains(row), "docs/backbone-test-port.md lacks the row " + row);
      total += titles.get(file).size();
      ported += tally.ported;
      skipped += tally.notApplicable;
    }
    String totals = "| **total** | **" + total + "** | **" + ported + "** | **" + skipped + "** |";
    assertTrue(doc.contains(totals), "docs/backbone-test-port.md lacks the row " + totals);
  }

  /** How one file's titles are covered. */
  private static final class Tally {
    int ported;
    int notApplicable;
    final List<String> missing = new ArrayList<>();
    final List<String> staleNotApplicable = new ArrayList<>();
  }

  private static Tally tally(List<String> titles, List<String> names, List<String> skipped) {
    Tally tally = new Tally();
    List<String> unusedNames = new ArrayList<>(names);
    List<String> unusedSkips = new ArrayList<>(skipped);
    for (String title : titles) {
      if (unusedNames.remove(title)) {
        tally.ported++;
      } else if (unusedSkips.remove(title)) {
        tally.notApplicable++;
      } else {
        tally.missing.add(title);
      }
    }
    tally.staleNotApplicable.addAll(unusedSkips);
    return tally;
  }

  /** The display names of the tests that port {@code file}. */
  private static List<String> portedNames(String file) throws ClassNotFoundException {
    if (file.equals("test/view.js")) {
      return CheckTitles.ofBackboneViewPort();
    }
    List<String> names = new ArrayList<>();
    for (Method method : Class.forName(PORTS.get(file)).getDeclaredMethods()) {
      DisplayName name = method.getAnnotation(DisplayName.class);
      if (name != null && method.isAnnotationPresent(Test.class)) {
        names.add(name.value());
      }
    }
    return names;
  }

  private static Map<String, List<String>> notApplicable() throws IOException {
    Map<String, List<String>> byFile = new LinkedHashMap<>();
    for (String line : read(NOT_APPLICABLE)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" \\| ", 3);
      assertEquals(3, parts.length, "file | title | reason: " + line);
      assertTrue(!parts[2].isBlank(), "a reason for " + line);
      byFile.computeIfAbsent(parts[0], f -> new ArrayList<>()).add(parts[1]);
    }
    return byFile;
  }

  /** "[file]" headers, each followed by its titles; comments only before the first (titles may start with #). */
  private static Map<String, List<String>> sections(List<String> lines) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : lines) {
      if (line.startsWith("[") && line.endsWith("]")) {
        current = new ArrayList<>();
        sections.put(line.substring(1, line.length() - 1), current);
      } else if (current != null && !line.isEmpty()) {
        current.add(line);
      }
    }
    return sections;
  }

  private static List<String> read(String resource) throws IOException {
    try (InputStream in = BackbonePortTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
