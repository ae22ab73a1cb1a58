package io.vertebra.bench.fanout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One driver thread over many {@link WireClient}s: a selector for their sockets, plus a task queue through which
 * other threads hand it new sockets and requests, so each client is only ever touched by its own loop.
 */
final class SelectorLoop implements AutoCloseable {

  /** Work for the loop thread, with access to its selector. */
  interface Task {
    void run(Selector selector) throws IOException;
  }

  private final Selector selector;
  private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  SelectorLoop(String name) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** CPU nanoseconds the loop thread has used so far. */
  long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
  }

  /** Runs {@code task} on the loop thread soon. */
  void execute(Task task) {
    tasks.add(task);
    selector.wakeup();
  }

  private void loop() {
    try {
      while (running) {
        selector.select(SelectorLoop::ready);
        for (Task t; (t = tasks.poll()) != null; ) {
          try {
            t.run(selector);
          } catch (IOException | RuntimeException e) {
            e.printStackTrace(); // the driver's tasks handle their clients' errors; this is a driver bug
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("driver loop " + thread.getName(), e);
    }
  }

  private static void ready(SelectionKey key) {
    WireClient client = (WireClient) key.attachment();
    try {
      if (key.isConnectable()) {
        client.connectable();
        return;
      }
      if (key.isReadable()) {
        client.readable();
      }
      if (key.isValid() && key.isWritable()) {
        client.writable();
      }
    } catch (IOException | RuntimeException e) {
      client.fail(e);
    }
  }

  @Override
  public void close() throws InterruptedException, IOException {
    running = false;
    selector.wakeup();
    thread.join(5_000);
    selector.close();
  }
}
