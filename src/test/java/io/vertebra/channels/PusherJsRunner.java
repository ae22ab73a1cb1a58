package io.vertebra.channels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/node/pusher-js-interop.js with the real pusher-js (npm {@value #PUSHER_JS}, Node build),
 * installed once under target/node. Lines the script prints are collected; "RESTART" lines are handed to a
 * callback, whose completion is acknowledged to the script with "RESTARTED".
 */
final class PusherJsRunner {

  static final String PUSHER_JS = "pusher-js@8.6.0";

  /** What to do when the script asks for a server restart. */
  interface Restarter {
    void restart() throws Exception;
  }

  private static Path target() {
    return Path.of(System.getProperty("vertebra.target", "target"));
  }

  /** The installed pusher-js module directory, installing it with npm when missing. */
  static synchronized Path pusherJs() throws IOException, InterruptedException {
    Path prefix = target().resolve("node");
    Path module = prefix.resolve("node_modules/pusher-js");
    if (!Files.exists(module.resolve("package.json"))) {
      Files.createDirectories(prefix);
      Process npm = new ProcessBuilder("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
          "--no-save", PUSHER_JS).redirectErrorStream(true).start();
      String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm install " + PUSHER_JS + " failed:\n" + out);
      }
    }
    return module.toAbsolutePath();
  }

  /** Runs {@code scenarios} (comma-separated, or null for all); returns every line the script printed. */
  static List<String> run(int port, String appId, String key, String secret, String scenarios,
      Restarter restarter) throws Exception {
    Path script = Path.of("src/test/node/pusher-js-interop.js").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    if (scenarios != null) {
      command.add(scenarios);
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(Map.of("PUSHER_JS", pusherJs().toString(), "CHANNELS_PORT", Integer.toString(port),
        "CHANNELS_APP_ID", appId, "CHANNELS_KEY", key, "CHANNELS_SECRET", secret));
    Process node = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
        StandardCharsets.UTF_8)); Writer in = node.outputWriter(StandardCharsets.UTF_8)) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.equals("RESTART")) {
          restarter.restart();
          in.write("RESTARTED\n");
          in.flush();
        }
      }
    } finally {
      if (!node.waitFor(120, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    lines.add("exit=" + node.exitValue());
    return lines;
  }
}
