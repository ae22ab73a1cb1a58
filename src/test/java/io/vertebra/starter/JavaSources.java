package io.vertebra.starter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Compiles a generated project's Java (main and test) with javac against this build's test class path, which holds
 * everything the project's own class path would: the framework, the server kit, GWT's client API, JUnit. Fast
 * enough for a unit test; the GWT compile and the project's own Maven build are NewProjectIT's.
 */
final class JavaSources {

  private JavaSources() {}

  /** javac's errors for every {@code .java} under {@code project/src}, or "" when it compiles. */
  static String compileErrors(Path project, Path classes) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        System.getProperty("java.class.path"), "--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8"));
    try (Stream<Path> walk = Files.walk(project.resolve("src"))) {
      walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(new String[0]));
    return status == 0 ? "" : errors.toString(StandardCharsets.UTF_8);
  }
}
