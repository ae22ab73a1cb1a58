package io.vertebra.framework.core;

import java.util.Map;

/**
 * The options object every Model and Collection method takes, as in Backbone: typed fluent accessors for the
 * options the framework understands, plus any custom key (custom options reach event listeners unchanged, so
 * {@code model.set("a", 1, new Options().set("source", "server"))} lets a {@code change} listener read
 * {@code options.get("source")}).
 *
 * <p>Methods that change options for their own use work on a {@link #copy} (Backbone's
 * {@code _.extend({}, options)}), so a caller's object is not modified unless Backbone modifies it too (for
 * example {@code validationError} after a failed validation, or {@code index} and {@code changes} on the options
 * passed to {@code add}/{@code update} listeners).
 *
 * <p>Boolean options distinguish "not given" from {@code false} ({@link #has}), because some defaults are "on
 * unless turned off" (for example {@code sort} and {@code validate} on save).
 */
public class Options {

  /** Option keys the framework reads. */
  public static final String SILENT = "silent";
  public static final String UNSET = "unset";
  public static final String VALIDATE = "validate";
  public static final String PARSE = "parse";
  public static final String WAIT = "wait";
  public static final String PATCH = "patch";
  public static final String MERGE = "merge";
  public static final String ADD = "add";
  public static final String REMOVE = "remove";
  public static final String AT = "at";
  public static final String SORT = "sort";
  public static final String RESET = "reset";
  public static final String URL = "url";
  public static final String ATTRS = "attrs";
  public static final String DATA = "data";
  public static final String EMULATE_HTTP = "emulateHTTP";
  public static final String EMULATE_JSON = "emulateJSON";
  public static final String HEADERS = "headers";
  public static final String SUCCESS = "success";
  public static final String ERROR = "error";
  public static final String COLLECTION = "collection";
  public static final String INDEX = "index";
  public static final String CHANGES = "changes";
  public static final String PREVIOUS_MODELS = "previousModels";
  public static final String VALIDATION_ERROR = "validationError";
  public static final String XHR = "xhr";
  public static final String CONTEXT = "context";
  public static final String SYNC_REQUEST = "syncRequest";

  private final Map<String, Object> values = new StringMap<>();

  /** Creates empty options. */
  public Options() {
  }

  /** A new options object holding the same keys as {@code source} ({@code _.extend({}, source)}); null → empty. */
  public static Options copyOf(Options source) {
    Options copy = new Options();
    if (source != null) {
      copy.values.putAll(source.values);
    }
    return copy;
  }

  /** A shallow copy of these options. */
  public Options copy() {
    return copyOf(this);
  }

  /** Sets {@code key} only where it is not set yet ({@code _.defaults}); returns this. */
  public Options setDefault(String key, Object value) {
    if (!values.containsKey(key)) {
      values.put(key, value);
    }
    return this;
  }

  /** Copies every key of {@code other} over this one's ({@code _.extend(this, other)}); null is ignored. */
  public Options putAll(Options other) {
    if (other != null) {
      values.putAll(other.values);
    }
    return this;
  }

  /** Sets any option, custom or known; returns this. */
  public Options set(String key, Object value) {
    values.put(key, value);
    return this;
  }

  /** The value of any option, or null. */
  public Object get(String key) {
    return values.get(key);
  }

  /** Whether the option was given at all (even as null or false). */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** Removes an option; returns this. */
  public Options delete(String key) {
    values.remove(key);
    return this;
  }

  /** A read-only view of all options in insertion order. */
  public Map<String, Object> asMap() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** True when the option is {@code Boolean.TRUE} (Backbone's truthiness for flags). */
  public boolean isTrue(String key) {
    return Boolean.TRUE.equals(values.get(key));
  }

  /** True when the option is given as {@code Boolean.FALSE} (for "on unless turned off" flags). */
  public boolean isFalse(String key) {
    return Boolean.FALSE.equals(values.get(key));
  }

  /** Sets {@code silent}: no events are triggered. */
  public Options silent(boolean silent) {
    return set(SILENT, silent);
  }

  /** Whether {@code silent} is on. */
  public boolean isSilent() {
    return isTrue(SILENT);
  }

  /** Sets {@code unset}: {@code set} removes the given attributes instead of setting them. */
  public Options unset(boolean unset) {
    return set(UNSET, unset);
  }

  /** Whether {@code unset} is on. */
  public boolean isUnset() {
    return isTrue(UNSET);
  }

  /** Sets {@code validate}: {@code set} runs {@code validate()} first (save does unless turned off). */
  public Options validate(boolean validate) {
    return set(VALIDATE, validate);
  }

  /** Whether {@code validate} is on. */
  public boolean isValidate() {
    return isTrue(VALIDATE);
  }

  /** Sets {@code parse}: run {@code parse()} on the given attributes or server response. */
  public Options parse(boolean parse) {
    return set(PARSE, parse);
  }

  /** Whether {@code parse} is on. */
  public boolean isParse() {
    return isTrue(PARSE);
  }

  /** Sets {@code wait}: change the client only after the server confirmed (save, destroy, create). */
  public Options waitForServer(boolean wait) {
    return set(WAIT, wait);
  }

  /** Whether {@code wait} is on. */
  public boolean isWait() {
    return isTrue(WAIT);
  }

  /** Sets {@code patch}: save sends only the given attributes with PATCH. */
  public Options patch(boolean patch) {
    return set(PATCH, patch);
  }

  /** Whether {@code patch} is on. */
  public boolean isPatch() {
    return isTrue(PATCH);
  }

  /** Sets {@code merge}: collection {@code add}/{@code set} merge attributes into models already present. */
  public Options merge(boolean merge) {
    return set(MERGE, merge);
  }

  /** Whether {@code merge} is on. */
  public boolean isMerge() {
    return isTrue(MERGE);
  }

  /** Sets {@code add}: collection {@code set} adds models not present yet. */
  public Options add(boolean add) {
    return set(ADD, add);
  }

  /** Whether {@code add} is on. */
  public boolean isAdd() {
    return isTrue(ADD);
  }

  /** Sets {@code remove}: collection {@code set} removes models not in the given list. */
  public Options remove(boolean remove) {
    return set(REMOVE, remove);
  }

  /** Whether {@code remove} is on. */
  public boolean isRemove() {
    return isTrue(REMOVE);
  }

  /** Sets {@code at}: the index where a collection inserts new models (negative counts from the end). */
  public Options at(int at) {
    return set(AT, at);
  }

  /** The {@code at} index, or null when not given. */
  public Integer getAt() {
    return intValue(values.get(AT));
  }

  /** A number, or numeric text as JavaScript's unary plus reads it; null otherwise. */
  private static Integer intValue(Object value) {
    if (value instanceof Number) {
      return ((Number) value).intValue();
    }
    if (value instanceof String) {
      try {
        return Integer.valueOf(((String) value).trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Sets {@code sort}: {@code false} keeps a sorted collection from re-sorting on add. */
  public Options sort(boolean sort) {
    return set(SORT, sort);
  }

  /** Sets {@code reset}: a collection fetch resets instead of merging with set. */
  public Options reset(boolean reset) {
    return set(RESET, reset);
  }

  /** Whether {@code reset} is on. */
  public boolean isReset() {
    return isTrue(RESET);
  }

  /** Sets the request URL, overriding the model's or collection's {@code url()}. */
  public Options url(String url) {
    return set(URL, url);
  }

  /** The {@code url} option, or null. */
  public String getUrl() {
    return (String) values.get(URL);
  }

  /** Sets the attributes to send as the request body instead of {@code toJSON()}. */
  public Options attrs(Map<String, ?> attrs) {
    return set(ATTRS, attrs);
  }

  /** The {@code attrs} option, or null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> getAttrs() {
    return (Map<String, Object>) values.get(ATTRS);
  }

  /** Sets {@code data}: query parameters (a map) for a read, or a raw request body text for other methods. */
  public Options data(Object data) {
    return set(DATA, data);
  }

  /** The {@code data} option, or null. */
  public Object getData() {
    return values.get(DATA);
  }

  /** Sets {@code emulateHTTP}: send PUT/PATCH/DELETE as POST with an X-HTTP-Method-Override header. */
  public Options emulateHTTP(boolean emulate) {
    return set(EMULATE_HTTP, emulate);
  }

  /** Whether {@code emulateHTTP} is on. */
  public boolean isEmulateHTTP() {
    return isTrue(EMULATE_HTTP);
  }

  /** Sets {@code emulateJSON}: send the body as a form field {@code model} instead of JSON. */
  public Options emulateJSON(boolean emulate) {
    return set(EMULATE_JSON, emulate);
  }

  /** Whether {@code emulateJSON} is on. */
  public boolean isEmulateJSON() {
    return isTrue(EMULATE_JSON);
  }

  /** Adds one request header to send with this request. */
  public Options header(String name, String value) {
    Map<String, String> headers = new StringMap<>();
    if (getHeaders() != null) {
      headers.putAll(getHeaders());
    }
    headers.put(name, value);
    return set(HEADERS, headers);
  }

  /** Sets the extra request headers. */
  public Options headers(Map<String, String> headers) {
    return set(HEADERS, headers);
  }

  /** The extra request headers, or null. */
  @SuppressWarnings("unchecked")
  public Map<String, String> getHeaders() {
    return (Map<String, String>) values.get(HEADERS);
  }

  /** Sets the callback run after a successful request: {@code (model or collection, response, options)}. */
  public Options success(SyncCallback success) {
    return set(SUCCESS, success);
  }

  /** The success callback, or null. */
  public SyncCallback getSuccess() {
    return (SyncCallback) values.get(SUCCESS);
  }

  /** Sets the callback run after a failed request: {@code (model or collection, SyncError, options)}. */
  public Options error(SyncCallback error) {
    return set(ERROR, error);
  }

  /** The error callback, or null. */
  public SyncCallback getError() {
    return (SyncCallback) values.get(ERROR);
  }

  /** The request in flight that fetch, save or destroy returns, for the Sync to attach its abort to; or null. */
  public SyncRequest getSyncRequest() {
    return (SyncRequest) values.get(SYNC_REQUEST);
  }

  /** The validation error put here by a failed validation, or null. */
  public Object getValidationError() {
    return values.get(VALIDATION_ERROR);
  }

  /** The index put here for {@code add} and {@code remove} listeners, or null. */
  public Integer getIndex() {
    return intValue(values.get(INDEX));
  }

  /** The changes put here for {@code update} listeners, or null. */
  public Changes<?> getChanges() {
    return (Changes<?>) values.get(CHANGES);
  }

  /** The models a collection held before a {@code reset}, as given to {@code reset} listeners, or null. */
  @SuppressWarnings("unchecked")
  public <M extends Model> java.util.List<M> getPreviousModels() {
    return (java.util.List<M>) values.get(PREVIOUS_MODELS);
  }

  @Override
  public String toString() {
    return "Options" + values;
  }
}
