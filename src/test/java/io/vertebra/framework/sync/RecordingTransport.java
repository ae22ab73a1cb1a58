package io.vertebra.framework.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Transport} for tests, like Backbone's ajax stub: records every request and lets the test answer it
 * later (or never), so tests see exactly what was sent and control what comes back.
 */
public class RecordingTransport implements Transport {

  /** One request and the means to answer it. */
  public static final class Exchange {
    private final HttpRequest request;
    private final ResponseCallback callback;
    private boolean answered;

    Exchange(HttpRequest request, ResponseCallback callback) {
      this.request = request;
      this.callback = callback;
    }

    /** The request as sent. */
    public HttpRequest request() {
      return request;
    }

    /** Answers with a status and body; a request can be answered once. */
    public void respond(int status, String body) {
      respond(new HttpResponse(status, Map.of("Content-Type", "application/json"), body));
    }

    /** Answers with a full response. */
    public void respond(HttpResponse response) {
      if (answered) {
        throw new IllegalStateException("Already answered: " + request.method() + " " + request.url());
      }
      answered = true;
      callback.onResponse(response);
    }
  }

  private final List<Exchange> exchanges = new ArrayList<>();

  @Override
  public void send(HttpRequest request, ResponseCallback callback) {
    exchanges.add(new Exchange(request, callback));
  }

  /** Every request so far, oldest first. */
  public List<Exchange> exchanges() {
    return exchanges;
  }

  /** How many requests were sent. */
  public int count() {
    return exchanges.size();
  }

  /** The most recent exchange; fails when nothing was sent. */
  public Exchange last() {
    if (exchanges.isEmpty()) {
      throw new AssertionError("No request was sent");
    }
    return exchanges.get(exchanges.size() - 1);
  }

  /** The most recent request. */
  public HttpRequest lastRequest() {
    return last().request();
  }

  /** Answers the most recent request with 200 and this JSON body. */
  public void respondLast(String json) {
    last().respond(200, json);
  }
}
