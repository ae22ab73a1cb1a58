package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Apps configured with bad JSON and every other unusable CHANNELS_APPS: the real process ({@code Main channels})
 * refuses to start with exit status 2 and one "Configuration error" line naming the problem, and never listens.
 */
class AppsConfigHostileIT {

  private static final String SECRET = "0123456789abcdef";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "truncated JSON | [{\"id\": \"a\", \"key\": | is not valid JSON at line 1",
      "not an array | {\"id\": \"a\"} | must be a JSON array of apps",
      "missing secret | [{\"id\": \"a\", \"key\": \"ka\"}] | app 1 has no secret",
      "short secret | [{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"abc\"}] | secret must be at least 16",
      "duplicate id | [{\"id\": \"a\", \"key\": \"k1\", \"secret\": \"S\"}, {\"id\": \"a\", \"key\": \"k2\","
          + " \"secret\": \"S\"}] | two apps have the id a",
      "duplicate key | [{\"id\": \"a\", \"key\": \"k1\", \"secret\": \"S\"}, {\"id\": \"b\", \"key\": \"k1\","
          + " \"secret\": \"S\"}] | two apps have the key k1",
      "the default app's id | [{\"id\": \"default-app\", \"key\": \"k9\", \"secret\": \"S\"}]"
          + " | two apps have the id default-app",
      "unknown field | [{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"S\", \"max_conections\": 3}]"
          + " | unknown field 'max_conections'",
      "bad limit | [{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"S\", \"max_connections\": -1}]"
          + " | max_connections must be a positive whole number",
      "bad webhook | [{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"S\", \"webhooks\": [{\"url\": \"javascript:x\"}]}]"
          + " | webhook 1: must be an http(s) URL",
      "missing file | /nonexistent/apps.json | cannot read the file /nonexistent/apps.json"})
  void theServerRefusesToStartAndSaysWhy(String name, String apps, String expected) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("CHANNELS_APPS", apps.replace("\"S\"", "\"" + SECRET + "\""));
    env.put("CHANNELS_APP_ID", "default-app");
    List<String> output = new ArrayList<>();
    int status = run(env, output);
    String all = String.join("\n", output);
    assertEquals(2, status, all);
    assertTrue(all.contains("Configuration error: CHANNELS_APPS"), all);
    assertTrue(all.contains(expected), "expected '" + expected + "' in:\n" + all);
    assertTrue(!all.contains("listening on"), all);
    assertTrue(!all.contains(SECRET), "no secret in the error: " + all);
  }

  private static int run(Map<String, String> extra, List<String> output) throws Exception {
    Path dataDir = Files.createTempDirectory("vertebra-apps-config");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", System.getProperty("java.class.path"), "io.vertebra.server.Main", "channels");
    pb.environment().putAll(extra);
    pb.environment().put("PORT", "0");
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("DATA_DIR", dataDir.toString());
    pb.redirectErrorStream(true);
    Process process = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        output.add(line);
        if (line.contains("listening on")) {
          process.destroyForcibly();
          break;
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not exit: " + output);
    }
    return process.exitValue();
  }
}
