package io.vertebra.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.posts.server.ApiClient;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/**
 * One user writing to its own posts as fast as the server answers: creates, full updates (PUT with the version in
 * the body), partial updates (PATCH with If-Match) and deletes (with If-Match), each recorded in a
 * {@link PostLedger} before it is sent and when it is acknowledged. Runs until the server goes away. Each
 * acknowledgement also runs {@code onAck}, so the test can kill the server right after one.
 */
final class Writer implements Runnable {

  private final PostLedger ledger;
  private final ApiClient api;
  private final Random random;
  private final Runnable onAck;
  private volatile Throwable failure;
  private int sequence;

  Writer(PostLedger ledger, String baseUrl, long seed, Runnable onAck) {
    this.ledger = ledger;
    this.onAck = onAck;
    this.api = new ApiClient(baseUrl);
    this.random = new Random(seed);
    if (ledger.sessionCookie() == null) {
      // Signed in once per ledger, the session kept across kills and restarts (sessions are durable): the author
      // who created a post is the only one who may delete it, so every cycle's writer must be the same user.
      String setCookie = api.send("POST", "/api/session", "{\"name\":" + ApiClient.quote(ledger.author()) + "}")
          .header("Set-Cookie");
      ledger.sessionCookie(setCookie.substring(0, setCookie.indexOf(';')));
    }
  }

  /** A broken promise seen while writing (an unexpected status), or null. */
  Throwable failure() {
    return failure;
  }

  @Override
  public void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        writeOnce();
      }
    } catch (UncheckedIOException | IllegalStateException expected) {
      // the server died under us: the pending write stays unknown until the restart settles it
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void writeOnce() {
    List<Long> live = ledger.live();
    int dice = random.nextInt(100);
    if (live.size() < 3 || dice < 25) {
      create();
    } else {
      long id = live.get(random.nextInt(live.size()));
      if (dice < 35) {
        delete(id);
      } else {
        update(id, dice < 70);
      }
    }
  }

  private void create() {
    String title = ledger.author() + " n" + (++sequence) + " v1";
    String body = text(1);
    ledger.sending(new PostLedger.Pending("create", 0, 1, title, body));
    ApiClient.Reply reply = api.send("POST", "/api/posts", json(title, body, null), "Cookie", ledger.sessionCookie());
    expect(201, reply);
    acknowledged(reply.json());
  }

  private void update(long id, boolean put) {
    long version = ledger.acked(id).get("version").asLong();
    String title = ledger.author() + " p" + id + " v" + (version + 1);
    String body = text(version + 1);
    ledger.sending(new PostLedger.Pending("update", id, version + 1, title, body));
    ApiClient.Reply reply = put
        ? api.send("PUT", "/api/posts/" + id, json(title, body, version), "Cookie", ledger.sessionCookie())
        : api.send("PATCH", "/api/posts/" + id, json(title, body, null), "If-Match", "\"" + version + "\"",
            "Cookie", ledger.sessionCookie());
    expect(200, reply);
    acknowledged(reply.json());
  }

  private void delete(long id) {
    long version = ledger.acked(id).get("version").asLong();
    ledger.sending(new PostLedger.Pending("delete", id, version, null, null));
    expect(204, api.send("DELETE", "/api/posts/" + id, null, "If-Match", "\"" + version + "\"", "Cookie",
        ledger.sessionCookie()));
    acknowledged(null);
  }

  private void acknowledged(JsonNode post) {
    ledger.acknowledged(post);
    onAck.run();
  }

  /** A body of random length (up to a few KB, some non-ASCII) that ends with its version tag. */
  private String text(long version) {
    StringBuilder text = new StringBuilder();
    int words = 1 + random.nextInt(random.nextInt(10) == 0 ? 600 : 40);
    for (int i = 0; i < words; i++) {
      text.append(i % 7 == 6 ? "déjà-vu " : "word" + random.nextInt(1000) + " ");
    }
    return text.append("v").append(version).toString();
  }

  private static String json(String title, String body, Long version) {
    return "{\"title\":" + ApiClient.quote(title) + ",\"body\":" + ApiClient.quote(body)
        + (version == null ? "" : ",\"version\":" + version) + "}";
  }

  private static void expect(int status, ApiClient.Reply reply) {
    if (reply.status() != status) {
      throw new AssertionError("expected " + status + ", got " + reply);
    }
  }
}
