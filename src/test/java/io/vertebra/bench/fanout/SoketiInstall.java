package io.vertebra.bench.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Soketi, the peer users compare the channels server with, installed with npm on first use into a cache folder
 * outside the repository ({@code -DsoketiDir}, default {@code ~/.cache/vertebra-bench/soketi-VERSION}), never
 * committed. Its uWebSockets.js dependency points outside the npm registry, so an override names a build that
 * the registry serves.
 */
final class SoketiInstall {

  static final String VERSION = "1.6.1";

  private static final String PACKAGE_JSON = """
      {
        "name": "vertebra-bench-soketi",
        "private": true,
        "dependencies": {"@soketi/soketi": "%s"},
        "overrides": {"uWebSockets.js": "npm:@trufflesuite/uws-js-unofficial@20.30.0-unofficial.0"}
      }
      """.formatted(VERSION);

  private SoketiInstall() {}

  /** Soketi's start script, installed first when it is not there yet. */
  static Path serverScript() throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("soketiDir",
        Path.of(System.getProperty("user.home"), ".cache", "vertebra-bench", "soketi-" + VERSION).toString()));
    Path script = dir.resolve("node_modules/@soketi/soketi/bin/server.js");
    if (Files.exists(script)) {
      return script;
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("package.json"), PACKAGE_JSON);
    System.out.println("Installing Soketi " + VERSION + " into " + dir + " (once; about a minute)");
    Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(dir.toFile()).inheritIO().start();
    if (!npm.waitFor(10, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      throw new IOException("npm install of Soketi took more than 10 minutes");
    }
    if (npm.exitValue() != 0 || !Files.exists(script)) {
      throw new IOException("npm install of Soketi failed (exit " + npm.exitValue() + ") in " + dir);
    }
    return script;
  }
}
