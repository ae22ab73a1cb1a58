package io.vertebra.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class path a team's project gets from depending on a library: the jars its installed POM names, with their own
 * dependencies, resolved by Maven offline from the local repository this build used. Nothing of this build's own
 * class path is in it, so a dependency missing from the POM is missing here too.
 */
final class KitClasspath {

  private KitClasspath() {}

  /** The resolved jars (compile and runtime scope) of the POM at {@code pom}. */
  static List<Path> resolve(Path pom, Path workDir) throws IOException, InterruptedException {
    Path out = workDir.resolve("classpath.txt");
    List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-q", "-f", pom.toAbsolutePath().toString(),
        // Pinned as in Vertebra's pom.xml: the library's POM names no plugins, and offline only that one is there.
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
        "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + out.toAbsolutePath()));
    String repository = System.getProperty("vertebra.localRepository");
    if (repository != null) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    Path log = workDir.resolve("mvn.log");
    Process mvn = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!mvn.waitFor(5, TimeUnit.MINUTES)) {
      mvn.destroyForcibly();
      throw new AssertionError("resolving " + pom + " took over 5 minutes");
    }
    if (mvn.exitValue() != 0 || !Files.exists(out)) {
      throw new AssertionError("resolving " + pom + " failed:\n" + Files.readString(log));
    }
    String text = Files.readString(out, StandardCharsets.UTF_8).trim();
    return text.isEmpty() ? List.of()
        : Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
  }
}
