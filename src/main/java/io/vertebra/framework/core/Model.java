package io.vertebra.framework.core;

import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.Sync;
import io.vertebra.framework.sync.SyncCallback;
import io.vertebra.framework.sync.Syncable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of JSON-like attributes that announces its changes and persists itself: Backbone's Model in Java.
 *
 * <p>Attributes hold what JSON holds (strings, {@code Double} numbers, booleans, null, maps, lists). Read them
 * with {@link #get} or a typed getter ({@link #getString}, {@link #getInt}, ...), change them with
 * {@link #set}; each change fires {@code "change:attr" (model, value, options)} per changed attribute, then one
 * {@code "change" (model, options)}. A typed model is a subclass with accessors:
 *
 * <pre>{@code
 * public class Post extends Model {
 *   public Post(Map<String, Object> attrs, Options options) { super(attrs, options); }
 *   @Override public String urlRoot() { return "/api/posts"; }
 *   public String getTitle() { return getString("title"); }
 *   public void setTitle(String title) { set("title", title); }
 * }
 * }</pre>
 *
 * <p>Override the hooks to customise: {@link #defaults()}, {@link #validate}, {@link #parse}, {@link #url()},
 * {@link #urlRoot()}, {@link #idAttribute()}, {@link #initialize}, {@link #sync(String, Options)}. Hooks run
 * during construction, before a subclass's own fields are initialised: keep them free of instance state.
 *
 * <p>Events: {@code change}, {@code change:attr}, {@code changeId (model, previousId, options)},
 * {@code invalid (model, error, options)}, {@code request (model, request, options)},
 * {@code sync (model, response, options)}, {@code error (model, SyncError, options)},
 * {@code destroy (model, collection, options)}; plus {@code add}, {@code remove}, {@code update}, {@code sort},
 * {@code reset} forwarded from a collection it belongs to.
 */
public class Model extends Events implements Syncable {

  private static int nextCid;

  private String cid;
  /** Mutated in place: save(wait) swaps it temporarily and relies on keeping the same object. */
  private Map<String, Object> attributes = new LinkedHashMap<>();
  private Map<String, Object> changed = new LinkedHashMap<>();
  private Map<String, Object> previousAttributes;
  private Object id;
  private Collection<?> collection;
  private Object validationError;
  private boolean changing;
  private Options pending;
  private Sync sync;
  private String url;
  private String urlRoot;

  /** An empty model (with its {@link #defaults()}). */
  public Model() {
    this(null, null);
  }

  /** A model with these attributes (merged over its {@link #defaults()}). */
  public Model(Map<String, ?> attributes) {
    this(attributes, null);
  }

  /**
   * A model with these attributes. Options: {@code parse} runs {@link #parse} on them first; a
   * {@code collection} option ties the model to a collection (for {@link #url()}); {@code validate} validates.
   */
  public Model(Map<String, ?> attributes, Options options) {
    Options opts = options == null ? new Options() : options;
    preinitialize(attributes, opts);
    cid = cidPrefix() + (++nextCid);
    if (opts.get(Options.COLLECTION) instanceof Collection) {
      collection = (Collection<?>) opts.get(Options.COLLECTION);
    }
    Map<String, ?> attrs = attributes == null ? new LinkedHashMap<>() : attributes;
    if (opts.isParse()) {
      attrs = parse(attrs, opts);
      if (attrs == null) {
        attrs = new LinkedHashMap<>();
      }
    }
    Map<String, Object> initial = new LinkedHashMap<>();
    Map<String, ?> defaults = defaults();
    if (defaults != null) {
      initial.putAll(defaults);
    }
    initial.putAll(attrs);
    set(initial, opts);
    changed = new LinkedHashMap<>();
    initialize(attributes, opts);
  }

  // ---------------------------------------------------------------- hooks

  /** Called first in construction, before the model has a cid, collection or attributes; does nothing. */
  protected void preinitialize(Map<String, ?> attributes, Options options) {
  }

  /** Called at the end of construction with the given attributes and options; does nothing by default. */
  protected void initialize(Map<String, ?> attributes, Options options) {
  }

  /** Default attributes of a new model (null: none). Attributes given to the constructor override them. */
  protected Map<String, ?> defaults() {
    return null;
  }

  /** The attribute that holds the model's id: "id" unless overridden (for example "_id"). */
  public String idAttribute() {
    return "id";
  }

  /** The prefix of client ids ({@code "c"} → {@code c1, c2, ...}). */
  protected String cidPrefix() {
    return "c";
  }

  /**
   * Checks attributes before they are set with {@code validate} on (and before every save): return null when
   * valid, or an error (a message, a map, ...) which becomes {@link #getValidationError()} and fires
   * {@code "invalid"}. {@code attrs} holds the current attributes with the proposed ones applied.
   */
  protected Object validate(Map<String, Object> attrs, Options options) {
    return null;
  }

  /**
   * Converts a server response (or constructor attributes with {@code parse} on) into attributes. The default
   * takes a JSON object as is; anything else (null, an empty body, a bare string or number) gives no
   * attributes, so nothing is set. Override to unwrap envelopes or convert other shapes.
   */
  public Map<String, Object> parse(Object response, Options options) {
    return asAttributes(response);
  }

  /**
   * The root URL of this kind of model ({@code "/api/posts"}); {@link #url()} appends the id. Null unless set
   * with {@link #setUrlRoot} or overridden; then the collection's URL is the root.
   */
  public String urlRoot() {
    return urlRoot;
  }

  /** Sets the URL root used by {@link #url()}. */
  public Model setUrlRoot(String urlRoot) {
    this.urlRoot = urlRoot;
    return this;
  }

  /**
   * The model's resource URL: {@link #setUrl fixed} if set, else {@code urlRoot()} (or the collection's URL)
   * followed by {@code /id} for a saved model. Throws {@link IllegalStateException} when there is no root.
   */
  @Override
  public String url() {
    if (url != null) {
      return url;
    }
    String base = urlRoot();
    if ((base == null || base.isEmpty()) && collection != null) {
      base = collection.url();
    }
    if (base == null || base.isEmpty()) {
      throw new IllegalStateException("A \"url\" property or function must be specified");
    }
    if (isNew()) {
      return base;
    }
    return (base.endsWith("/") ? base : base + "/") + Uris.encodeComponent(Values.asText(get(idAttribute())));
  }

  /** Fixes the URL {@link #url()} returns (null: computed again). */
  public Model setUrl(String url) {
    this.url = url;
    return this;
  }

  /** Persists through this model's Sync ({@link #setSync}, else {@link DefaultSync#get()}). Overridable. */
  public void sync(String method, Options options) {
    getSync().sync(method, this, options);
  }

  /** The Sync this model uses. */
  public Sync getSync() {
    return DefaultSync.or(sync);
  }

  /** Gives this model its own Sync (null: the default again). */
  public Model setSync(Sync sync) {
    this.sync = sync;
    return this;
  }

  // ---------------------------------------------------------------- identity

  /** The client id, unique among all models of this page ({@code "c1"}); set before any attribute. */
  public String getCid() {
    return cid;
  }

  /** The value of the {@link #idAttribute()} attribute, or null for a new model. */
  public Object getId() {
    return id;
  }

  /** The collection this model belongs to (the first one it was added to), or null. */
  public Collection<?> getCollection() {
    return collection;
  }

  /** Ties this model to a collection (null: none); a collection does this when it adds the model. */
  public void setCollection(Collection<?> collection) {
    this.collection = collection;
  }

  /** Whether the model was never saved: it has no id. */
  public boolean isNew() {
    return !has(idAttribute());
  }

  // ---------------------------------------------------------------- attributes

  /** The value of an attribute, or null when absent. */
  public Object get(String attr) {
    return attributes.get(attr);
  }

  /** Whether an attribute is set to something other than null. */
  public boolean has(String attr) {
    return get(attr) != null;
  }

  /** The attribute as HTML-escaped text ("" when absent), safe to put into markup. */
  public String escape(String attr) {
    return Values.escapeHtml(get(attr));
  }

  /** Whether every given attribute equals this model's ({@code _.matches}). */
  public boolean matches(Map<String, ?> attrs) {
    for (Map.Entry<String, ?> e : attrs.entrySet()) {
      if (!attributes.containsKey(e.getKey()) || !Values.isEqual(attributes.get(e.getKey()), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the attributes pass a test ({@code _.matches} with a predicate). */
  public boolean matches(java.util.function.Predicate<? super Map<String, Object>> test) {
    return test.test(getAttributes());
  }

  /** The attribute names, in order. */
  public List<String> keys() {
    return new ArrayList<>(attributes.keySet());
  }

  /** The attribute values, in order. */
  public List<Object> values() {
    return new ArrayList<>(attributes.values());
  }

  /** A copy of the given attributes only (those present). */
  public Map<String, Object> pick(String... attrs) {
    Map<String, Object> picked = new LinkedHashMap<>();
    for (String attr : attrs) {
      if (attributes.containsKey(attr)) {
        picked.put(attr, attributes.get(attr));
      }
    }
    return picked;
  }

  /** A copy of all attributes but the given ones. */
  public Map<String, Object> omit(String... attrs) {
    Map<String, Object> rest = new LinkedHashMap<>(attributes);
    for (String attr : attrs) {
      rest.remove(attr);
    }
    return rest;
  }

  /** Values (as text) mapped to their attribute names. */
  public Map<String, String> invert() {
    Map<String, String> inverted = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      inverted.put(Values.asText(e.getValue()), e.getKey());
    }
    return inverted;
  }

  /** A read-only live view of all attributes. */
  public Map<String, Object> getAttributes() {
    return Collections.unmodifiableMap(attributes);
  }

  /** The attributes changed by the last {@code set} (read-only live view). */
  public Map<String, Object> getChanged() {
    return Collections.unmodifiableMap(changed);
  }

  /** A copy of the attributes, ready for {@link Json#stringify}; override to shape what is sent to the server. */
  public Map<String, Object> toJSON() {
    return toJSON(null);
  }

  /** Like {@link #toJSON()}, with the options of the request being built. */
  @Override
  public Map<String, Object> toJSON(Options options) {
    return new LinkedHashMap<>(attributes);
  }

  /** Sets one attribute. Returns false (and changes nothing) when validation is on and fails. */
  public boolean set(String attr, Object value) {
    return set(attr, value, null);
  }

  /** Sets one attribute with options ({@code silent}, {@code unset}, {@code validate}, custom keys). */
  public boolean set(String attr, Object value, Options options) {
    if (attr == null) {
      return true;
    }
    return set(single(attr, value), options);
  }

  /** Sets several attributes at once (one {@code change} event). */
  public boolean set(Map<String, ?> attrs) {
    return set(attrs, null);
  }

  /**
   * Sets several attributes: fires {@code change:attr} for each attribute whose value changed, then one
   * {@code change}; changes made by those listeners are folded into the same round, as in Backbone. Returns
   * false when {@code validate} is on and {@link #validate} rejects the result (nothing is set then).
   */
  public boolean set(Map<String, ?> attrs, Options options) {
    if (attrs == null) {
      return true;
    }
    // A private copy: the caller may pass a view of these very attributes (getAttributes()).
    Map<String, Object> input = new LinkedHashMap<>(attrs);
    Options opts = options == null ? new Options() : options;
    if (!validateAttributes(input, opts)) {
      return false;
    }
    boolean unset = opts.isUnset();
    boolean silent = opts.isSilent();
    List<String> changes = new ArrayList<>();
    boolean wasChanging = changing;
    changing = true;
    if (!wasChanging) {
      previousAttributes = new LinkedHashMap<>(attributes);
      changed = new LinkedHashMap<>();
    }
    for (Map.Entry<String, Object> e : input.entrySet()) {
      applyAttribute(e.getKey(), e.getValue(), unset, changes);
    }
    if (input.containsKey(idAttribute())) {
      Object previousId = id;
      id = get(idAttribute());
      if (!Values.isEqual(id, previousId)) {
        trigger("changeId", this, previousId, opts);
      }
    }
    if (!silent) {
      if (!changes.isEmpty()) {
        pending = opts;
      }
      for (String attr : changes) {
        trigger("change:" + attr, this, attributes.get(attr), opts);
      }
    }
    if (wasChanging) {
      return true;
    }
    if (!silent) {
      while (pending != null) {
        Options round = pending;
        pending = null;
        trigger("change", this, round);
      }
    }
    pending = null;
    changing = false;
    return true;
  }

  /** Records one attribute change; an unset attribute is compared as absent, not as null. */
  private void applyAttribute(String attr, Object value, boolean unset, List<String> changes) {
    if (!sameValue(attributes, attr, value, unset)) {
      changes.add(attr);
    }
    if (!sameValue(previousAttributes, attr, value, unset)) {
      changed.put(attr, unset ? null : value);
    } else {
      changed.remove(attr);
    }
    if (unset) {
      attributes.remove(attr);
    } else {
      attributes.put(attr, value);
    }
  }

  private static boolean sameValue(Map<String, Object> map, String attr, Object value, boolean unset) {
    boolean present = map.containsKey(attr);
    if (unset || !present) {
      return unset && !present;
    }
    return Values.isEqual(map.get(attr), value);
  }

  /** Removes an attribute (fires {@code change:attr} with null and {@code change}). */
  public boolean unset(String attr) {
    return unset(attr, null);
  }

  /** Removes an attribute with options. */
  public boolean unset(String attr, Options options) {
    return set(attr, null, Options.copyOf(options).unset(true));
  }

  /** Removes every attribute, the id included. */
  public boolean clear() {
    return clear(null);
  }

  /** Removes every attribute with options. */
  public boolean clear(Options options) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (String key : attributes.keySet()) {
      attrs.put(key, null);
    }
    return set(attrs, Options.copyOf(options).unset(true));
  }

  // ---------------------------------------------------------------- typed getters

  /** The attribute as text: strings as they are, numbers without ".0", null when absent. */
  public String getString(String attr) {
    Object value = get(attr);
    return value == null ? null : Values.asText(value);
  }

  /** The attribute as a number, or null when absent; fails clearly when it is not a number. */
  public Number getNumber(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof Number) {
      return (Number) value;
    }
    throw wrongType(attr, value, "a number");
  }

  /** The attribute as a Double, or null when absent. */
  public Double getDouble(String attr) {
    Number n = getNumber(attr);
    return n == null ? null : Double.valueOf(n.doubleValue());
  }

  /** The attribute as an Integer (fraction dropped), or null when absent. */
  public Integer getInt(String attr) {
    Number n = getNumber(attr);
    return n == null ? null : Integer.valueOf(n.intValue());
  }

  /** The attribute as a Long (fraction dropped), or null when absent. */
  public Long getLong(String attr) {
    Number n = getNumber(attr);
    return n == null ? null : Long.valueOf(n.longValue());
  }

  /** The attribute as a Boolean, or null when absent. */
  public Boolean getBoolean(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(attr, value, "a boolean");
  }

  /** The attribute as a list (a JSON array), or null when absent. */
  @SuppressWarnings("unchecked")
  public List<Object> getList(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof List) {
      return (List<Object>) value;
    }
    throw wrongType(attr, value, "a list");
  }

  /** The attribute as a map (a JSON object), or null when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> getMap(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw wrongType(attr, value, "a map");
  }

  private static IllegalStateException wrongType(String attr, Object value, String what) {
    return new IllegalStateException("Attribute '" + attr + "' is " + Json.typeName(value) + ", not " + what);
  }

  // ---------------------------------------------------------------- change tracking

  /** Whether the last {@code set} changed anything. */
  public boolean hasChanged() {
    return !changed.isEmpty();
  }

  /** Whether the last {@code set} changed this attribute. */
  public boolean hasChanged(String attr) {
    return changed.containsKey(attr);
  }

  /** A copy of the attributes the last {@code set} changed, or null when nothing changed. */
  public Map<String, Object> changedAttributes() {
    return hasChanged() ? new LinkedHashMap<>(changed) : null;
  }

  /**
   * Which of {@code diff}'s attributes differ from the model's (from the previous ones during a change
   * round), or null when none does: tells whether a server response would change anything.
   */
  public Map<String, Object> changedAttributes(Map<String, ?> diff) {
    if (diff == null) {
      return changedAttributes();
    }
    Map<String, Object> old = changing ? previousAttributes : attributes;
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : diff.entrySet()) {
      if (!old.containsKey(e.getKey()) || !Values.isEqual(old.get(e.getKey()), e.getValue())) {
        result.put(e.getKey(), e.getValue());
      }
    }
    return result.isEmpty() ? null : result;
  }

  /** The value an attribute had before the last {@code set}, or null. */
  public Object previous(String attr) {
    if (attr == null || previousAttributes == null) {
      return null;
    }
    return previousAttributes.get(attr);
  }

  /** A copy of all attributes as they were before the last {@code set} (empty before any set). */
  public Map<String, Object> previousAttributes() {
    return previousAttributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(previousAttributes);
  }

  // ---------------------------------------------------------------- validation

  /** The error the last failed validation returned, or null. */
  public Object getValidationError() {
    return validationError;
  }

  /** Runs {@link #validate} on the current attributes; fires {@code "invalid"} when they are not valid. */
  public boolean isValid() {
    return isValid(null);
  }

  /** Like {@link #isValid()}, with options passed to {@link #validate} and the {@code invalid} event. */
  public boolean isValid(Options options) {
    return validateAttributes(new LinkedHashMap<>(), Options.copyOf(options).validate(true));
  }

  private boolean validateAttributes(Map<String, ?> attrs, Options options) {
    if (!options.isValidate()) {
      return true;
    }
    Map<String, Object> merged = new LinkedHashMap<>(attributes);
    if (attrs != null) {
      merged.putAll(attrs);
    }
    Object error = validate(merged, options);
    validationError = error;
    if (error == null) {
      return true;
    }
    options.set(Options.VALIDATION_ERROR, error);
    trigger("invalid", this, error, options);
    return false;
  }

  // ---------------------------------------------------------------- persistence

  /** Loads the model from the server (GET {@link #url()}) and sets the parsed response. */
  public void fetch() {
    fetch(null);
  }

  /**
   * Loads the model from the server; on success sets {@code parse(response)} (merging), calls
   * {@code options.getSuccess()} and fires {@code "sync"}; on failure calls the error callback and fires
   * {@code "error"}.
   */
  public void fetch(Options options) {
    sync(Sync.READ, Persistence.fetchOptions(this, options,
        (response, opts) -> set(opts.isParse() ? parse(response, opts) : asAttributes(response), opts)));
  }


  /** Saves the model (POST when new, else PUT). Returns false when validation fails (nothing is sent). */
  public boolean save() {
    return save((Map<String, ?>) null, null);
  }

  /** Saves the model with options ({@code wait}, {@code patch}, {@code validate}, callbacks...). */
  public boolean save(Options options) {
    return save((Map<String, ?>) null, options);
  }

  /** Sets one attribute and saves. */
  public boolean save(String attr, Object value) {
    return save(attr, value, null);
  }

  /** Sets one attribute and saves, with options. */
  public boolean save(String attr, Object value, Options options) {
    return save(single(attr, value), options);
  }

  /** Sets attributes and saves. */
  public boolean save(Map<String, ?> attrs) {
    return save(attrs, null);
  }

  /**
   * Sets {@code attrs} (validated) and saves: create (POST) for a new model, otherwise update (PUT), or patch
   * (PATCH, sending only {@code attrs}) with the {@code patch} option. With {@code wait} the attributes are set
   * only once the server agrees, but are sent right away. The server's response is parsed and set. Returns
   * false (nothing sent) when validation fails.
   */
  public boolean save(Map<String, ?> attrs, Options options) {
    Options opts = new Options().validate(true).parse(true).putAll(options);
    boolean wait = opts.isWait();
    if (attrs != null && !wait) {
      if (!set(attrs, opts)) {
        return false;
      }
    } else if (!validateAttributes(attrs, opts)) {
      return false;
    }
    Map<String, Object> current = attributes;
    SyncCallback success = opts.getSuccess();
    opts.success((target, response, ignored) -> {
      attributes = current;
      Map<String, Object> serverAttrs = opts.isParse() ? parse(response, opts) : asAttributes(response);
      if (wait) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (attrs != null) {
          merged.putAll(attrs);
        }
        if (serverAttrs != null) {
          merged.putAll(serverAttrs);
        }
        serverAttrs = merged;
      }
      if (serverAttrs != null && !set(serverAttrs, opts)) {
        return;
      }
      Persistence.succeed(this, success, response, opts);
    });
    Persistence.wrapError(this, opts);
    if (attrs != null && wait) {
      // Send the proposed attributes without announcing them yet.
      attributes = new LinkedHashMap<>(current);
      attributes.putAll(attrs);
    }
    String method = isNew() ? Sync.CREATE : opts.isPatch() ? Sync.PATCH : Sync.UPDATE;
    if (Sync.PATCH.equals(method) && opts.getAttrs() == null) {
      opts.attrs(attrs);
    }
    try {
      sync(method, opts);
    } finally {
      attributes = current;
    }
    return true;
  }

  /** Destroys the model on the server (and fires {@code "destroy"}). */
  public boolean destroy() {
    return destroy(null);
  }

  /**
   * Fires {@code "destroy"} (collections remove the model) and sends DELETE; with {@code wait}, fires it only
   * after the server agreed. A new model is not sent anywhere: its success callback runs right away. Returns
   * whether a request was sent.
   */
  public boolean destroy(Options options) {
    Options opts = Options.copyOf(options);
    SyncCallback success = opts.getSuccess();
    boolean wait = opts.isWait();
    Runnable announce = () -> {
      stopListening();
      trigger("destroy", this, collection, opts);
    };
    opts.success((target, response, ignored) -> {
      if (wait) {
        announce.run();
      }
      if (success != null) {
        success.call(this, response, opts);
      }
      if (!isNew()) {
        trigger("sync", this, response, opts);
      }
    });
    if (isNew()) {
      if (!wait) {
        announce.run();
      }
      opts.getSuccess().call(this, null, opts);
      return false;
    }
    Persistence.wrapError(this, opts);
    sync(Sync.DELETE, opts);
    if (!wait) {
      announce.run();
    }
    return true;
  }

  private static Map<String, Object> single(String attr, Object value) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(attr, value);
    return attrs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asAttributes(Object response) {
    return response instanceof Map ? (Map<String, Object>) response : null;
  }

  /**
   * A new model with a copy of these attributes. Subclasses override this to return their own type
   * ({@code return new Post(getAttributes(), null);}).
   */
  public Model clone() {
    return new Model(new LinkedHashMap<>(attributes));
  }

  @Override
  public String toString() {
    return getClass().getName() + "(" + cid + ")" + attributes;
  }
}
