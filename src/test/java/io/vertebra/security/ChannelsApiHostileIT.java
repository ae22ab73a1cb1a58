package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests against the channels HTTP API ({@link ChannelsApiCases}): never a 5xx, every refusal
 * a JSON {error, message} with a 4xx (as Pusher's API refuses), no internals or secrets in any answer, nothing
 * logged as an ERROR or with a stack trace, and the API still serves a correct request afterwards.
 */
class ChannelsApiHostileIT {

  private static AppUnderTest app;

  @BeforeAll
  static void start() throws Exception {
    app = new AppUnderTest();
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @Test
  void generatedHostileApiRequestsGetCleanClientErrors() {
    HostileRun run = new HostileRun("channels-http-api", 1200);
    RawHttp raw = new RawHttp(app.port());
    ChannelsApiCases cases = new ChannelsApiCases(app.appId(), app.key(), app.channelsSecret());
    app.log.clear();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < run.cases && failures.size() < 10; i++) {
      RawHttp.Request request = cases.next(run.random);
      RawHttp.Response response = raw.send(request);
      run.count(Integer.toString(response.status()));
      List<String> problems = app.leaks.problems(response.status(), response.body());
      if (!problems.isEmpty()) {
        failures.add(run.replay(i) + problems + "\n  " + request.describe() + "\n  -> " + response.status() + " "
            + response.body());
      }
    }
    run.report();
    if (!failures.isEmpty()) {
      fail(failures.size() + " bad answers:\n" + String.join("\n", failures));
    }
    RawHttp.Response ok = raw.send(new ChannelsApiCases(app.appId(), app.key(), app.channelsSecret())
        .valid("/apps/" + app.appId() + "/channels"));
    assertEquals(200, ok.status(), "the API still serves: " + ok.body());
    assertEquals("", app.log.noise(), "refused requests are not logged as errors with stack traces");
    assertEquals(List.of(), app.leaks.secretsIn(app.log.text()), "no secret in the log");
    assertTrue(run.outcomes().containsKey("401") && run.outcomes().containsKey("400"), "cases were refused");
  }
}
