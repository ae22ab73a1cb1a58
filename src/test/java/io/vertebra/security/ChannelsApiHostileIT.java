package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated hostile requests against the channels HTTP API ({@link ChannelsApiCases}): never a 5xx, every refusal
 * a JSON {error, message} with a 4xx (as Pusher's API refuses), no internals or secrets in any answer, nothing
 * logged as an ERROR or with a stack trace, and the API still serves a correct request afterwards.
 */
class ChannelsApiHostileIT {

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();

  @Test
  void generatedHostileApiRequestsGetCleanClientErrors() {
    HostileRun run = new HostileRun("channels-http-api", 1200);
    RawHttp raw = new RawHttp(APP.port());
    ChannelsApiCases cases = new ChannelsApiCases(APP.appId(), APP.key(), APP.channelsSecret());
    APP.log().clear();
    for (int i = 0; run.more(i); i++) {
      RawHttp.Request request = cases.next(run.random);
      RawHttp.Response response = run.send(raw, request);
      List<String> problems = APP.leaks().problems(response.status(), response.body());
      if (!problems.isEmpty()) {
        run.bad(i, problems + "\n  " + request.describe() + "\n  -> " + response.status() + " " + response.body());
      }
    }
    run.finish();
    RawHttp.Response ok = raw.send(new ChannelsApiCases(APP.appId(), APP.key(), APP.channelsSecret())
        .valid("/apps/" + APP.appId() + "/channels"));
    assertEquals(200, ok.status(), "the API still serves: " + ok.body());
    APP.assertQuietLog("refused requests");
    assertTrue(run.outcomes().containsKey("401") && run.outcomes().containsKey("400"), "cases were refused");
  }
}
