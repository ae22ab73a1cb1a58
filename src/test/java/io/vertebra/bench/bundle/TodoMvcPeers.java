package io.vertebra.bench.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two TodoMVC peers the bench compares Vertebra's TodoMVC with, read from a checkout of tastejs/todomvc
 * ({@code -DtodomvcDir}, default target/bench-todomvc; the examples are not on the npm registry in their current
 * form, and their code is not ours to commit): {@code examples/backbone/dist} (Backbone, Underscore, jQuery, the
 * example's sync and app) and {@code examples/gwt} (the classic GWT widgets version, a loader plus one permutation
 * per browser). Scripts are those each page loads, without todomvc-common's {@code base.js} (the same for every
 * TodoMVC).
 */
final class TodoMvcPeers {

  private static final Pattern SCRIPT_SRC = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");

  private TodoMvcPeers() {}

  /** The checkout, or a clear error saying how to get one. */
  static Path root() {
    Path root = Path.of(System.getProperty("todomvcDir", "target/bench-todomvc"));
    if (!Files.isRegularFile(root.resolve("examples/backbone/dist/index.html"))) {
      throw new IllegalStateException("no tastejs/todomvc checkout at " + root.toAbsolutePath()
          + ": clone the repository there (git clone --depth 1 <tastejs/todomvc> " + root + ") or pass -DtodomvcDir");
    }
    return root;
  }

  /** The Backbone example's folder, served as is by the speed bench. */
  static Path backboneDist(Path root) {
    return root.resolve("examples/backbone/dist");
  }

  /** The scripts the Backbone example's page loads, in order, without base.js. */
  static List<Path> backboneScripts(Path root) throws IOException {
    Path dist = backboneDist(root);
    List<Path> scripts = new ArrayList<>();
    Matcher m = SCRIPT_SRC.matcher(Files.readString(dist.resolve("index.html")));
    while (m.find()) {
      if (!m.group(1).endsWith("base.js")) {
        scripts.add(dist.resolve(m.group(1)));
      }
    }
    return scripts;
  }

  /** The GWT example's loader. */
  static Path gwtLoader(Path root) {
    return root.resolve("examples/gwt/gwttodo/gwttodo.nocache.js");
  }

  /** The GWT example's permutations (a browser loads one of them after the loader). */
  static List<Path> gwtPermutations(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("examples/gwt/gwttodo"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".cache.js")).sorted().toList();
    }
  }
}
