package io.vertebra.kit.store;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Group commit: a write counts as done only once a sync (an {@code fsync} of what the commits wrote) that began after
 * its commit has finished, and one sync serves every commit made before it began. Writers that commit while a sync
 * runs wait for the next one, which the first of them runs for all: under load, one {@code fsync} covers many writes
 * instead of each write paying its own behind the others.
 *
 * <p>Usage: {@link #committed()} right after each commit, then {@link #awaitDurable} before acknowledging it.
 */
public final class GroupSync {

  /** Syncs to the disk everything committed so far. */
  public interface Sync {
    void run() throws IOException;
  }

  private long committed;
  private long durable;
  private boolean running;

  /** Counts a commit that has just happened; returns its ticket for {@link #awaitDurable}. */
  public synchronized long committed() {
    return ++committed;
  }

  /**
   * Returns once commit {@code ticket} is on disk. When no sync is running, this writer runs one with {@code sync}
   * for every commit counted so far; otherwise it waits for that one to end and checks again. A failed sync makes no
   * one durable: its runner throws, and a waiter runs the next one.
   */
  public void awaitDurable(long ticket, Sync sync) throws IOException {
    long covers;
    synchronized (this) {
      while (true) {
        if (durable >= ticket) {
          return;
        }
        if (!running) {
          running = true;
          covers = committed;
          break;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("Interrupted while waiting for the write to reach the disk");
        }
      }
    }
    boolean done = false;
    try {
      sync.run();
      done = true;
    } finally {
      synchronized (this) {
        running = false;
        if (done) {
          durable = Math.max(durable, covers);
        }
        notifyAll();
      }
    }
  }
}
