package io.vertebra.channels.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertebra.channels.protocol.OutgoingFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A large channel's broadcast, shared between threads: everyone once, the sender never, one thread's order kept. */
class ChannelBroadcastTest {

  @Test
  void aLargeChannelReachesEverySubscriberOnceExceptTheSender() {
    Channel channel = new Channel("news");
    List<RecordingSubscriber> all = subscribe(channel, 2_000);

    assertEquals(1_999, channel.broadcast("{\"event\":\"headline\"}", "s.7"));

    for (RecordingSubscriber s : all) {
      assertEquals(s.socketId().equals("s.7") ? 0 : 1, s.texts().size(), s.socketId());
    }
  }

  @Test
  void broadcastsMadeOneAfterTheOtherArriveInThatOrder() {
    Channel channel = new Channel("news");
    List<RecordingSubscriber> all = subscribe(channel, 1_000);

    for (int i = 0; i < 50; i++) {
      channel.broadcast(Integer.toString(i), null);
    }

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add(Integer.toString(i));
    }
    for (RecordingSubscriber s : all) {
      assertEquals(expected, s.texts(), s.socketId());
    }
  }

  @Test
  void aLargeChannelIsFannedOutByMoreThanOneThread() throws InterruptedException {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the caller fans out alone");
    Channel channel = new Channel("news");
    Set<Thread> senders = ConcurrentHashMap.newKeySet();
    CountDownLatch second = new CountDownLatch(1);
    AtomicBoolean broadcasting = new AtomicBoolean();
    for (int i = 0; i < 1_000; i++) {
      channel.subscribe(new Sending("s." + i) {
        @Override
        public void send(OutgoingFrame frame) {
          if (!broadcasting.get()) {
            return; // the subscription confirmation
          }
          if (!senders.add(Thread.currentThread())) {
            return;
          }
          if (senders.size() > 1) {
            second.countDown();
            return;
          }
          try {
            // The first thread's first send waits for another thread to start: one thread alone would wait 5 s.
            second.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
    }

    broadcasting.set(true);
    channel.broadcast("{\"event\":\"headline\"}", null);

    assertTrue(senders.size() > 1, "sent by " + senders);
  }

  @Test
  void aSmallChannelIsFannedOutByTheCaller() {
    Channel channel = new Channel("news");
    Set<Thread> senders = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < Math.min(Channel.PARALLEL_FROM - 1, 1_000); i++) {
      channel.subscribe(new Sending("s." + i) {
        @Override
        public void send(OutgoingFrame frame) {
          senders.add(Thread.currentThread());
        }
      });
    }
    senders.clear(); // the subscription confirmations

    channel.broadcast("{\"event\":\"headline\"}", null);

    assertEquals(Set.of(Thread.currentThread()), senders);
  }

  private static List<RecordingSubscriber> subscribe(Channel channel, int count) {
    List<RecordingSubscriber> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordingSubscriber s = new RecordingSubscriber("s." + i);
      channel.subscribe(s);
      s.clear(); // the subscription confirmation
      all.add(s);
    }
    return all;
  }

  /** A subscriber whose test says what a send does. */
  private abstract static class Sending implements Subscriber {
    private final String socketId;

    Sending(String socketId) {
      this.socketId = socketId;
    }

    @Override
    public String socketId() {
      return socketId;
    }
  }
}
