package io.vertebra.posts.server.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertebra.posts.server.store.PostgresCluster;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The REST contract on PostgreSQL (DATABASE_URL): a throw-away cluster of Debian's postgresql server, a fresh
 * database per test. Skipped, saying why, only when no PostgreSQL server binaries are installed.
 */
class PostsApiPostgresIT extends PostsApiContract {

  private static PostgresCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    Path binaries = PostgresCluster.findBinaries();
    assumeTrue(binaries != null, "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin, no initdb on "
        + "PATH): install Debian's 'postgresql' package to run the PostgreSQL tests");
    cluster = PostgresCluster.start(binaries);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected Map<String, String> databaseEnvironment() throws Exception {
    return Map.of("DATABASE_URL", cluster.newDatabase());
  }
}
