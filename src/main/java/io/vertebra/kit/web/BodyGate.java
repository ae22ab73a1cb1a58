package io.vertebra.kit.web;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Receives every request body in full before any servlet runs, without holding a thread while bytes trickle in:
 * the body is read asynchronously into memory (bounded by the endpoint's limit) and only then handed on, so a
 * servlet's blocking read returns at once. A body larger than its endpoint's limit is refused from its
 * Content-Length before a byte is read (413), or as soon as it grows past it (chunked bodies too); a body not
 * complete within {@code timeout} gets 408. Refusals close the connection instead of draining the rest.
 *
 * <p>Why: servlets read bodies with blocking calls, and a client sending one byte every few seconds held a pool
 * thread per connection: a few hundred such connections (tens of bytes per second in total) starved the whole
 * server (issue 21). Here a slow body costs a connection and at most its limit in memory, for at most
 * {@code timeout}; {@link ClientLimit} bounds how many one client may hold.
 */
public final class BodyGate extends Handler.Wrapper {

  /** The largest body accepted under a path prefix; the first matching prefix wins. */
  public record Limit(String pathPrefix, int maxBytes) {}

  /** How much of a refused body is read and dropped before the connection closes anyway. */
  static final long DRAIN_BYTES = 1 << 20;

  private final List<Limit> limits;
  private final int defaultMaxBytes;
  private final long timeoutMillis;

  /**
   * A gate around {@code next}.
   *
   * @param limits per-path-prefix body limits (checked in order)
   * @param defaultMaxBytes the limit for any other path
   * @param timeoutMillis how long a body may take to arrive in full, from the end of the request's headers
   */
  public BodyGate(Handler next, List<Limit> limits, int defaultMaxBytes, long timeoutMillis) {
    super(next);
    this.limits = List.copyOf(limits);
    this.defaultMaxBytes = defaultMaxBytes;
    this.timeoutMillis = timeoutMillis;
  }

  /** The limit for a path. */
  int maxBytes(String path) {
    for (Limit limit : limits) {
      if (path.startsWith(limit.pathPrefix())) {
        return limit.maxBytes();
      }
    }
    return defaultMaxBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long length = request.getLength();
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (length <= 0 && !chunked) {
      return super.handle(request, response, callback);
    }
    int max = maxBytes(Request.getPathInContext(request));
    if (length > max) {
      refuseThenDrain(request, response, callback, "The request body is larger than " + max + " bytes");
      return true;
    }
    new Reception(request, response, callback, max).start();
    return true;
  }

  /**
   * Answers 413 at once, then reads and drops what the client still sends (at most {@link #DRAIN_BYTES}, within the
   * body timeout) before the exchange ends and the connection closes. Closed at once, the unread bytes make the
   * kernel reset the connection, which can discard the answer before a client still sending its body reads it.
   */
  private void refuseThenDrain(Request request, Response response, Callback callback, String message) {
    CoreRefusal.send(response, Callback.from(() -> new Drain(request, callback).start(), callback::failed), 413,
        message);
  }

  /** The rest of a refused body, read and dropped without holding a thread. */
  private final class Drain implements Runnable {
    private final Request request;
    private final Callback callback;
    private final AtomicBoolean done = new AtomicBoolean();
    private long left = DRAIN_BYTES;
    private Scheduler.Task deadline;

    Drain(Request request, Callback callback) {
      this.request = request;
      this.callback = callback;
    }

    void start() {
      deadline = request.getComponents().getScheduler().schedule(this::finish, timeoutMillis, TimeUnit.MILLISECONDS);
      run();
    }

    @Override
    public void run() {
      while (!done.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
        left -= chunk.remaining();
        chunk.release();
        if (end || left <= 0) {
          finish();
          return;
        }
      }
    }

    private void finish() {
      if (done.compareAndSet(false, true)) {
        deadline.cancel();
        callback.succeeded();
      }
    }
  }

  /** One body being received: reads whatever has arrived, asks to be called back for more, never blocks. */
  private final class Reception implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int max;
    private final AtomicBoolean decided = new AtomicBoolean();
    private ByteBuffer body;
    private Scheduler.Task deadline;

    Reception(Request request, Response response, Callback callback, int max) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.max = max;
      long length = request.getLength();
      this.body = ByteBuffer.allocate(length > 0 ? (int) length : Math.min(max, 8192));
    }

    void start() {
      deadline = request.getComponents().getScheduler().schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
      run();
    }

    /** Reads what is available; called again by Jetty when more arrives. */
    @Override
    public void run() {
      while (!decided.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) { // the client went quiet past the idle timeout, or went away
          boolean timeout = chunk.getFailure() instanceof TimeoutException;
          refuse(timeout ? 408 : 400, timeout ? "The request body stopped arriving"
              : "The request body could not be read in full");
          return;
        }
        boolean last = chunk.isLast();
        boolean fits = append(chunk.getByteBuffer());
        chunk.release();
        if (!fits) {
          if (decided.compareAndSet(false, true)) {
            deadline.cancel();
            refuseThenDrain(request, response, callback, "The request body is larger than " + max + " bytes");
          }
          return;
        }
        if (last) {
          complete();
          return;
        }
      }
    }

    private boolean append(ByteBuffer bytes) {
      int n = bytes.remaining();
      if (body.position() + n > max) {
        return false;
      }
      if (body.remaining() < n) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(max, Math.max(body.capacity() * 2, body.position() + n)));
        body.flip();
        body = bigger.put(body);
      }
      body.put(bytes);
      return true;
    }

    private void expire() {
      refuse(408, "The request body did not arrive within " + timeoutMillis / 1000 + " s");
    }

    private void refuse(int status, String message) {
      if (decided.compareAndSet(false, true)) {
        deadline.cancel();
        CoreRefusal.send(response, callback, status, message);
      }
    }

    private void complete() {
      if (!decided.compareAndSet(false, true)) {
        return;
      }
      deadline.cancel();
      body.flip();
      Request received = new ReceivedRequest(request, body);
      try {
        if (!BodyGate.super.handle(received, response, callback)) {
          Response.writeError(received, response, callback, 404);
        }
      } catch (Throwable failure) {
        callback.failed(failure);
      }
    }
  }

  /** The request with its body already in memory: reads return it at once, in one last chunk. */
  private static final class ReceivedRequest extends Request.Wrapper {
    private Content.Chunk next;

    ReceivedRequest(Request request, ByteBuffer body) {
      super(request);
      this.next = Content.Chunk.from(body, true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk chunk = next;
      next = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public boolean consumeAvailable() {
      read();
      return true;
    }
  }
}
