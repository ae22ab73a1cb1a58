package io.vertebra.posts.server.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.posts.server.store.PostgresCluster;
import io.vertebra.server.AppServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  @DisplayName("when the database goes away, requests get a JSON 503, never a 500 or a hang")
  void databaseOutage(@TempDir Path outageData) throws Exception {
    PostgresCluster doomed = PostgresCluster.start(PostgresCluster.findBinaries());
    try (AppServer app = TestServers.serve(outageData, Map.of("DATABASE_URL", doomed.newDatabase()))) {
      ApiClient client = new ApiClient(app.baseUrl());
      client.signIn("Ann");
      long id = client.create("before the outage", "").get("id").asLong();
      doomed.close();
      assertError(client.get("/api/posts/" + id), 503, "unavailable");
      assertError(client.send("POST", "/api/posts", "{\"title\":\"x\"}"), 503, "unavailable");
    } finally {
      doomed.close();
    }
  }
}
