package io.vertebra.framework.sync;

import io.vertebra.framework.core.Json;
import io.vertebra.framework.core.JsonException;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.core.Sync;
import io.vertebra.framework.core.SyncCallback;
import io.vertebra.framework.core.SyncRequest;
import io.vertebra.framework.core.Syncable;
import io.vertebra.framework.core.Uris;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standard {@link Sync}: maps a persistence call to a RESTful JSON request, as {@code Backbone.sync} does,
 * and hands it to a {@link Transport}.
 *
 * <ul>
 *   <li>create → POST, update → PUT, patch → PATCH, delete → DELETE, read → GET;</li>
 *   <li>URL from {@code options.url()} or the target's {@code url()};</li>
 *   <li>body for create/update/patch: JSON of {@code options.attrs()} or the target's {@code toJSON()};
 *       {@code options.data()} given as a map becomes the query string of a read (or the form body);</li>
 *   <li>{@code emulateHTTP}: PUT/PATCH/DELETE go as POST with {@code X-HTTP-Method-Override} (and a
 *       {@code _method} form field with {@code emulateJSON}); {@code emulateJSON}: the body is the form field
 *       {@code model=<json>};</li>
 *   <li>headers from {@code options.headers()} and from every registered {@link HeaderHook};</li>
 *   <li>a {@link BeforeSend} hook in the options sees the finished request, may change its headers, and may
 *       cancel it by returning false (no callback runs then, as with jQuery);</li>
 *   <li>triggers {@code "request" (target, request, options)} on the target; a 2xx response calls the success
 *       callback with the parsed JSON body (null when empty); anything else calls the error callback with a
 *       {@link SyncError} and sets the options {@code textStatus} ("error" or "parsererror") and
 *       {@code errorThrown};</li>
 *   <li>{@link SyncRequest#abort()} on the request fetch/save/destroy returned stops the exchange and calls the
 *       error callback with status 0 and {@code textStatus} "abort", as an aborted xhr does; a response that
 *       arrives later is ignored.</li>
 * </ul>
 */
public class RestSync implements Sync {

  /** The form media type of emulateJSON bodies. */
  public static final String FORM = "application/x-www-form-urlencoded";
  /** The JSON media type. */
  public static final String JSON = "application/json";

  private static final List<HeaderHook> HEADER_HOOKS = new ArrayList<>();

  private final Transport transport;
  private boolean emulateHTTP;
  private boolean emulateJSON;

  /** A RestSync that sends through {@link DefaultSync#transport()}, looked up at each request. */
  public RestSync() {
    this(null);
  }

  /** A RestSync that sends through {@code transport} (null: the default transport). */
  public RestSync(Transport transport) {
    this.transport = transport;
  }

  /** Registers a hook that adds headers to every request of every RestSync. */
  public static void addHeaderHook(HeaderHook hook) {
    HEADER_HOOKS.add(hook);
  }

  /** Unregisters a hook added with {@link #addHeaderHook}. */
  public static void removeHeaderHook(HeaderHook hook) {
    HEADER_HOOKS.remove(hook);
  }

  /** Sets the emulateHTTP default for calls whose options do not say ({@code Backbone.emulateHTTP}). */
  public RestSync setEmulateHTTP(boolean emulate) {
    this.emulateHTTP = emulate;
    return this;
  }

  /** Sets the emulateJSON default for calls whose options do not say ({@code Backbone.emulateJSON}). */
  public RestSync setEmulateJSON(boolean emulate) {
    this.emulateJSON = emulate;
    return this;
  }

  /** Maps a Backbone method name to its HTTP method. */
  public static String httpMethod(String method) {
    switch (method) {
      case CREATE:
        return "POST";
      case UPDATE:
        return "PUT";
      case PATCH:
        return "PATCH";
      case DELETE:
        return "DELETE";
      case READ:
        return "GET";
      default:
        throw new IllegalArgumentException("Unknown sync method: " + method);
    }
  }

  /**
   * Builds and sends the request. Throws {@link IllegalStateException} when neither the options nor the target
   * give a URL ({@code urlError}), or when no transport is configured.
   */
  @Override
  public void sync(String method, Syncable target, Options options) {
    Options opts = options == null ? new Options() : options;
    opts.setDefault(Options.EMULATE_HTTP, emulateHTTP);
    opts.setDefault(Options.EMULATE_JSON, emulateJSON);
    HttpRequest built = buildRequest(method, target, opts);
    Transport sender = transport != null ? transport : DefaultSync.transport();
    if (sender == null) {
      throw new IllegalStateException("No Transport configured: call DefaultSync.setTransport(...) first");
    }
    HttpRequest request = beforeSend(built, opts);
    SyncRequest handle = opts.getSyncRequest() != null ? opts.getSyncRequest() : new SyncRequest();
    opts.set(Options.XHR, request != null ? request : built);
    // Announced before sending so a transport that answers synchronously still gives "request" before "sync".
    target.trigger("request", target, opts.get(Options.XHR), opts);
    if (request == null) {
      handle.abort();
      return;
    }
    Runnable cancel = sender.sendCancellable(request, response -> {
      if (!handle.isFinished()) {
        handle.finish();
        complete(target, opts, response);
      }
    });
    handle.onAbort(() -> {
      cancel.run();
      fail(target, opts, new HttpResponse(0, ""), "", "abort", "abort");
    });
  }

  /** Runs the options' {@link BeforeSend} hook; returns the request to send, or null when the hook cancels it. */
  private static HttpRequest beforeSend(HttpRequest request, Options opts) {
    Object hook = opts.get(BeforeSend.OPTION);
    if (hook == null) {
      return request;
    }
    if (!(hook instanceof BeforeSend)) {
      throw new IllegalArgumentException("The beforeSend option takes a BeforeSend, not " + hook.getClass().getName());
    }
    Map<String, String> headers = new StringMap<>(request.headers());
    if (!((BeforeSend) hook).beforeSend(request, headers)) {
      return null;
    }
    return new HttpRequest(request.method(), request.url(), headers, request.body(), request.contentType());
  }

  /** Turns a call into the HTTP request RestSync would send (exposed for transports and tests). */
  public HttpRequest buildRequest(String method, Syncable target, Options opts) {
    String type = httpMethod(method);
    // An empty url option counts as none, as in Backbone (falsy).
    String url = opts.getUrl() != null && !opts.getUrl().isEmpty() ? opts.getUrl() : target.url();
    if (url == null || url.isEmpty()) {
      throw new IllegalStateException("A \"url\" property or function must be specified");
    }
    String body = null;
    String contentType = null;
    Object data = opts.getData();
    boolean writes = CREATE.equals(method) || UPDATE.equals(method) || PATCH.equals(method);
    if (data == null && writes) {
      contentType = JSON;
      body = Json.stringify(opts.getAttrs() != null ? opts.getAttrs() : target.toJSON(opts));
    }
    Map<String, String> form = null;
    if (opts.isEmulateJSON()) {
      contentType = FORM;
      form = new StringMap<>();
      if (body != null) {
        form.put("model", body);
      }
    }
    Map<String, String> headers = new StringMap<>();
    headers.put("Accept", JSON);
    String sentType = type;
    if (opts.isEmulateHTTP() && ("PUT".equals(type) || "DELETE".equals(type) || "PATCH".equals(type))) {
      sentType = "POST";
      if (form != null) {
        form.put("_method", type);
      }
      headers.put("X-HTTP-Method-Override", type);
    }
    if (form != null) {
      body = Uris.formEncode(form);
    }
    if (data instanceof Map) {
      if ("GET".equals(sentType)) {
        url = Uris.appendQuery(url, stringValues((Map<?, ?>) data));
      } else {
        contentType = FORM;
        body = Uris.formEncode(stringValues((Map<?, ?>) data));
      }
    } else if (data != null) {
      body = data.toString();
    }
    if (opts.getHeaders() != null) {
      headers.putAll(opts.getHeaders());
    }
    for (HeaderHook hook : new ArrayList<>(HEADER_HOOKS)) {
      hook.addHeaders(sentType, url, headers);
    }
    return new HttpRequest(sentType, url, headers, body, contentType);
  }

  private static Map<String, String> stringValues(Map<?, ?> data) {
    Map<String, String> values = new StringMap<>();
    for (Map.Entry<?, ?> e : data.entrySet()) {
      Object v = e.getValue();
      values.put(String.valueOf(e.getKey()), v instanceof Number ? Json.formatNumber((Number) v) : String.valueOf(v));
    }
    return values;
  }

  private static void complete(Syncable target, Options opts, HttpResponse response) {
    if (response.isSuccess()) {
      Object parsed;
      try {
        parsed = response.body().trim().isEmpty() ? null : Json.parse(response.body());
      } catch (JsonException e) {
        fail(target, opts, response, response.body(), "parsererror", e.getMessage());
        return;
      }
      SyncCallback success = opts.getSuccess();
      if (success != null) {
        success.call(target, parsed, opts);
      }
      return;
    }
    fail(target, opts, response, parseLeniently(response.body()), "error", reason(response));
  }

  private static void fail(Syncable target, Options opts, HttpResponse response, Object body, String textStatus,
      String errorThrown) {
    opts.set("textStatus", textStatus);
    opts.set("errorThrown", errorThrown);
    SyncCallback error = opts.getError();
    if (error != null) {
      SyncError syncError = new SyncError(response.status(), response.headers(), response.body(), body, errorThrown);
      error.call(target, syncError, opts);
    }
  }

  private static String reason(HttpResponse response) {
    if (response.status() == 0) {
      return response.body().isEmpty() ? "Network error" : response.body();
    }
    return "HTTP " + response.status();
  }

  /** The body as JSON when it is JSON, otherwise the text itself. */
  private static Object parseLeniently(String text) {
    if (text.trim().isEmpty()) {
      return text;
    }
    try {
      return Json.parse(text);
    } catch (JsonException e) {
      return text;
    }
  }
}
