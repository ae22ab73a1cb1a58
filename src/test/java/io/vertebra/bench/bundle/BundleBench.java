package io.vertebra.bench.bundle;

import io.vertebra.bench.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Bundle-size benchmark: the JavaScript the compiled app downloads at first load (the module's script, plus the
 * largest permutation's cache.js when built with GWT's default linker; pusher-js excluded, being the same for any
 * framework), and the same for two small modules {@link ModuleBundle} compiles (the blog post's app, and an app that
 * is nothing but GWT's floor), against Backbone +
 * Underscore + jQuery minified from their npm packages (fetched with {@code npm pack} into target/bench-npm), all
 * gzipped at level 9; then {@link FirstLoad}: what a cold headless Chromium really fetches and how soon it shows the
 * post list; then TodoMVC against tastejs/todomvc's Backbone and GWT examples ({@link TodoMvcPeers}): size, and
 * ({@link TodosSpeed}) first load of 100 todos and toggle-all. Run after {@code mvn package} (needs war/posts/ and
 * war/todomvc/) with a tastejs/todomvc checkout (-DtodomvcDir). Writes target/benchmarks/bundle.json.
 */
public final class BundleBench {

  /** The baseline's packages and their minified files (inside the package tarball's {@code package/}). */
  private static final List<String[]> BASELINE = List.of(
      new String[] {"backbone@1.6.1", "backbone-1.6.1.tgz", "backbone-min.js"},
      new String[] {"underscore@1.13.7", "underscore-1.13.7.tgz", "underscore-umd-min.js"},
      new String[] {"jquery@3.7.1", "jquery-3.7.1.tgz", "dist/jquery.min.js"});

  private BundleBench() {}

  public static void main(String[] args) throws Exception {
    Path moduleDir = Path.of(System.getProperty("moduleDir", "war/posts"));
    Path npm = Path.of("target", "bench-npm");
    Report report = new Report("bundle");

    // The production build is one script (the framework's Production module, sso linker); a build with GWT's
    // default linker has a bootstrap nocache.js plus the permutation's cache.js: both are measured then.
    List<Path> scripts = new ArrayList<>();
    scripts.add(only(moduleDir, ".nocache.js"));
    try (Stream<Path> files = Files.list(moduleDir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".cache.js"))
          .max((a, b) -> Long.compare(size(a), size(b))).ifPresent(scripts::add);
    }
    long appRaw = 0;
    long appGzip = 0;
    for (Path script : scripts) {
      appRaw += size(script);
      appGzip += gzip(script);
    }
    List<String> names = scripts.stream().map(p -> p.getFileName().toString()).toList();
    report.put("app.scripts", String.join(" ", names)).put("app.raw_bytes", appRaw).put("app.gzip_bytes", appGzip);

    // The framework in an app the size of the classic blog post's (BlogApp), and the floor of any GWT app (a map, a
    // list, one DOM write: GWT's runtime and the JRE emulation every app carries), compiled the same way.
    Path blog = ModuleBundle.compile("blog");
    long blogGzip = gzip(blog);
    report.put("blog_app.raw_bytes", size(blog)).put("blog_app.gzip_bytes", blogGzip);
    Path floor = ModuleBundle.compile("floor");
    long floorGzip = gzip(floor);
    report.put("gwt_floor.raw_bytes", size(floor)).put("gwt_floor.gzip_bytes", floorGzip);

    Files.createDirectories(npm);
    long baseRaw = 0;
    long baseGzip = 0;
    for (String[] pkg : BASELINE) {
      Path tgz = npm.resolve(pkg[1]);
      if (!Files.exists(tgz)) {
        run(npm, "npm", "pack", "--silent", pkg[0]);
      }
      Path dir = npm.resolve(pkg[1].replace(".tgz", ""));
      Files.createDirectories(dir);
      run(dir, "tar", "xzf", tgz.toAbsolutePath().toString());
      Path file = dir.resolve("package").resolve(pkg[2]);
      long raw = size(file);
      long gz = gzip(file);
      report.put("baseline." + pkg[0] + ".raw_bytes", raw).put("baseline." + pkg[0] + ".gzip_bytes", gz);
      baseRaw += raw;
      baseGzip += gz;
    }
    report.put("baseline.raw_bytes", baseRaw).put("baseline.gzip_bytes", baseGzip);
    report.ratio("ratio.gzip", appGzip, baseGzip).ratio("ratio.raw", appRaw, baseRaw)
        .ratio("blog_app.ratio.gzip", blogGzip, baseGzip).ratio("gwt_floor.ratio.gzip", floorGzip, baseGzip);
    todoMvc(report);
    // What a real first load fetches: checks that the scripts above are the app's scripts Chromium loads, and adds
    // the total bytes and the time to the first rendered post list.
    FirstLoad.measure(report, Path.of("war"), names, Integer.getInteger("loads", 5),
        Integer.getInteger("posts.firstLoad", 20));
    report.write();
    // TodoMVC's speed against the Backbone example: first load to a list of N todos, then toggle-all.
    TodosSpeed.measure(report, Path.of("war"), TodoMvcPeers.root(), Integer.getInteger("loads", 5),
        Integer.getInteger("todos", 100));
    report.write();
  }

  /**
   * TodoMVC side by side: Vertebra's one script against the scripts of tastejs/todomvc's Backbone example (jQuery,
   * Underscore, Backbone, its sync and app) and of its GWT example (loader plus the smallest and the largest
   * permutation), all gzip -9, without pusher-js and todomvc-common's base.js.
   */
  private static void todoMvc(Report report) throws IOException {
    Path ours = Path.of(System.getProperty("todosDir", "war/todomvc")).resolve("todomvc.nocache.js");
    long oursGzip = gzip(ours);
    report.put("todos.raw_bytes", size(ours)).put("todos.gzip_bytes", oursGzip);
    Path root = TodoMvcPeers.root();
    long backbone = 0;
    for (Path script : TodoMvcPeers.backboneScripts(root)) {
      long gz = gzip(script);
      report.put("todos.backbone_example." + root.resolve("examples/backbone/dist").relativize(script)
          + ".gzip_bytes", gz);
      backbone += gz;
    }
    long loader = gzip(TodoMvcPeers.gwtLoader(root));
    long smallest = Long.MAX_VALUE;
    long largest = 0;
    for (Path permutation : TodoMvcPeers.gwtPermutations(root)) {
      long gz = gzip(permutation);
      smallest = Math.min(smallest, gz);
      largest = Math.max(largest, gz);
    }
    report.put("todos.backbone_example.gzip_bytes", backbone)
        .put("todos.gwt_example.loader_gzip_bytes", loader)
        .put("todos.gwt_example.gzip_bytes_min", loader + smallest)
        .put("todos.gwt_example.gzip_bytes_max", loader + largest)
        .ratio("todos.ratio.gzip_to_backbone_example", oursGzip, backbone)
        .ratio("todos.ratio.gzip_to_gwt_example_min", oursGzip, loader + smallest)
        .ratio("todos.ratio.gzip_to_gwt_example_max", oursGzip, loader + largest);
  }

  private static Path only(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
      if (found.size() != 1) {
        throw new IllegalStateException("expected one *" + suffix + " in " + dir + ", found " + found);
      }
      return found.get(0);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes after gzip at the best compression (what a server would precompress and serve). */
  static long gzip(Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(Files.readAllBytes(file));
    }
    return out.size();
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + String.join(" ", command));
    }
  }
}
