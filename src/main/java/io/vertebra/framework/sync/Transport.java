package io.vertebra.framework.sync;

/**
 * Sends one HTTP request and reports its response: the only part of {@link RestSync} that touches the network.
 * Implementations: RestyGWT in the browser, {@code sync.jvm.JdkHttpTransport} on the JVM, a recording double in
 * tests.
 */
@FunctionalInterface
public interface Transport {

  /**
   * Sends {@code request} and calls {@code callback} exactly once with the response, whatever its status. A
   * failure without any HTTP response (connection refused, timeout) is reported as status 0 with the reason as
   * the body.
   */
  void send(HttpRequest request, ResponseCallback callback);

  /**
   * Sends like {@link #send} and returns what cancels the request in flight: once it has run, the callback is
   * not called. This default cannot stop anything (it returns a no-op, and {@link RestSync} ignores the late
   * response); transports that can abort an exchange override it.
   */
  default Runnable sendCancellable(HttpRequest request, ResponseCallback callback) {
    send(request, callback);
    return () -> { };
  }

  /** Receives the response of one request. */
  @FunctionalInterface
  interface ResponseCallback {

    /** Called once with the response (status 0 when no HTTP response was received). */
    void onResponse(HttpResponse response);
  }
}
