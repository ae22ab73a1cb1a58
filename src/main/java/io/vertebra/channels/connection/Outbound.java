package io.vertebra.channels.connection;

import io.vertebra.channels.protocol.OutgoingFrame;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection's bounded send queue. Frames go straight to the transport's asynchronous send (which queues them in
 * order); this class counts what is still in flight and, when a client falls more than {@code maxFrames} frames or
 * {@code maxBytes} bytes behind, closes it with 4100 (over capacity: pusher-js reconnects after a back-off)
 * instead of letting memory grow. Sizes are the frames' UTF-8 bytes. Lock-free; safe to call from any thread.
 */
public final class Outbound {

  private final FrameSink sink;
  private final int maxFrames;
  private final long maxBytes;
  private final Executor closer;
  private final AtomicInteger frames = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param closer runs the overflow close, so it never happens inside a caller's lock
   */
  public Outbound(FrameSink sink, int maxFrames, long maxBytes, Executor closer) {
    this.sink = sink;
    this.maxFrames = maxFrames;
    this.maxBytes = maxBytes;
    this.closer = closer;
  }

  /** Queues {@code frame}; false when the connection is closed or was just closed for being too slow. */
  public boolean send(String frame) {
    return send(OutgoingFrame.of(frame));
  }

  /** Queues an encoded frame (possibly shared with other connections); false as {@link #send(String)}. */
  public boolean send(OutgoingFrame frame) {
    if (closed.get()) {
      return false;
    }
    int size = frame.size();
    int queuedFrames = frames.incrementAndGet();
    long queuedBytes = bytes.addAndGet(size);
    if (queuedFrames > maxFrames || queuedBytes > maxBytes) {
      release(size);
      closeAsync(io.vertebra.channels.protocol.ErrorCode.OVER_CAPACITY,
          "Over capacity: the client is not reading its messages fast enough");
      return false;
    }
    sink.send(frame, new Release(size));
    return true;
  }

  /** Frames accepted but not yet written. */
  public int pendingFrames() {
    return frames.get();
  }

  /** Closes the connection once (later calls do nothing), from the closer executor. */
  public void closeAsync(int code, String reason) {
    if (closed.compareAndSet(false, true)) {
      closer.execute(() -> sink.close(code, reason));
    }
  }

  /** Whether a close was requested. */
  public boolean isClosed() {
    return closed.get();
  }

  private void release(long size) {
    frames.decrementAndGet();
    bytes.addAndGet(-size);
  }

  /** Frees a frame's room in the queue however its send ended. */
  private final class Release implements FrameSink.Completion {
    private final int size;

    Release(int size) {
      this.size = size;
    }

    @Override
    public void sent() {
      release(size);
    }

    @Override
    public void failed(Throwable cause) {
      release(size);
    }
  }
}
