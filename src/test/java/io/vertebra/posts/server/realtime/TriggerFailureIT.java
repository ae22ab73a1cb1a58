package io.vertebra.posts.server.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.server.VertebraServer;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.PostsBackend;
import io.vertebra.posts.server.store.PostsDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A realtime service that is down or failing never costs a write: the failure is logged and counted. */
class TriggerFailureIT {

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("realtime service unreachable: writes succeed and every trigger is counted as failed")
  void unreachableService() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    writesSurvive(closedPort);
  }

  @Test
  @DisplayName("realtime service answering 500: writes succeed and every trigger is counted as failed")
  void failingService() throws Exception {
    Server failing = new Server();
    ServerConnector connector = new ServerConnector(failing);
    connector.setHost("127.0.0.1");
    failing.addConnector(connector);
    failing.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        Response.writeError(request, response, callback, 500, "realtime service broken");
        return true;
      }
    });
    failing.start();
    try {
      writesSurvive(connector.getLocalPort());
    } finally {
      failing.stop();
    }
  }

  private void writesSurvive(int realtimePort) throws Exception {
    Config config = Config.from(Map.of("DATA_DIR", dataDir.toString(), "PORT", "0",
        "PUSHER_URL", "http://key:secret@127.0.0.1:" + realtimePort + "/apps/1"));
    PostsBackend[] installed = new PostsBackend[1];
    VertebraServer server = VertebraServer.builder(config).database(PostsDatabase::open).withoutStaticFiles()
        .module(context -> installed[0] = PostsBackend.install(context)).start();
    PostsBackend backend = installed[0];
    try {
      ApiClient client = new ApiClient(server.baseUrl());
      client.signIn("Ann");
      JsonNode post = client.create("kept", "");
      long id = post.get("id").asLong();
      assertEquals(200, client.send("PATCH", "/api/posts/" + id, "{\"title\":\"still kept\"}").status());
      assertEquals(204, client.send("DELETE", "/api/posts/" + id, null).status());
      JsonNode other = client.create("another", "");
      assertEquals(other, client.get("/api/posts/" + other.get("id").asLong()).json());

      long deadline = System.currentTimeMillis() + 15_000;
      while (backend.triggerStats().failed() < 4 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(4, backend.triggerStats().attempted());
      assertEquals(4, backend.triggerStats().failed(), backend.triggerStats()::toString);
      assertEquals(0, backend.triggerStats().delivered());
      assertTrue(client.get("/api/posts").json().size() == 1, "the writes are all there");
    } finally {
      server.close();
    }
  }
}
