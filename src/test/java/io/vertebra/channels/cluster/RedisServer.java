package io.vertebra.channels.cluster;

import io.vertebra.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Debian {@code redis-server} for tests: loopback only, a free port, no persistence, its own working
 * folder. {@link #stop()} and {@link #start()} again on the same port simulate a Redis restart (which loses all
 * state, as a restart without persistence does). Fails with a clear message when redis-server is not installed.
 */
final class RedisServer implements AutoCloseable {

  private final Path binary;
  private final Path dir;
  private final int port;
  private Process process;

  private RedisServer(Path binary, Path dir, int port) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server on a free loopback port. */
  static RedisServer startNew() throws IOException, InterruptedException {
    RedisServer server = notStarted();
    server.start();
    return server;
  }

  /** A server with its port chosen but not running yet (nodes pointed at it find no Redis). */
  static RedisServer notStarted() throws IOException {
    return new RedisServer(findBinary(), Files.createTempDirectory("vertebra-redis-"), FreePorts.next());
  }

  private static Path findBinary() {
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("redis-server is not installed, so the channels cluster tests cannot run: install "
        + "Debian's redis-server package (apt-get install redis-server; .ci/run does it when missing)");
  }

  /** Starts (or restarts) the server and waits until it answers PING. */
  void start() throws IOException, InterruptedException {
    process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("redis-server did not start on port " + port + ": "
            + Files.readString(dir.resolve("redis.log")));
      }
      Thread.sleep(50);
    }
  }

  /** Stops the server (SIGTERM) and waits for it to exit. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** The loopback port it listens on. */
  int port() {
    return port;
  }

  /** The URL nodes use, {@code redis://127.0.0.1:PORT/0}. */
  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Sends one inline command and returns the raw reply (for assertions on Redis state). */
  String command(String line) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      int n = in.read(buffer);
      return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
  }

  private boolean answersPing() {
    try {
      return command("PING").startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
