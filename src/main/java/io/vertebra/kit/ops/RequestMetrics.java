package io.vertebra.kit.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.EventsHandler;

/**
 * Wraps the whole server and counts every completed HTTP exchange by method and status code: API calls, static
 * files, 404s, WebSocket upgrades (101) and the operations endpoints themselves. Counting is a map lookup and a
 * {@link LongAdder} increment, lock-free; the label sets stay small because unusual methods count as
 * {@code other}.
 */
public final class RequestMetrics extends EventsHandler implements MetricSource {

  private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

  // Key: method index * 1000 + status code.
  private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();

  /** Counts the responses of {@code handler}. */
  public RequestMetrics(Handler handler) {
    super(handler);
  }

  @Override
  protected void onComplete(Request request, int status, HttpFields headers, Throwable failure) {
    int key = methodIndex(request.getMethod()) * 1000 + (status > 0 && status < 1000 ? status : 0);
    LongAdder counter = responses.get(key);
    if (counter == null) {
      counter = responses.computeIfAbsent(key, k -> new LongAdder());
    }
    counter.increment();
  }

  @Override
  public void collect(PrometheusText out) {
    out.counter("vertebra_http_requests_total",
        "HTTP responses completed, by request method and status code (every URL, including 404s and upgrades).");
    for (Map.Entry<Integer, LongAdder> e : new TreeMap<>(responses).entrySet()) {
      int method = e.getKey() / 1000;
      out.sample(e.getValue().sum(), "method", method < METHODS.length ? METHODS[method] : "other",
          "code", Integer.toString(e.getKey() % 1000));
    }
  }

  private static int methodIndex(String method) {
    for (int i = 0; i < METHODS.length; i++) {
      if (METHODS[i].equals(method)) {
        return i;
      }
    }
    return METHODS.length;
  }
}
