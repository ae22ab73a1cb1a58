package io.vertebra.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Maven for a generated project, offline, as on a machine where Vertebra's {@code mvn install} ran, without
 * installing anything into the developer's local repository: a throw-away local repository whose
 * {@code io/vertebra} folder holds this build's libraries (the framework, the kit and the development loop, laid out
 * as the install phase lays them out) and whose every other folder is a link to the developer's own. So the test runs
 * in Vertebra's own {@code mvn verify}, before any install, and an older install is never used.
 *
 * <p>A link and not a file repository: Maven resolves version ranges (GWT's compiler has some) from the metadata a
 * local repository keeps per remote, which a file repository does not serve. Offline, with every artifact present,
 * Maven reads through the links and writes only into {@code io/vertebra}.
 */
final class OfflineMaven {

  static final List<String> LIBRARIES = List.of("vertebra-framework", "vertebra-kit", "vertebra-devmode");

  private final Path repository;

  private OfflineMaven(Path repository) {
    this.repository = repository;
  }

  /** A repository in {@code dir} with the libraries of {@code version} built in {@code target}. */
  static OfflineMaven create(Path dir, Path target, String version, Path sourceRepository) throws IOException {
    Path repository = Files.createDirectories(dir.resolve("repository"));
    linkAllBut(sourceRepository, repository, "io");
    Path io = Files.createDirectories(repository.resolve("io"));
    if (Files.isDirectory(sourceRepository.resolve("io"))) {
      linkAllBut(sourceRepository.resolve("io"), io, "vertebra");
    }
    for (String library : LIBRARIES) {
      Path folder = Files.createDirectories(io.resolve("vertebra/" + library + "/" + version));
      Files.copy(target.resolve(library + "-" + version + ".jar"), folder.resolve(library + "-" + version + ".jar"));
      Files.copy(target.resolve("library/" + library + ".pom"), folder.resolve(library + "-" + version + ".pom"));
    }
    return new OfflineMaven(repository);
  }

  private static void linkAllBut(Path from, Path to, String except) throws IOException {
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().equals(except)) {
          Files.createSymbolicLink(to.resolve(entry.getFileName().toString()), entry);
        }
      }
    }
  }

  /** Runs {@code mvn -o <goals>} in {@code project}; output goes to {@code log}. Returns the exit status. */
  int run(Path project, Path log, long timeoutSeconds, String... goals) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-Dmaven.repo.local=" + repository));
    command.addAll(List.of(goals));
    Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      return -1;
    }
    return process.exitValue();
  }
}
