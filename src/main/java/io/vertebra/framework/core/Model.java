package io.vertebra.framework.core;

import java.util.Collections;
import java.util.Map;

/**
 * A record of JSON-like attributes that announces its changes and persists itself: Backbone's Model in Java.
 *
 * <p>Attributes hold what JSON holds (strings, {@code Double} numbers, booleans, null, maps, lists). Read them
 * with {@link #get} or a typed getter ({@link #getString}, {@link #getInt}, ...: {@link ReadableAttributes}),
 * change them with {@link #set}, {@code unset} or {@code clear} ({@link WritableAttributes}); each change fires
 * {@code "change:attr" (model, value, options)} per changed attribute, then one {@code "change" (model, options)}.
 * A typed model is a subclass with accessors:
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
 * {@link #urlRoot()}, {@link #idAttribute()}, {@link #preinitialize}, {@link #initialize},
 * {@link #sync(String, Options)}, {@link #clone()}. Hooks run during construction, before a subclass's own fields
 * are initialised: keep them free of instance state.
 *
 * <p>{@link #fetch}, {@link #save} and {@link #destroy} ({@link Persistent}) return the {@link SyncRequest} in flight
 * (Backbone returns the xhr), whose {@code abort()} stops it.
 *
 * <p>Events: {@code change}, {@code change:attr}, {@code changeId (model, previousId, options)},
 * {@code invalid (model, error, options)}, {@code request (model, request, options)},
 * {@code sync (model, response, options)}, {@code error (model, error, options)},
 * {@code destroy (model, collection, options)}; plus {@code add}, {@code remove}, {@code update}, {@code sort},
 * {@code reset} forwarded from a collection it belongs to.
 *
 * <p>Where Java differs: Java cannot construct "the same class" without reflection, so {@link #clone()} copies
 * through the {@link ModelFactory} that made the model (a collection's) and gives a plain Model otherwise:
 * subclasses built directly override {@code clone()} to return their own type.
 */
public class Model extends Events implements Syncable, ReadableAttributes, WritableAttributes, Persistent {

  private static int nextCid;

  private final String cid;
  private final AttributeChanges state = new AttributeChanges(this);
  private Object id;
  private Collection<?> collection;
  private ModelFactory<?> factory;
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
    Map<String, ?> attrs = attributes == null ? new StringMap<>() : attributes;
    if (opts.isParse()) {
      attrs = parse(attrs, opts);
      if (attrs == null) {
        attrs = new StringMap<>();
      }
    }
    Map<String, Object> initial = new StringMap<>();
    Map<String, ?> defaults = defaults();
    if (defaults != null) {
      initial.putAll(defaults);
    }
    initial.putAll(attrs);
    set(initial, opts);
    state.clearChanged();
    initialize(attributes, opts);
  }

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
    return ModelPersistence.asAttributes(response);
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

  /** Persists through this model's Sync ({@link #setSync}, else {@link GlobalSync#get()}). Overridable. */
  public void sync(String method, Options options) {
    getSync().sync(method, this, options);
  }

  /** The Sync this model uses. */
  public Sync getSync() {
    return GlobalSync.or(sync);
  }

  /** Gives this model its own Sync (null: the default again). */
  public Model setSync(Sync sync) {
    this.sync = sync;
    return this;
  }

  /** The client id, unique among all models of this page ({@code "c1"}); set before any attribute. */
  public String getCid() {
    return cid;
  }

  /** The value of the {@link #idAttribute()} attribute when it was last set, or null for a new model. */
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

  @Override
  public Object get(String attr) {
    return state.attributes.get(attr);
  }

  @Override
  public Map<String, Object> getAttributes() {
    return Collections.unmodifiableMap(state.attributes);
  }

  /** The attributes changed by the last {@code set} (read-only live view). */
  public Map<String, Object> getChanged() {
    return Collections.unmodifiableMap(state.changed());
  }

  /** A copy of the attributes, ready for {@link Json#stringify}; override to shape what is sent to the server. */
  public Map<String, Object> toJSON() {
    return toJSON(null);
  }

  /** Like {@link #toJSON()}, with the options of the request being built. */
  @Override
  public Map<String, Object> toJSON(Options options) {
    return new StringMap<>(state.attributes);
  }

  /**
   * Sets several attributes: fires {@code change:attr} for each attribute whose value changed, then one
   * {@code change}; changes made by those listeners are folded into the same round, as in Backbone. Returns
   * false when {@code validate} is on and {@link #validate} rejects the result (nothing is set then).
   */
  @Override
  public boolean set(Map<String, ?> attrs, Options options) {
    if (attrs == null) {
      return true;
    }
    // A private copy: the caller may pass a view of these very attributes (getAttributes()).
    Map<String, Object> input = new StringMap<>(attrs);
    Options opts = options == null ? new Options() : options;
    if (!state.validate(input, opts)) {
      return false;
    }
    state.apply(input, opts);
    return true;
  }

  /** Whether the last {@code set} changed anything. */
  public boolean hasChanged() {
    return !state.changed().isEmpty();
  }

  /** Whether the last {@code set} changed this attribute; with null, whether it changed anything. */
  public boolean hasChanged(String attr) {
    return attr == null ? hasChanged() : state.changed().containsKey(attr);
  }

  /** A copy of the attributes the last {@code set} changed, or null when nothing changed. */
  public Map<String, Object> changedAttributes() {
    return hasChanged() ? new StringMap<>(state.changed()) : null;
  }

  /**
   * Which of {@code diff}'s attributes differ from the model's (from the previous ones during a change
   * round), or null when none does: tells whether a server response would change anything.
   */
  public Map<String, Object> changedAttributes(Map<String, ?> diff) {
    return diff == null ? changedAttributes() : state.diff(diff);
  }

  /** The value an attribute had before the last {@code set}, or null. */
  public Object previous(String attr) {
    return state.previous(attr);
  }

  /** A copy of all attributes as they were before the last {@code set} (empty before any set). */
  public Map<String, Object> previousAttributes() {
    return state.previousAttributes();
  }

  /** The error the last failed validation returned, or null. */
  public Object getValidationError() {
    return state.validationError;
  }

  /** Runs {@link #validate} on the current attributes; fires {@code "invalid"} when they are not valid. */
  public boolean isValid() {
    return isValid(null);
  }

  /** Like {@link #isValid()}, with options passed to {@link #validate} and the {@code invalid} event. */
  public boolean isValid(Options options) {
    return state.validate(new StringMap<>(), Options.copyOf(options).validate(true));
  }

  /**
   * Loads the model from the server; on success sets {@code parse(response)} (merging), calls
   * {@code options.getSuccess()} and fires {@code "sync"}; on failure calls the error callback and fires
   * {@code "error"}. Returns the request in flight.
   */
  @Override
  public SyncRequest fetch(Options options) {
    return ModelPersistence.fetch(this, options);
  }

  /**
   * Sets {@code attrs} (validated) and saves: create (POST) for a new model, otherwise update (PUT), or patch
   * (PATCH, sending only {@code attrs}) with the {@code patch} option. With {@code wait} the attributes are set
   * only once the server agrees, but are sent right away. The server's response is parsed and set. Returns the
   * request in flight, or null (nothing sent) when validation fails.
   */
  @Override
  public SyncRequest save(Map<String, ?> attrs, Options options) {
    return ModelPersistence.save(this, attrs, options);
  }

  /**
   * Fires {@code "destroy"} (collections remove the model) and sends DELETE; with {@code wait}, fires it only
   * after the server agreed. A model never saved is not sent anywhere: its success callback runs later, as
   * Backbone defers it ({@link Defer}). Returns the request in flight, or null when nothing was sent.
   */
  @Override
  public SyncRequest destroy(Options options) {
    return ModelPersistence.destroy(this, options);
  }

  /**
   * A new model with a copy of these attributes, of the same kind when the model was made by a
   * {@link ModelFactory} (a collection's). Subclasses built directly override this to return their own type
   * ({@code return new Post(getAttributes(), null);}).
   */
  public Model clone() {
    Map<String, Object> copy = new StringMap<>(state.attributes);
    return factory != null ? factory.create(copy, new Options()) : new Model(copy);
  }

  @Override
  public String toString() {
    return getClass().getName() + "(" + cid + ")" + state.attributes;
  }

  AttributeChanges state() {
    return state;
  }

  /** Remembers the factory that made this model, so {@link #clone()} makes the same kind. */
  void madeBy(ModelFactory<?> maker) {
    this.factory = maker;
  }

  /** The idAttribute was set: {@code id} follows it, announced with {@code changeId} when it changed. */
  void updateId(Options options) {
    Object previousId = id;
    id = get(idAttribute());
    if (!Values.isSame(id, previousId)) {
      trigger("changeId", this, previousId, options);
    }
  }

}
