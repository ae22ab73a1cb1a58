package io.vertebra.framework.suite;

import io.vertebra.framework.sync.HttpResponse;
import io.vertebra.framework.sync.Transport;

/** A Transport decorator that remembers the last response, so checks can read headers the server echoes. */
final class ResponseLog implements Transport {

  private final Transport delegate;
  private HttpResponse last;

  ResponseLog(Transport delegate) {
    this.delegate = delegate;
  }

  @Override
  public void send(io.vertebra.framework.sync.HttpRequest request, ResponseCallback callback) {
    last = null;
    delegate.send(request, response -> {
      last = response;
      callback.onResponse(response);
    });
  }

  HttpResponse last() {
    if (last == null) {
      throw Expect.fail("no response recorded");
    }
    return last;
  }
}
