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
 */
final class PostLedger {

  /** A write whose answer never came: it may or may not have been applied. */
  record Pending(String kind, long id, long version, String title, String body) {}

  private final String author;
  private final Map<Long, JsonNode> acked = new LinkedHashMap<>();
  private final List<Long> deleted = new ArrayList<>();
  private Pending pending;
  private int acknowledgedWrites;

  PostLedger(String author) {
    this.author = author;
  }

  String author() {
    return author;
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
    check(post.path("version").asLong() == write.version() && post.path("title").asText().equals(write.title())
        && post.path("body").asText().equals(write.body()), "the answer is not the write that was sent: " + post);
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
    for (long id : deleted) {
      check(api.get("/api/posts/" + id).status() == 404, "acknowledged delete of post " + id + " was undone");
      check(!mine.containsKey(id), "deleted post " + id + " is still listed");
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
      check(reply.status() == 200, "acknowledged post " + id + " is gone: " + reply);
      JsonNode now = reply.json();
      check(now.equals(mine.get(id)), "post " + id + " reads differently from the list: " + now);
      if (inFlight && write.kind().equals("update") && now.path("version").asLong() == write.version()) {
        check(now.path("title").asText().equals(write.title()) && now.path("body").asText().equals(write.body()),
            "in-flight update of post " + id + " was half applied: " + now);
        acked.put(id, now);
      } else {
        check(now.equals(before), "post " + id + " is not what was acknowledged.\n  acked: " + before
            + "\n  found: " + now);
      }
      verified++;
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
    check(unknown.size() == 1 && write != null && write.kind().equals("create"),
        "posts nobody acknowledged: " + unknown.values());
    JsonNode post = unknown.values().iterator().next();
    check(post.path("version").asLong() == 1 && post.path("title").asText().equals(write.title())
        && post.path("body").asText().equals(write.body()), "in-flight create was half applied: " + post);
    acked.put(post.get("id").asLong(), post);
  }

  /** The checks every stored post must pass, whoever wrote it. */
  static void checkIntact(JsonNode post) {
    check(post.path("id").asLong() > 0, "no id: " + post);
    long version = post.path("version").asLong();
    check(version >= 1, "bad version: " + post);
    String tag = " v" + version;
    check(post.path("title").asText().endsWith(tag) && post.path("body").asText().endsWith(tag),
        "version does not count the applied writes, or title and body come from different writes: " + post);
    check(!post.path("author").asText().isBlank(), "no author: " + post);
    Instant created = Instant.parse(post.path("createdAt").asText());
    Instant updated = Instant.parse(post.path("updatedAt").asText());
    check(!updated.isBefore(created), "updated before created: " + post);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }
}
