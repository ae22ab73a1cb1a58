package io.vertebra.framework.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Json;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Sync;
import io.vertebra.framework.core.SyncRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Backbone 1.6.1 test/sync.js, ported to {@link RestSync} over a {@link RecordingTransport}. */
class SyncTest {

  private RecordingTransport transport;
  private RestSync rest;
  private Collection<Model> library;
  private final int[] count = {0};

  private static Map<String, Object> attrs(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @BeforeEach
  void setUp() {
    transport = new RecordingTransport();
    rest = new RestSync(transport);
    DefaultSync.set(rest);
    library = new Collection<Model>().setUrl("/library");
    library.create(attrs("title", "The Tempest", "author", "Bill Shakespeare", "length", 123),
        new Options().waitForServer(false));
  }

  @AfterEach
  void tearDown() {
    DefaultSync.set(null);
  }

  private HttpRequest ajaxSettings() {
    return transport.lastRequest();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> jsonBody() {
    return (Map<String, Object>) Json.parse(ajaxSettings().body());
  }

  /** Decodes the form body of an emulateJSON request. */
  private Map<String, String> formBody() {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : ajaxSettings().body().split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return fields;
  }

  private Model testModel() {
    return new Model().setUrl("/test");
  }

  @Test
  @DisplayName("read")
  void read() {
    library.fetch();
    assertEquals("/library", ajaxSettings().url());
    assertEquals("GET", ajaxSettings().method());
    assertEquals("application/json", ajaxSettings().header("Accept"));
    assertNull(ajaxSettings().body());
  }

  @Test
  @DisplayName("passing data")
  void passingData() {
    library.fetch(new Options().data(attrs("a", "a", "one", 1)));
    assertEquals("/library?a=a&one=1", ajaxSettings().url());
    assertNull(ajaxSettings().body());
  }

  @Test
  @DisplayName("create")
  void create() {
    assertEquals("/library", ajaxSettings().url());
    assertEquals("POST", ajaxSettings().method());
    assertEquals("application/json", ajaxSettings().contentType());
    Map<String, Object> data = jsonBody();
    assertEquals("The Tempest", data.get("title"));
    assertEquals("Bill Shakespeare", data.get("author"));
    assertEquals(123.0, data.get("length"));
  }

  @Test
  @DisplayName("update")
  void update() {
    library.first().save(attrs("id", "1-the-tempest", "author", "William Shakespeare"));
    assertEquals("/library/1-the-tempest", ajaxSettings().url());
    assertEquals("PUT", ajaxSettings().method());
    assertEquals("application/json", ajaxSettings().header("Accept"));
    Map<String, Object> data = jsonBody();
    assertEquals("1-the-tempest", data.get("id"));
    assertEquals("The Tempest", data.get("title"));
    assertEquals("William Shakespeare", data.get("author"));
    assertEquals(123.0, data.get("length"));
  }

  @Test
  @DisplayName("update with emulateHTTP and emulateJSON")
  void updateWithEmulateHttpAndJson() {
    library.first().save(attrs("id", "2-the-tempest", "author", "Tim Shakespeare"),
        new Options().emulateHTTP(true).emulateJSON(true));
    assertEquals("/library/2-the-tempest", ajaxSettings().url());
    assertEquals("POST", ajaxSettings().method());
    assertEquals("PUT", ajaxSettings().header("X-HTTP-Method-Override"));
    Map<String, String> form = formBody();
    assertEquals("PUT", form.get("_method"));
    Map<String, Object> data = Json.parseObject(form.get("model"));
    assertEquals("2-the-tempest", data.get("id"));
    assertEquals("Tim Shakespeare", data.get("author"));
    assertEquals(123.0, data.get("length"));
  }

  @Test
  @DisplayName("update with just emulateHTTP")
  void updateWithJustEmulateHttp() {
    library.first().save(attrs("id", "2-the-tempest", "author", "Tim Shakespeare"),
        new Options().emulateHTTP(true));
    assertEquals("/library/2-the-tempest", ajaxSettings().url());
    assertEquals("POST", ajaxSettings().method());
    assertEquals("application/json", ajaxSettings().contentType());
    Map<String, Object> data = jsonBody();
    assertEquals("2-the-tempest", data.get("id"));
    assertEquals("Tim Shakespeare", data.get("author"));
    assertEquals(123.0, data.get("length"));
  }

  @Test
  @DisplayName("update with just emulateJSON")
  void updateWithJustEmulateJson() {
    library.first().save(attrs("id", "2-the-tempest", "author", "Tim Shakespeare"),
        new Options().emulateJSON(true));
    assertEquals("/library/2-the-tempest", ajaxSettings().url());
    assertEquals("PUT", ajaxSettings().method());
    assertEquals(RestSync.FORM, ajaxSettings().contentType());
    Map<String, Object> data = Json.parseObject(formBody().get("model"));
    assertEquals("2-the-tempest", data.get("id"));
    assertEquals("Tim Shakespeare", data.get("author"));
    assertEquals(123.0, data.get("length"));
  }

  @Test
  @DisplayName("read model")
  void readModel() {
    library.first().save(attrs("id", "2-the-tempest", "author", "Tim Shakespeare"));
    library.first().fetch();
    assertEquals("/library/2-the-tempest", ajaxSettings().url());
    assertEquals("GET", ajaxSettings().method());
    assertNull(ajaxSettings().body());
  }

  @Test
  @DisplayName("destroy")
  void destroy() {
    library.first().save(attrs("id", "2-the-tempest", "author", "Tim Shakespeare"));
    library.first().destroy(new Options().waitForServer(true));
    assertEquals("/library/2-the-tempest", ajaxSettings().url());
    assertEquals("DELETE", ajaxSettings().method());
    assertNull(ajaxSettings().body());
  }

  @Test
  @DisplayName("destroy with emulateHTTP")
  void destroyWithEmulateHttp() {
    library.first().save(attrs("id", "2-the-tempest", "author", "Tim Shakespeare"));
    library.first().destroy(new Options().emulateHTTP(true).emulateJSON(true));
    assertEquals("/library/2-the-tempest", ajaxSettings().url());
    assertEquals("POST", ajaxSettings().method());
    assertEquals("_method=DELETE", ajaxSettings().body());
  }

  @Test
  @DisplayName("urlError")
  void urlError() {
    Model model = new Model();
    assertThrows(IllegalStateException.class, model::fetch);
    model.fetch(new Options().url("/one/two"));
    assertEquals("/one/two", ajaxSettings().url());
  }

  @Test
  @DisplayName("#1052 - `options` is optional.")
  void optionsAreOptional() {
    rest.sync(Sync.CREATE, testModel(), null);
    assertEquals("/test", ajaxSettings().url());
  }

  @Test
  @DisplayName("Backbone.ajax")
  void pluggableTransport() {
    List<String> urls = new ArrayList<>();
    new RestSync((request, callback) -> urls.add(request.url())).sync(Sync.CREATE, testModel(), null);
    assertEquals(List.of("/test"), urls);
  }

  @Test
  @DisplayName("Call provided error callback on error.")
  void errorCallbackOnError() {
    rest.sync(Sync.READ, testModel(), new Options().error((target, response, options) -> count[0]++));
    transport.last().respond(500, "");
    assertEquals(1, count[0]);
  }

  /** The RestSync default for a flag is copied into the options of a call that does not set it. */
  private void assertDefaultCopied(java.util.function.Consumer<Boolean> setDefault, String option) {
    Model model = testModel();
    Options first = new Options();
    setDefault.accept(true);
    model.sync(Sync.CREATE, first);
    assertTrue(first.isTrue(option));
    Options second = new Options();
    setDefault.accept(false);
    model.sync(Sync.CREATE, second);
    assertTrue(second.isFalse(option));
  }

  @Test
  @DisplayName("Use Backbone.emulateHTTP as default.")
  void emulateHttpDefault() {
    assertDefaultCopied(rest::setEmulateHTTP, Options.EMULATE_HTTP);
  }

  @Test
  @DisplayName("Use Backbone.emulateJSON as default.")
  void emulateJsonDefault() {
    assertDefaultCopied(rest::setEmulateJSON, Options.EMULATE_JSON);
  }

  @Test
  @DisplayName("#1756 - Call user provided beforeSend function.")
  void userBeforeSendWithMethodOverride() {
    rest.setEmulateHTTP(true);
    List<HttpRequest> seen = new ArrayList<>();
    List<Map<String, String>> headersSeen = new ArrayList<>();
    BeforeSend beforeSend = (request, headers) -> {
      seen.add(request);
      headersSeen.add(headers);
      return false;
    };
    int sent = transport.count();
    testModel().sync(Sync.DELETE, new Options().set(BeforeSend.OPTION, beforeSend));
    assertEquals(1, seen.size());
    assertEquals("DELETE", headersSeen.get(0).get("X-HTTP-Method-Override"));
    assertEquals("POST", seen.get(0).method());
    // The hook's false travels back to the request: it is never sent.
    assertEquals(sent, transport.count());
  }

  @Test
  @DisplayName("#2928 - Pass along `textStatus` and `errorThrown`.")
  void textStatusAndErrorThrown() {
    Model model = testModel();
    model.on("error", args -> {
      Options options = (Options) args[2];
      assertEquals("error", options.get("textStatus"));
      assertEquals("HTTP 503", options.get("errorThrown"));
      count[0]++;
    });
    model.fetch();
    transport.last().respond(503, "busy");
    assertEquals(1, count[0]);
  }

  // ------------------------------------------------------------------ Java-specific

  @Test
  @DisplayName("a header hook adds its header to every request until removed")
  void headerHook() {
    HeaderHook socketId = (method, url, headers) -> headers.put("X-Socket-Id", "123.456");
    RestSync.addHeaderHook(socketId);
    try {
      library.fetch();
      assertEquals("123.456", ajaxSettings().header("x-socket-id"));
    } finally {
      RestSync.removeHeaderHook(socketId);
    }
    library.fetch();
    assertNull(ajaxSettings().header("X-Socket-Id"));
  }

  @Test
  @DisplayName("an error response carries its status and parsed JSON body to the error event")
  void errorCarriesStatusAndBody() {
    SyncError[] seen = new SyncError[1];
    library.on("error", args -> seen[0] = (SyncError) args[1]);
    library.fetch();
    transport.last().respond(404, "{\"error\":\"not_found\",\"message\":\"no such list\"}");
    assertEquals(404, seen[0].getStatus());
    assertEquals("not_found", seen[0].getJson().get("error"));
    assertEquals("no such list", seen[0].getMessage());
  }

  @Test
  @DisplayName("a non-JSON error body is kept as text; a network failure is status 0")
  void nonJsonErrorAndNetworkFailure() {
    SyncError[] seen = new SyncError[1];
    library.on("error", args -> seen[0] = (SyncError) args[1]);
    library.fetch();
    transport.last().respond(new HttpResponse(502, "<html>bad gateway</html>"));
    assertEquals("<html>bad gateway</html>", seen[0].getBody());
    assertNull(seen[0].getJson());
    library.fetch();
    transport.last().respond(new HttpResponse(0, "connection refused"));
    assertEquals(0, seen[0].getStatus());
    assertEquals("connection refused", seen[0].getMessage());
  }

  @Test
  @DisplayName("a 200 with malformed JSON is a parsererror, not a success")
  void malformedJsonIsParserError() {
    Object[] textStatus = new Object[1];
    Options options = new Options().error((target, response, opts) -> {
      count[0]++;
      textStatus[0] = opts.get("textStatus");
    }).success((target, response, opts) -> count[0] += 100);
    library.fetch(options);
    transport.last().respond(200, "{broken");
    assertEquals(1, count[0]);
    assertEquals("parsererror", textStatus[0]);
  }

  @Test
  @DisplayName("request fires before the response, with the request as xhr")
  void requestEventCarriesRequest() {
    Object[] seen = new Object[1];
    library.on("request", args -> seen[0] = args[1]);
    library.fetch();
    assertSame(ajaxSettings(), seen[0]);
    assertFalse(transport.exchanges().isEmpty());
  }

  @Test
  @DisplayName("ids in URLs and form values print integral numbers without a fraction")
  void integralNumbersInUrls() {
    Model model = new Model(Map.of("id", 42.0)).setUrlRoot("/api/posts");
    model.fetch(new Options().data(Map.of("page", 2.0)));
    assertEquals("/api/posts/42?page=2", ajaxSettings().url());
  }

  @Test
  @DisplayName("without any transport a request fails clearly")
  void noTransport() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RestSync().sync(Sync.READ, testModel(), null));
    assertTrue(e.getMessage().contains("No Transport configured"), e.getMessage());
  }

  @Test
  @DisplayName("headers a beforeSend hook adds are sent; the hook sees the request as built")
  void beforeSendAddsHeaders() {
    BeforeSend beforeSend = (request, headers) -> {
      headers.put("X-Trace", request.method() + " " + request.url());
      return true;
    };
    testModel().fetch(new Options().set(BeforeSend.OPTION, beforeSend));
    assertEquals("GET /test", ajaxSettings().header("X-Trace"));
  }

  @Test
  @DisplayName("abort on the request fetch returns stops it: error with textStatus abort, the late answer ignored")
  void abortStopsARequestInFlight() {
    List<Object> events = new ArrayList<>();
    Model model = testModel();
    model.on("all", args -> events.add(args[0]));
    Object[] textStatus = new Object[1];
    SyncRequest request = model.fetch(new Options()
        .success((target, response, options) -> events.add("success"))
        .error((target, response, options) -> {
          events.add("error:" + ((SyncError) response).getStatus());
          textStatus[0] = options.get("textStatus");
        }));
    assertFalse(request.isFinished());
    request.abort();
    assertTrue(request.isAborted());
    assertEquals(List.of("request", "error:0", "error"), events);
    assertEquals("abort", textStatus[0]);
    transport.last().respond(200, "{\"a\":1}");
    request.abort();
    assertEquals(3, events.size(), "neither the late answer nor a second abort does anything");
    assertNull(model.get("a"));
  }

  @Test
  @DisplayName("abort after the answer arrived does nothing; save and destroy return their request too")
  void abortAfterAnswerDoesNothing() {
    Model model = new Model(attrs("id", 1)).setUrlRoot("/items");
    SyncRequest save = model.save(attrs("a", 1));
    transport.last().respond(200, "{}");
    save.abort();
    assertFalse(save.isAborted());
    assertTrue(save.isFinished());
    library.add(model);
    model.on("error", args -> count[0]++);
    SyncRequest destroy = model.destroy(new Options().waitForServer(true));
    destroy.abort();
    assertTrue(destroy.isAborted());
    assertEquals(1, count[0]);
    assertSame(model, library.get(1), "an aborted destroy(wait) leaves the model in its collection");
  }
}
