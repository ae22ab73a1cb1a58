package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code java -jar target/vertebra.jar channels} runs alone, and the real pusher-js works against it. */
class JarChannelsIT {

  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  @Test
  void channelsModeOfThePackagedJarServesPusherJs() throws Exception {
    Path jar = Path.of(System.getProperty("vertebra.jar", "target/vertebra.jar"));
    assertTrue(Files.exists(jar), "package the jar first: " + jar);
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "channels").redirectErrorStream(true);
    pb.environment().put("PORT", "0");
    pb.environment().put("DATA_DIR", Files.createTempDirectory("vertebra-jar-it").toString());
    pb.environment().put("CHANNELS_APP_ID", "4242");
    pb.environment().put("CHANNELS_KEY", "jar-test-key");
    pb.environment().put("CHANNELS_SECRET", "jar-test-secret-0123456789");
    Process process = pb.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      int port = -1;
      StringBuilder banner = new StringBuilder();
      String line;
      while (port < 0 && (line = out.readLine()) != null) {
        banner.append(line).append('\n');
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertTrue(port > 0, "no listening line:\n" + banner);
      String realtime = out.readLine();
      assertTrue(realtime.contains("jar-test-key"), realtime);
      assertTrue(realtime.startsWith("Realtime: this process is the channels server"), realtime);
      assertFalse(realtime.contains("jar-test-secret-0123456789"), "the secret is never printed in full");
      List<String> serverLog = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread drain = new Thread(() -> {
        try {
          out.lines().forEach(serverLog::add);
        } catch (java.io.UncheckedIOException closed) {
          // the process ended
        }
      });
      drain.setDaemon(true);
      drain.start();

      List<String> lines = PusherJsRunner.run(port, "4242", "jar-test-key", "jar-test-secret-0123456789",
          "public,private,presence,clientEvents", () -> { });
      String output = String.join("\n", lines) + "\nserver log:\n" + String.join("\n", serverLog);
      assertEquals("exit=0", lines.get(lines.size() - 1), output);
      assertTrue(lines.contains("DONE 4"), output);

      // SIGTERM: Jetty's shutdown hook stops the server; connected clients are told to reconnect (4200).
      var closeCode = new java.util.concurrent.CompletableFuture<Integer>();
      var established = new java.util.concurrent.CompletableFuture<Void>();
      java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
          java.net.URI.create("ws://127.0.0.1:" + port + "/app/jar-test-key?protocol=7"),
          new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence text,
                boolean last) {
              if (text.toString().contains("pusher:connection_established")) {
                established.complete(null);
              }
              ws.request(1);
              return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String r) {
              closeCode.complete(code);
              return null;
            }
          }).join();
      // Only a registered connection is told 4200; the upgrade completes before the server registers it, and a
      // fixed 300 ms pause was not always enough on a loaded machine. connection_established follows registration.
      established.get(10, TimeUnit.SECONDS);
      process.destroy();
      assertEquals(io.vertebra.channels.protocol.ErrorCode.RECONNECT, closeCode.get(10, TimeUnit.SECONDS));
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
