package io.vertebra.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.posts.server.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the packaged app on its default embedded database: concurrent writers create, update and delete
 * posts while busy threads crowd the CPU, and the process is killed with SIGKILL right after a random number of
 * acknowledgements (or after a random time when they come slowly); after each restart on the same DATA_DIR every
 * acknowledged write is there exactly (or replaced by the one write that was in flight), acknowledged deletes stay
 * deleted, no post is half written and versions count the applied writes. Every broken promise is counted, the run
 * goes on, and the test fails at the end naming them all with the loss rate. Sizes and the seed: RELIABILITY.md.
 */
class CrashSafetyIT {

  private static final int WRITERS = 4;

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("SIGKILL right after acknowledgements under concurrent writes: nothing acknowledged is lost")
  void acknowledgedWritesSurviveKills() throws Exception {
    int cycles = Heavy.size("reliability.cycles", 10, 200);
    int hogs = Heavy.size("reliability.cpuHogs", 2, 2);
    Random random = new Random(Heavy.seed("CrashSafetyIT"));
    List<PostLedger> ledgers = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      ledgers.add(new PostLedger("writer-" + i));
    }
    List<String> violations = new ArrayList<>();
    int verified = 0;
    long began = System.nanoTime();
    try (JarServer server = new JarServer("serve", dataDir, Map.of())) {
      for (int cycle = 1; cycle <= cycles; cycle++) {
        server.start();
        verified += reconcile(server, ledgers, cycle, violations);
        int killAtAck = 1 + random.nextInt(60);
        long maxMillis = 200 + random.nextInt(1_300);
        int before = acknowledged(ledgers);
        writeUntilKilled(server, ledgers, random, killAtAck, maxMillis, hogs, violations);
        System.out.printf("CrashSafetyIT: cycle %d: killed at ack %d (or %d ms after the first): %d acked, %d in all%n",
            cycle, killAtAck, maxMillis, acknowledged(ledgers) - before, acknowledged(ledgers));
      }
      server.start();
      verified += reconcile(server, ledgers, cycles + 1, violations);
    }
    int acknowledged = acknowledged(ledgers);
    System.out.printf("CrashSafetyIT: %d SIGKILL cycles in %d s (%d busy threads); %d acknowledged writes on %d "
        + "posts; %d post checks after restarts; %d broken promises%n", cycles,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), hogs, acknowledged,
        ledgers.stream().mapToInt(PostLedger::trackedPosts).sum(), verified, violations.size());
    assertEquals(List.of(), violations, violations.size() + " broken promises in " + acknowledged
        + " acknowledged writes over " + cycles + " cycles");
    // A guard that the kills hit a writing server, not a proof of speed.
    assertTrue(acknowledged >= cycles * 2, "the writers got through: " + acknowledged);
  }

  private static int acknowledged(List<PostLedger> ledgers) {
    return ledgers.stream().mapToInt(PostLedger::acknowledgedWrites).sum();
  }

  /**
   * Runs the writers beside {@code hogs} busy threads and kills the server right after the {@code killAtAck}-th
   * acknowledgement of the cycle, or {@code maxMillis} after the first one if that comes first (counted from the first
   * so that a loaded machine, slow to answer right after a start, still gets writes killed); waits for the writers
   * to notice.
   */
  private static void writeUntilKilled(JarServer server, List<PostLedger> ledgers, Random random, int killAtAck,
      long maxMillis, int hogs, List<String> violations) throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch acks = new CountDownLatch(killAtAck);
    Runnable onAck = () -> {
      first.countDown();
      acks.countDown();
    };
    List<Writer> writers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (PostLedger ledger : ledgers) {
      Writer writer = new Writer(ledger, server.baseUrl(), random.nextLong(), onAck);
      writers.add(writer);
      threads.add(new Thread(writer, "writer-" + ledger.author()));
    }
    try (CpuHog hog = new CpuHog(hogs)) {
      threads.forEach(Thread::start);
      assertTrue(first.await(60, TimeUnit.SECONDS), "no write acknowledged within 60 s");
      acks.await(maxMillis, TimeUnit.MILLISECONDS);
      server.process().kill();
    }
    for (Thread t : threads) {
      t.join(30_000);
      assertTrue(!t.isAlive(), t.getName() + " noticed the crash");
    }
    for (Writer writer : writers) {
      if (writer.failure() != null) {
        violations.add("a writer saw a broken promise: " + writer.failure());
      }
    }
  }

  /**
   * Reads every stored post, checks each is intact, then each writer's ledger against them; adds what it finds
   * wrong to {@code violations} and prints it.
   */
  private static int reconcile(JarServer server, List<PostLedger> ledgers, int cycle, List<String> violations) {
    ApiClient api = new ApiClient(server.baseUrl());
    Map<String, Map<Long, JsonNode>> byAuthor = new HashMap<>();
    List<String> found = new ArrayList<>();
    for (JsonNode post : listAll(api)) {
      String damage = PostLedger.damage(post);
      if (damage != null) {
        found.add(damage);
      }
      byAuthor.computeIfAbsent(post.get("author").asText(), a -> new HashMap<>()).put(post.get("id").asLong(), post);
    }
    int verified = 0;
    for (PostLedger ledger : ledgers) {
      int known = ledger.violations().size();
      verified += ledger.reconcile(api, byAuthor.getOrDefault(ledger.author(), Map.of()));
      byAuthor.remove(ledger.author());
      found.addAll(ledger.violations().subList(known, ledger.violations().size()));
    }
    if (!byAuthor.isEmpty()) {
      found.add("posts by nobody who wrote: " + byAuthor);
    }
    violations.addAll(found);
    found.forEach(v -> System.out.println("CrashSafetyIT: BROKEN PROMISE after cycle " + (cycle - 1) + ": " + v));
    return verified;
  }

  /** Every post, following the list's next cursor. */
  static List<JsonNode> listAll(ApiClient api) {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      ApiClient.Reply page = api.get("/api/posts?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, page.status(), page::toString);
      page.json().forEach(all::add);
      cursor = page.header("X-Next-Cursor");
    } while (cursor != null);
    return all;
  }
}
