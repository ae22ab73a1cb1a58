package io.vertebra.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven for a generated project, offline, as on a machine where Vertebra's {@code mvn install} ran: a throw-away
 * local repository holding this build's libraries (the framework and the kit, as the install phase would put them)
 * and taking everything else from the developer's own local repository, read as a file repository and never
 * written. So the test runs in Vertebra's own {@code mvn verify}, before any install, and leaves no trace.
 */
final class OfflineMaven {

  private final Path repository;
  private final Path settings;

  private OfflineMaven(Path repository, Path settings) {
    this.repository = repository;
    this.settings = settings;
  }

  /** A repository in {@code dir} with the libraries of version {@code version} built in {@code target}. */
  static OfflineMaven create(Path dir, Path target, String version, Path sourceRepository) throws IOException {
    Path repository = dir.resolve("repository");
    for (String library : List.of("vertebra-framework", "vertebra-kit", "vertebra-devmode")) {
      Path folder = Files.createDirectories(repository.resolve("io/vertebra/" + library + "/" + version));
      Files.copy(target.resolve(library + "-" + version + ".jar"), folder.resolve(library + "-" + version + ".jar"));
      Files.copy(target.resolve("library/" + library + ".pom"), folder.resolve(library + "-" + version + ".pom"));
    }
    // Every repository, plugins' included, is the developer's local one, as a file repository. Releases only:
    // Vertebra's own snapshots come from the throw-away repository, never from an older install.
    Path settings = dir.resolve("settings.xml");
    Files.writeString(settings, """
        <settings>
          <mirrors>
            <mirror>
              <id>local-read-only</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """.formatted(sourceRepository.toUri()));
    return new OfflineMaven(repository, settings);
  }

  /** Runs {@code mvn -o <goals>} in {@code project}; output goes to {@code log}. Returns the exit status. */
  int run(Path project, Path log, long timeoutSeconds, String... goals) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repository, "-Daether.offline.protocols=file"));
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
