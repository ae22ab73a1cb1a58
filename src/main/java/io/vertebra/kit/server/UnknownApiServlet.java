package io.vertebra.kit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** JSON 404 for any {@code /api/...} URL no module serves, instead of the static files' HTML page. */
final class UnknownApiServlet extends JsonServlet {

  UnknownApiServlet(ObjectMapper mapper) {
    super(mapper);
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    throw ApiException.notFound("No such URL: " + request.getRequestURI());
  }
}
