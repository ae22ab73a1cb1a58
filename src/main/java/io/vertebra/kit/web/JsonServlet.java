package io.vertebra.kit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.web.JsonErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of a JSON endpoint: routes a request to the handler of its URL and method, answers {@code 404} for an
 * unknown URL and {@code 405} (with {@code Allow}) for an unknown method, serves {@code HEAD} wherever {@code GET}
 * is, and turns every failure into the JSON error contract ({@link JsonErrors}): an {@link ApiException} with its
 * status, a {@link ServiceUnavailableException} (the database is down) as {@code 503}, a bug as {@code 500} (logged,
 * never shown). Bad input never reaches a {@code 500}.
 *
 * <pre>{@code
 * protected Map<String, Handler> route(HttpServletRequest request) {
 *   return Map.of("GET", this::list, "POST", this::create); // validate first, then act
 * }
 * }</pre>
 */
public abstract class JsonServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(JsonServlet.class);

  /** Handles one method of one URL. */
  @FunctionalInterface
  protected interface Handler {
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
  }

  protected final transient ObjectMapper mapper;

  protected JsonServlet(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The handlers of the URL this request names, by HTTP method (in the order {@code Allow} lists them).
   *
   * @throws ApiException (404) when no such resource exists
   */
  protected abstract Map<String, Handler> route(HttpServletRequest request);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    try {
      Map<String, Handler> handlers = route(request);
      Handler handler = handlers.get(request.getMethod());
      if (handler == null && "HEAD".equals(request.getMethod())) {
        // HEAD is GET without the body, which Jetty drops for HEAD requests; Content-Length and ETag still tell.
        handler = handlers.get("GET");
      }
      if (handler != null) {
        handler.handle(request, response);
        return;
      }
      String allow = String.join(", ", handlers.keySet()) + (handlers.containsKey("GET") ? ", HEAD" : "")
          + ", OPTIONS";
      response.setHeader("Allow", allow);
      if ("OPTIONS".equals(request.getMethod())) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
      throw new ApiException(HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorCodes.METHOD_NOT_ALLOWED,
          request.getMethod() + " is not supported here; use " + allow, null, null);
    } catch (ApiException e) {
      writeError(request, response, e);
    } catch (BadMessageException e) {
      // Jetty refused the request itself (e.g. an unparsable or oversized form): the client's fault, not ours.
      int status = e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : HttpServletResponse.SC_BAD_REQUEST;
      String code = status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE ? ErrorCodes.PAYLOAD_TOO_LARGE
          : ErrorCodes.INVALID;
      writeError(request, response, new ApiException(status, code, "Unreadable request: " + e.getReason(), null, null));
    } catch (ServiceUnavailableException e) {
      LOG.error("Service unavailable on {} {}", request.getMethod(), request.getRequestURI(), e);
      writeError(request, response, new ApiException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCodes.UNAVAILABLE,
          "The database is not available; try again later", null, null));
    } catch (RuntimeException e) {
      LOG.error("Server fault on {} {}", request.getMethod(), request.getRequestURI(), e);
      writeError(request, response, new ApiException(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL,
          "Internal server error", null, null));
    }
  }

  /** Answers {@code status} with {@code body} as JSON. */
  protected void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    byte[] bytes = mapper.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private void writeError(HttpServletRequest request, HttpServletResponse response, ApiException e)
      throws IOException {
    ObjectNode extra = mapper.createObjectNode();
    if (e.field() != null) {
      extra.put(ErrorCodes.FIELD, e.field());
    }
    if (e.details() != null) {
      extra.setAll(e.details());
    }
    JsonErrors.write(request, response, e.status(), e.code(), e.getMessage(), extra);
  }
}
