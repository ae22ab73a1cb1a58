package io.vertebra.kit.web;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request its parser or URI checks refuse: illegal path characters, ambiguous
 * segments, bad UTF-8, conflicting framing; or a servlet's {@code sendError}) in the process-wide JSON error
 * contract ({@link JsonErrors}) instead of Jetty's HTML page. Never a stack trace or
 * exception detail: only the status's code and Jetty's fixed reason phrase.
 *
 * <p>Install {@link #JsonErrorHandler()} on the {@code Server} (requests refused before any context) and
 * {@link #forServletContext()} on the servlet context (Jetty's servlet layer needs its own handler type).
 */
public final class JsonErrorHandler extends ErrorHandler {

  public JsonErrorHandler() {
    configure(this);
  }

  /** The same answers for errors raised inside a servlet context. */
  public static org.eclipse.jetty.ee10.servlet.ErrorHandler forServletContext() {
    return new ForServletContext();
  }

  /** The machine-readable code for an HTTP status, matching the API's own codes where they exist. */
  public static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "timeout";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 421 -> "misdirected_request";
      case 429 -> "too_many_requests";
      case 431 -> "headers_too_large";
      case 501 -> "not_implemented";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal" : "http_" + status;
    };
  }

  /** The error body for {@code status}, with Jetty's reason (never the cause) as the message ({@link JsonErrors}). */
  public static String body(int status, String reason) {
    String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    return JsonErrors.text(code(status), message, null);
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true; // a refused PROPFIND or CONNECT deserves the same explanation as a GET
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws java.io.IOException {
    // Whatever the client accepts (even a garbage Accept header), the answer is JSON in UTF-8.
    if (!generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8),
        code, message, null)) {
      callback.succeeded();
    }
  }

  @Override
  protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
    writer.write(body(code, message));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    return jsonBadMessage(status, reason, fields);
  }

  private static void configure(ErrorHandler handler) {
    handler.setShowStacks(false);
    handler.setShowCauses(false);
    handler.setShowOrigin(false);
    handler.setDefaultResponseMimeType("application/json");
  }

  private static ByteBuffer jsonBadMessage(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8"));
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  /** The servlet-layer twin: same overrides, on the handler type Jetty's servlet context requires. */
  private static final class ForServletContext extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    ForServletContext() {
      configure(this);
    }

    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) throws java.io.IOException {
      if (!generateAcceptableResponse(request, response, callback, "application/json",
          List.of(StandardCharsets.UTF_8), code, message, null)) {
        callback.succeeded();
      }
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
      writer.write(body(code, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      return jsonBadMessage(status, reason, fields);
    }
  }
}
