package io.vertebra.posts.server.store;

import io.vertebra.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests: {@code initdb} into a temporary folder, {@code pg_ctl start} on a free
 * loopback port (no TCP beyond 127.0.0.1, its socket in the same folder), {@code stop} and delete afterwards. Uses
 * Debian's server binaries ({@code /usr/lib/postgresql/N/bin}, or {@code initdb} on the PATH); as root it runs them
 * as the {@code postgres} user, because initdb refuses to run as root.
 */
public final class PostgresCluster implements AutoCloseable {

  private static final String USER = "vertebra";

  private final Path binDir;
  private final Path root;
  private final int port;
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresCluster(Path binDir, Path root, int port, boolean asPostgresUser) {
    this.binDir = binDir;
    this.root = root;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The folder holding initdb/pg_ctl, or null when no PostgreSQL server is installed. */
  public static Path findBinaries() throws IOException {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest = versions.map(v -> v.resolve("bin"))
            .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
            .max(Comparator.comparingInt(PostgresCluster::majorVersion)).orElse(null);
        if (newest != null) {
          return newest;
        }
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path bin = Path.of(dir);
      if (!dir.isEmpty() && Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
        return bin;
      }
    }
    return null;
  }

  /** Creates and starts a cluster with the binaries in {@code binDir}. */
  public static PostgresCluster start(Path binDir) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("vertebra-pg-");
    if (root) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    PostgresCluster cluster = new PostgresCluster(binDir, dir, FreePorts.next(), root);
    try {
      cluster.run("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
          "--no-locale", "--no-sync");
      cluster.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
          "-w", "-t", "60", "-o", "-p " + cluster.port + " -c listen_addresses=127.0.0.1"
              + " -c unix_socket_directories=" + dir, "start");
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Creates a new empty database and returns its JDBC URL. */
  public String newDatabase() throws SQLException {
    String name = "posts_test_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  /** Stops the server and deletes its files; does nothing the second time. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (!Files.exists(root)) {
      return;
    }
    try {
      if (Files.exists(root.resolve("data/postmaster.pid"))) {
        run("pg_ctl", "-D", root.resolve("data").toString(), "-m", "fast", "-w", "stop");
      }
    } finally {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private void run(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(binDir.resolve(tool).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(tool + " did not finish in 120 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      String log = Files.exists(root.resolve("server.log")) ? Files.readString(root.resolve("server.log")) : "";
      throw new IOException(tool + " failed (" + process.exitValue() + "): " + output + "\n" + log);
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
