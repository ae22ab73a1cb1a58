package io.vertebra.kit.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff} (a browser never runs an answer as a type
 * it was not declared as, e.g. a JSON error as script) and {@code frame-ancestors 'none'} with its older twin
 * {@code X-Frame-Options: DENY} (no other site can frame the app to trick clicks). Set before the app runs, so
 * an endpoint may still replace them (the console sets its own policy).
 */
public final class SecurityHeaders extends Handler.Wrapper {

  private static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");
  private static final HttpField NO_FRAMES = new HttpField("Content-Security-Policy", "frame-ancestors 'none'");
  private static final HttpField DENY = new HttpField("X-Frame-Options", "DENY");

  public SecurityHeaders(Handler next) {
    super(next);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    response.getHeaders().put(NOSNIFF);
    response.getHeaders().put(NO_FRAMES);
    response.getHeaders().put(DENY);
    return super.handle(request, response, callback);
  }
}
