package io.vertebra.kit.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.web.JsonErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /healthz}: 200 {@code {"status":"ok",...}} when every check passes, else 503 with
 * {@code {"error":"unavailable","message":...,"status":"unavailable",...}} (the JSON error contract,
 * {@link JsonErrors}) naming what failed; each check's outcome is under {@code checks}. No authentication (load
 * balancers call it), never cached, and no secrets in the body.
 */
public final class HealthServlet extends ReadOnlyServlet {

  private final transient ObjectMapper mapper = new ObjectMapper();
  private final String mode;
  private final transient List<HealthCheck> checks;

  /** A servlet reporting {@code mode} (e.g. {@code serve}) and the outcome of {@code checks}. */
  public HealthServlet(String mode, List<HealthCheck> checks) {
    this.mode = mode;
    this.checks = List.copyOf(checks);
  }

  @Override
  protected void answer(HttpServletResponse response) throws IOException {
    ObjectNode results = mapper.createObjectNode();
    List<String> problems = new ArrayList<>();
    for (HealthCheck check : checks) {
      HealthCheck.Status status = check.check();
      ObjectNode result = results.putObject(check.name());
      result.put("status", status.healthy() ? "ok" : "unavailable");
      if (status.problem() != null) {
        result.put("problem", status.problem());
        problems.add(check.name() + ": " + status.problem());
      }
      status.details().forEach((key, value) -> result.set(key, mapper.valueToTree(value)));
    }
    boolean healthy = problems.isEmpty();
    ObjectNode body = mapper.createObjectNode().put("status", healthy ? "ok" : "unavailable");
    body.put("mode", mode).set("checks", results);
    if (!healthy) {
      body = JsonErrors.body("unavailable", String.join("; ", problems), body);
    }
    send(response, healthy ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        "application/json; charset=utf-8", mapper.writeValueAsBytes(body));
  }
}
