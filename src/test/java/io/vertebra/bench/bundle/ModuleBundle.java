package io.vertebra.bench.bundle;

import io.vertebra.bench.Scratch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Compiles one of the benchmark's own GWT modules (io.vertebra.bench.bundle.NAME.NAME-capitalised, with its
 * {@code client} sources) exactly as the pom compiles the shipped app: the framework's Production module,
 * {@code -XnoclassMetadata -XnocheckCasts}, then the build's minifying pass (src/build/minify.mjs). The module's
 * sources are copied alone to a scratch folder first: the
 * whole of src/test/java on the GWT compiler's path would put JUnit tests into the framework's source packages.
 * Up to half a minute each.
 */
final class ModuleBundle {

  private ModuleBundle() {}

  /** Compiles module {@code name} ("blog": io.vertebra.bench.bundle.blog.Blog) and returns its one script. */
  static Path compile(String name) throws IOException, InterruptedException {
    String sourcesPath = "io/vertebra/bench/bundle/" + name;
    String module = "io.vertebra.bench.bundle." + name + "." + Character.toUpperCase(name.charAt(0))
        + name.substring(1);
    Path sources = Scratch.directory("vertebra-bench-" + name + "-src");
    Scratch.copyTree(Path.of("src/test/java", sourcesPath), sources.resolve(sourcesPath));
    Scratch.copyTree(Path.of("src/test/resources", sourcesPath), sources.resolve(sourcesPath));
    Path out = Scratch.directory("vertebra-bench-" + name + "-out");
    String classpath = String.join(File.pathSeparator, sources.toString(), "src/main/java", "src/main/resources",
        System.getProperty("java.class.path"));
    Process gwt = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", classpath, "com.google.gwt.dev.Compiler", "-war", out.resolve("war").toString(),
        "-workDir", out.resolve("work").toString(), "-sourceLevel", "17", "-XnoclassMetadata", "-XnocheckCasts",
        module)
        .redirectErrorStream(true).redirectOutput(out.resolve("gwt.log").toFile()).start();
    if (!gwt.waitFor(5, TimeUnit.MINUTES) || gwt.exitValue() != 0) {
      gwt.destroyForcibly();
      throw new IllegalStateException("GWT compile of " + module + " failed:\n"
          + Files.readString(out.resolve("gwt.log")));
    }
    Path script = out.resolve("war/" + name + "/" + name + ".nocache.js");
    // The same second minifying pass as the shipped apps get (pom.xml, minify-clients).
    Process minify = new ProcessBuilder("node", "src/build/minify.mjs", "target/npm-minify", script.toString())
        .redirectErrorStream(true).redirectOutput(out.resolve("minify.log").toFile()).start();
    if (!minify.waitFor(5, TimeUnit.MINUTES) || minify.exitValue() != 0) {
      minify.destroyForcibly();
      throw new IllegalStateException("minifying " + script + " failed:\n"
          + Files.readString(out.resolve("minify.log")));
    }
    return script;
  }
}
