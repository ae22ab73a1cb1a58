package io.vertebra.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.posts.server.ApiClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one writer knows about its own posts: the last acknowledged state of each (the exact JSON the server
 * answered), plus the one write that was in flight when the server died, whose fate is unknown. After a restart,
 * {@link #reconcile} checks the stored posts against it: an acknowledged write is there exactly, or replaced by the
 * in-flight one in full; never anything else. Titles and bodies both carry the version they were written for
 * ({@code v7}), so a half-applied write or a version that does not count the applied writes shows.
 *
 * <p>A broken promise is recorded in {@link #violations()} (the caller fails on any), and the ledger then adopts
 * what the server holds, so that one loss does not hide the next: a long run counts every loss instead of stopping at
 * the first.
 */
final class PostLedger {

  /** A write whose answer never came: it may or may not have been applied. */
  record Pending(String kind, long id, long version, String title, String body) {}

  private final String author;
  private String sessionCookie;
  private final Map<Long, JsonNode> acked = new LinkedHashMap<>();
  private final List<Long> deleted = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private Pending pending;
  private int acknowledgedWrites;

  PostLedger(String author) {
    this.author = author;
  }

  String author() {
    return author;
  }

  /** The author's session cookie ({@code vertebra_session=...}), kept across cycles; null before the sign-in. */
  synchronized String sessionCookie() {
    return sessionCookie;
  }

  synchronized void sessionCookie(String cookie) {
    this.sessionCookie = cookie;
  }

  /** Live posts (acknowledged and not acknowledged deleted). */
  List<Long> live() {
    return new ArrayList<>(acked.keySet());
  }

  JsonNode acked(long id) {
    return acked.get(id);
  }

  int acknowledgedWrites() {
    return acknowledgedWrites;
  }

  int trackedPosts() {
    return acked.size() + deleted.size();
  }

  /** Every broken promise found so far, each naming the post and what was acknowledged. */
  List<String> violations() {
    return violations;
  }

  /** Records the write about to be sent. */
  void sending(Pending write) {
    pending = write;
  }

  /** The answer came: the write is acknowledged with {@code post} (null for a delete). */
  void acknowledged(JsonNode post) {
    Pending write = pending;
    pending = null;
    acknowledgedWrites++;
    if (write.kind().equals("delete")) {
      acked.remove(write.id());
      deleted.add(write.id());
      return;
    }
    if (!(post.path("version").asLong() == write.version() && post.path("title").asText().equals(write.title())
        && post.path("body").asText().equals(write.body()))) {
      throw new AssertionError("the answer is not the write that was sent: " + post);
    }
    acked.put(post.get("id").asLong(), post);
  }

  /**
   * Checks every post of this writer after a restart and settles the pending write; returns how many acknowledged
   * writes were verified. {@code mine} are this writer's posts as the full list shows them.
   */
  int reconcile(ApiClient api, Map<Long, JsonNode> mine) {
    Pending write = pending;
    pending = null;
    int verified = 0;
    for (long id : new ArrayList<>(deleted)) {
      ApiClient.Reply reply = api.get("/api/posts/" + id);
      if (reply.status() != 404 || mine.containsKey(id)) {
        violations.add("acknowledged delete of post " + id + " was undone: " + reply);
        deleted.remove(id);
        if (reply.status() == 200) {
          acked.put(id, reply.json());
        }
      }
      verified++;
    }
    for (long id : new ArrayList<>(acked.keySet())) {
      JsonNode before = acked.get(id);
      ApiClient.Reply reply = api.get("/api/posts/" + id);
      boolean inFlight = write != null && write.id() == id;
      if (reply.status() == 404 && inFlight && write.kind().equals("delete")) {
        acked.remove(id);
        deleted.add(id); // the delete in flight was applied: it now counts as done
        continue;
      }
      verified++;
      if (reply.status() != 200) {
        violations.add("acknowledged post " + id + " (version " + before.path("version").asLong() + ") is gone: "
            + reply);
        acked.remove(id);
        continue;
      }
      JsonNode now = reply.json();
      if (!now.equals(mine.get(id))) {
        violations.add("post " + id + " reads differently from the list: " + now);
      }
      if (inFlight && write.kind().equals("update") && now.path("version").asLong() == write.version()) {
        if (!(now.path("title").asText().equals(write.title()) && now.path("body").asText().equals(write.body()))) {
          violations.add("in-flight update of post " + id + " was half applied: " + now);
        }
      } else if (!now.equals(before)) {
        violations.add("post " + id + " is not what was acknowledged.\n  acked: " + before + "\n  found: " + now);
      }
      acked.put(id, now);
    }
    adoptCreate(write, mine);
    return verified;
  }

  /** A create in flight may have been applied: then it is the only post of ours nobody acknowledged. */
  private void adoptCreate(Pending write, Map<Long, JsonNode> mine) {
    Map<Long, JsonNode> unknown = new HashMap<>(mine);
    unknown.keySet().removeAll(acked.keySet());
    if (unknown.isEmpty()) {
      return;
    }
    if (unknown.size() == 1 && write != null && write.kind().equals("create")) {
      JsonNode post = unknown.values().iterator().next();
      if (!(post.path("version").asLong() == 1 && post.path("title").asText().equals(write.title())
          && post.path("body").asText().equals(write.body()))) {
        violations.add("in-flight create was half applied: " + post);
      }
    } else {
      violations.add("posts nobody acknowledged: " + unknown.values());
    }
    acked.putAll(unknown);
  }

  /** What is wrong with a stored post, whoever wrote it, or null when it is intact. */
  static String damage(JsonNode post) {
    long version = post.path("version").asLong();
    String tag = " v" + version;
    if (post.path("id").asLong() <= 0 || version < 1 || post.path("author").asText().isBlank()) {
      return "no id, version or author: " + post;
    }
    if (!post.path("title").asText().endsWith(tag) || !post.path("body").asText().endsWith(tag)) {
      return "version does not count the applied writes, or title and body come from different writes: " + post;
    }
    if (Instant.parse(post.path("updatedAt").asText()).isBefore(Instant.parse(post.path("createdAt").asText()))) {
      return "updated before created: " + post;
    }
    return null;
  }
}
