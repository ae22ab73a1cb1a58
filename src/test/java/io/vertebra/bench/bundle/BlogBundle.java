package io.vertebra.bench.bundle;

import io.vertebra.bench.Scratch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Compiles {@code io.vertebra.bench.bundle.blog.Blog} (the classic blog post's app written with Vertebra) exactly as
 * the pom compiles the shipped app: the framework's Production module, {@code -XnoclassMetadata -XnocheckCasts}.
 * Its sources are copied alone to a scratch folder first: the whole of src/test/java on the GWT compiler's path
 * would put JUnit tests into the framework's source packages. About half a minute.
 */
final class BlogBundle {

  private static final String MODULE = "io.vertebra.bench.bundle.blog.Blog";
  private static final String SOURCES = "io/vertebra/bench/bundle/blog";

  private BlogBundle() {}

  /** Compiles the blog app and returns its one script ({@code blog.nocache.js}). */
  static Path compile() throws IOException, InterruptedException {
    Path sources = Scratch.directory("vertebra-bench-blog-src");
    Scratch.copyTree(Path.of("src/test/java", SOURCES), sources.resolve(SOURCES));
    Scratch.copyTree(Path.of("src/test/resources", SOURCES), sources.resolve(SOURCES));
    Path out = Scratch.directory("vertebra-bench-blog-out");
    String classpath = String.join(File.pathSeparator, sources.toString(), "src/main/java", "src/main/resources",
        System.getProperty("java.class.path"));
    Process gwt = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", classpath, "com.google.gwt.dev.Compiler", "-war", out.resolve("war").toString(),
        "-workDir", out.resolve("work").toString(), "-sourceLevel", "17", "-XnoclassMetadata", "-XnocheckCasts",
        MODULE)
        .redirectErrorStream(true).redirectOutput(out.resolve("gwt.log").toFile()).start();
    if (!gwt.waitFor(5, TimeUnit.MINUTES) || gwt.exitValue() != 0) {
      gwt.destroyForcibly();
      throw new IllegalStateException("GWT compile of " + MODULE + " failed:\n" + Files.readString(out.resolve("gwt.log")));
    }
    return out.resolve("war/blog/blog.nocache.js");
  }
}
