package io.vertebra.posts.server.store;

import java.sql.SQLException;

/**
 * Group commit for H2: a write counts as done only once a {@code CHECKPOINT SYNC} that began after its commit has
 * finished, and one checkpoint serves every commit made before it began. Writers that commit while a checkpoint runs
 * wait for the next one, which the first of them runs for all: under load, one {@code fsync} covers many writes
 * instead of each write paying its own behind the others.
 *
 * <p>Usage: {@link #committed()} right after each commit, then {@link #awaitDurable} before acknowledging it.
 */
final class GroupCheckpoint {

  /** Writes out and syncs everything committed so far (H2's {@code CHECKPOINT SYNC}). */
  interface Checkpoint {
    void run() throws SQLException;
  }

  private long committed;
  private long durable;
  private boolean running;

  /** Counts a commit that has just happened; returns its ticket for {@link #awaitDurable}. */
  synchronized long committed() {
    return ++committed;
  }

  /**
   * Returns once commit {@code ticket} is on disk. When no checkpoint is running, this writer runs one with
   * {@code checkpoint} for every commit counted so far; otherwise it waits for that one to end and checks again. A
   * failed checkpoint makes no one durable: its runner throws, and a waiter runs the next one.
   */
  void awaitDurable(long ticket, Checkpoint checkpoint) throws SQLException {
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
          throw new SQLException("Interrupted while waiting for the write to reach the disk", e);
        }
      }
    }
    boolean done = false;
    try {
      checkpoint.run();
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
