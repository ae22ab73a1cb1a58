package io.vertebra.framework.suite;

import static io.vertebra.framework.suite.Expect.equal;
import static io.vertebra.framework.suite.Expect.equalInt;
import static io.vertebra.framework.suite.Expect.isTrue;

import com.google.gwt.user.client.Timer;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.SyncRequest;
import io.vertebra.framework.sync.HttpResponse;
import io.vertebra.framework.sync.RestSync;
import io.vertebra.framework.sync.RestyGwtTransport;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.framework.sync.Transport;
import io.vertebra.framework.sync.XhrTransport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Model and Collection persistence over real HTTP through XhrTransport (the timeout also through RestyGwtTransport), against the test REST servlet of
 * BrowserSuiteIT, which echoes what it received in X-Seen-* response headers.
 */
final class SyncChecks {

  private static final String ITEMS = "/api/items";

  private SyncChecks() {
  }

  static void register(Checks runner, ResponseLog log, String deadPort) {
    runner.async("create: save of a new model POSTs its JSON and takes the server's id", done -> {
      Model model = item("first");
      List<String> events = new ArrayList<>();
      model.on("request", args -> events.add("request"));
      failOnError(model, done);
      model.on("sync", args -> done.step(() -> {
        events.add("sync");
        HttpResponse response = log.last();
        equal(201, response.status(), "status");
        equal("POST", response.header("X-Seen-Method"), "method the server saw");
        isTrue(response.header("X-Seen-Content-Type").startsWith("application/json"), "JSON body");
        equal("title", response.header("X-Seen-Keys"), "fields sent");
        isTrue(!model.isNew() && String.valueOf(model.getId()).startsWith("i"), "id " + model.getId());
        equalInt(1, model.get("version"), "version from the server");
        equal(Arrays.asList("request", "sync"), events, "events");
        done.pass();
      }));
      model.save();
    });

    runner.async("read: fetch GETs the model and sets the server's attributes", done -> created("to read", done,
        saved -> {
          Model copy = new Model(Collections.singletonMap("id", saved.getId()));
          copy.setUrlRoot(ITEMS);
          failOnError(copy, done);
          copy.on("sync", args -> done.step(() -> {
            equal("GET", log.last().header("X-Seen-Method"), "method");
            equal("to read", copy.get("title"), "title");
            done.pass();
          }));
          copy.fetch();
        }));

    runner.async("update: save of an existing model PUTs the whole model", done -> created("before", done,
        saved -> {
          saved.set("title", "after");
          saved.on("sync", args -> done.step(() -> {
            HttpResponse response = log.last();
            equal("PUT", response.header("X-Seen-Method"), "method");
            equal("id,title,version", response.header("X-Seen-Keys"), "whole model sent");
            equal("after", saved.get("title"), "title");
            equalInt(2, saved.get("version"), "version bumped by the server");
            done.pass();
          }));
          saved.save();
        }));

    runner.async("patch: save with patch sends only the given attributes with PATCH", done -> created("p", done,
        saved -> {
          saved.on("sync", args -> done.step(() -> {
            HttpResponse response = log.last();
            equal("PATCH", response.header("X-Seen-Method"), "method");
            equal("body", response.header("X-Seen-Keys"), "only the patched field sent");
            equal("p", saved.get("title"), "untouched attribute kept");
            equal("patched body", saved.get("body"), "patched attribute");
            equalInt(2, saved.get("version"), "version");
            done.pass();
          }));
          saved.save(Collections.singletonMap("body", "patched body"), new Options().patch(true));
        }));

    runner.async("delete: destroy sends DELETE, fires destroy and sync; the item is gone (404)", done -> created(
        "doomed", done, saved -> {
          List<String> events = new ArrayList<>();
          saved.on("destroy", args -> events.add("destroy"));
          saved.on("sync", args -> done.step(() -> {
            equal(204, log.last().status(), "status");
            equal("DELETE", log.last().header("X-Seen-Method"), "method");
            equal(Arrays.asList("destroy"), events, "destroy before sync");
            Model gone = new Model(Collections.singletonMap("id", saved.getId()));
            gone.setUrlRoot(ITEMS);
            expectError(gone, done, 404, "not_found", gone::fetch);
          }));
          saved.destroy();
        }));

    runner.async("emulateHTTP: an update goes as POST with X-HTTP-Method-Override: PUT", done -> created("e", done,
        saved -> {
          saved.set("title", "emulated");
          saved.on("sync", args -> done.step(() -> {
            HttpResponse response = log.last();
            equal("POST", response.header("X-Seen-Method"), "method on the wire");
            equal("PUT", response.header("X-Seen-Override"), "override header");
            equalInt(2, saved.get("version"), "applied as an update");
            done.pass();
          }));
          saved.save(new Options().emulateHTTP(true));
        }));

    runner.async("emulateHTTP: destroy goes as POST with X-HTTP-Method-Override: DELETE", done -> created("e2",
        done, saved -> {
          saved.on("sync", args -> done.step(() -> {
            equal("POST", log.last().header("X-Seen-Method"), "method on the wire");
            equal("DELETE", log.last().header("X-Seen-Override"), "override header");
            equal(204, log.last().status(), "deleted");
            done.pass();
          }));
          saved.destroy(new Options().emulateHTTP(true));
        }));

    runner.async("emulateJSON: the model goes as the form field 'model' (with _method when emulating HTTP)",
        done -> created("form", done, saved -> {
          saved.set("title", "from form");
          saved.on("sync", args -> done.step(() -> {
            HttpResponse response = log.last();
            isTrue(response.header("X-Seen-Content-Type").startsWith("application/x-www-form-urlencoded"),
                "form body, was " + response.header("X-Seen-Content-Type"));
            equal("PUT", response.header("X-Seen-Form-Method"), "_method field");
            equal("from form", saved.get("title"), "server read the JSON in the form");
            done.pass();
          }));
          saved.save(new Options().emulateHTTP(true).emulateJSON(true));
        }));

    runner.async("options.headers are sent; plain requests carry no X-HTTP-Method-Override", done -> {
      Model model = item("headers");
      failOnError(model, done);
      model.on("sync", args -> done.step(() -> {
        equal("hello", log.last().header("X-Echo"), "custom header echoed");
        equal(null, log.last().header("X-Seen-Override"), "no override header");
        done.pass();
      }));
      model.save(new Options().headers(Collections.singletonMap("X-Test-Header", "hello")));
    });

    runner.async("a 400 with a JSON body surfaces as an error event with status and parsed body", done -> {
      Model model = item("bad");
      expectError(model, done, 400, "invalid", model::save);
    });

    runner.async("a 404 on fetch surfaces as an error event with the JSON error", done -> {
      Model model = new Model(Collections.singletonMap("id", "missing"));
      model.setUrlRoot(ITEMS);
      expectError(model, done, 404, "not_found", model::fetch);
    });

    runner.async("a 500 surfaces as an error event with status 500 and the JSON body", done -> {
      Model model = item("x");
      expectError(model, done, 500, "server_error", () -> model.fetch(new Options().url("/api/status/500")));
    });

    runner.async("no HTTP response at all (connection refused) is an error with status 0", done -> {
      Model model = item("x");
      model.on("error", args -> done.step(() -> {
        SyncError error = (SyncError) args[1];
        equal(0, error.getStatus(), "status");
        equal("error", ((Options) args[2]).get("textStatus"), "textStatus");
        done.pass();
      }));
      model.on("sync", args -> done.fail(Expect.fail("unexpected success")));
      model.fetch(new Options().url("http://127.0.0.1:" + deadPort + "/api/items"));
    });

    runner.async("a 2xx body that is not JSON is an error with textStatus parsererror", done -> {
      Model model = item("x");
      model.on("error", args -> done.step(() -> {
        SyncError error = (SyncError) args[1];
        equal(200, error.getStatus(), "status");
        equal("parsererror", ((Options) args[2]).get("textStatus"), "textStatus");
        done.pass();
      }));
      model.on("sync", args -> done.fail(Expect.fail("unexpected success")));
      model.fetch(new Options().url("/api/text"));
    });

    runner.async("the URL is sent exactly as given (trailing slash and query kept)", done -> {
      Model model = item("x");
      failOnError(model, done);
      model.on("sync", args -> done.step(() -> {
        equal("/api/echo/path/?q=a%20b", model.get("uri"), "URI the server saw");
        done.pass();
      }));
      model.fetch(new Options().url("/api/echo/path/?q=a%20b"));
    });

    runner.async("non-ASCII text round-trips through JSON bodies unchanged", done -> {
      String text = "Zoë \u2713 \u65e5\u672c \ud83d\ude00 \"quoted\" \\ back";
      created(text, done, saved -> {
        Model copy = new Model(Collections.singletonMap("id", saved.getId()));
        copy.setUrlRoot(ITEMS);
        failOnError(copy, done);
        copy.on("sync", args -> done.step(() -> {
          equal(text, saved.get("title"), "title as the server returned it on create");
          equal(text, copy.get("title"), "title read back");
          done.pass();
        }));
        copy.fetch();
      });
    });

    timeout(runner, "XhrTransport", new XhrTransport(300));
    timeout(runner, "RestyGwtTransport", new RestyGwtTransport(300));

    runner.async("abort stops a request in flight: error with textStatus abort, the late answer ignored", done -> {
      Model model = item("slow");
      model.setSync(new RestSync(new XhrTransport()));
      List<String> outcome = new ArrayList<>();
      model.on("sync", args -> outcome.add("sync"));
      model.on("error", args -> outcome.add("error:" + ((SyncError) args[1]).getStatus() + ":"
          + ((Options) args[2]).get("textStatus")));
      SyncRequest request = model.fetch(new Options().url("/api/slow"));
      request.abort();
      done.step(() -> equal(Arrays.asList("error:0:abort"), outcome, "aborted at once"));
      // The server answers after 2 s; nothing may follow the abort.
      new Timer() {
        @Override
        public void run() {
          done.step(() -> {
            equal(Arrays.asList("error:0:abort"), outcome, "nothing after the abort");
            isTrue(request.isAborted(), "the request reports the abort");
            done.pass();
          });
        }
      }.schedule(2500);
    });

    runner.async("collection: fetch GETs the list; create POSTs and adds the saved model", done -> created(
        "listed", done, first -> {
          Collection<Model> items = new Collection<>();
          items.setUrl(ITEMS);
          items.on("error", args -> done.fail(Expect.fail("collection error " + args[1])));
          items.once("sync", args -> done.step(() -> {
            equal("GET", log.last().header("X-Seen-Method"), "method");
            int before = items.length();
            isTrue(items.get(first.getId()) != null, "the item created first is listed");
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("title", "via collection");
            Model added = items.create(attrs, new Options().waitForServer(true)
                .success((target, response, options) -> done.step(() -> {
                  equal("POST", log.last().header("X-Seen-Method"), "create method");
                  equal(before + 1, items.length(), "added after the server answered");
                  isTrue(items.get(((Model) target).getId()) == target, "found by the server's id");
                  done.pass();
                })));
            isTrue(added != null, "create accepted the model");
          }));
          items.fetch();
        }));
  }

  /** A transport's own timeout ends the request with status 0 and a reason naming it. */
  private static void timeout(Checks runner, String name, Transport transport) {
    runner.async(name + ": a transport timeout ends the request with status 0", done -> {
      Model model = item("slow");
      model.setSync(new RestSync(transport));
      model.on("sync", args -> done.fail(Expect.fail("unexpected success")));
      model.on("error", args -> done.step(() -> {
        SyncError error = (SyncError) args[1];
        equal(0, error.getStatus(), "status");
        isTrue(error.getResponseText().contains("/api/slow"), "reason names the request: " + error.getResponseText());
        done.pass();
      }));
      model.fetch(new Options().url("/api/slow"));
    });
  }

  private static Model item(String title) {
    Model model = new Model(Collections.singletonMap("title", title));
    model.setUrlRoot(ITEMS);
    return model;
  }

  /** Saves a new item and hands it, with the server's id, to {@code then}. */
  private static void created(String title, CheckRunner.Done done, Consumer<Model> then) {
    Model model = item(title);
    failOnError(model, done);
    // On "sync", not on the success callback: success runs before the create's own "sync" event, which would
    // reach the listeners that the next step registers.
    model.once("sync", args -> done.step(() -> {
      isTrue(!model.isNew(), "created");
      then.accept(model);
    }));
    model.save();
  }

  private static void failOnError(Model model, CheckRunner.Done done) {
    model.on("error", args -> done.fail(Expect.fail("unexpected error event: " + args[1])));
  }

  /** Runs {@code request} and expects an "error" event with {@code status} and JSON {@code error} code. */
  private static void expectError(Model model, CheckRunner.Done done, int status, String code, Runnable request) {
    model.on("sync", args -> done.fail(Expect.fail("unexpected success")));
    model.on("error", args -> done.step(() -> {
      isTrue(args[0] == model, "error event's first argument is the model");
      SyncError error = (SyncError) args[1];
      equal(status, error.getStatus(), "status");
      Map<String, Object> json = error.getJson();
      isTrue(json != null, "JSON body parsed, text was " + error.getResponseText());
      equal(code, json.get("error"), "error code");
      isTrue(json.get("message") instanceof String, "message present");
      done.pass();
    }));
    request.run();
  }
}
