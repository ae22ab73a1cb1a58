package io.vertebra.framework.core;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An ordered set of models, kept sorted if it has a comparator, that forwards its models' events and persists
 * as a list: Backbone's Collection in Java.
 *
 * <p>A typed collection gets a {@link ModelFactory} that turns attributes into models:
 * {@code new Collection<Post>(Post::new)}. Models are found by id, by client id or by model ({@link #get}); the
 * shortcuts of its editing methods are in {@link ModelEdits}, the Underscore methods Backbone proxies in
 * {@link ModelSequence} and {@link ModelQueries}.
 *
 * <p>Events: {@code add (model, collection, options)}, {@code remove (model, collection, options)},
 * {@code update (collection, options)} with {@code options.getChanges()}, {@code reset (collection, options)}
 * with {@code options.getPreviousModels()}, {@code sort (collection, options)}, {@code request}, {@code sync},
 * {@code error}, and every event of every model it holds ({@code change}, {@code change:attr},
 * {@code destroy}...). A destroyed model is removed.
 *
 * <p>Where Java differs: Backbone reads the models' {@code idAttribute} from the model class; Java cannot ask a
 * class for what an instance method returns, so a collection learns it from the first model it holds or makes
 * (use {@link #setModelIdAttribute} before that, for example in {@link #preinitialize}). {@link #clone()} cannot
 * construct a subclass: it copies the factory, comparator, id attribute, URL and Sync, and subclasses override it.
 *
 * @param <M> the model type
 */
public class Collection<M extends Model> extends Events implements Syncable, ModelQueries<M>, ModelEdits<M> {

  private final ModelFactory<M> factory;
  private final Members<M> members = new Members<>(this);
  private final Ordering<M> ordering = new Ordering<>();
  private String modelIdAttribute;
  private String url;
  private Sync sync;

  /** An empty collection of plain {@link Model}s. */
  public Collection() {
    this(null, null, null);
  }

  /** A collection of plain {@link Model}s holding these models or attribute maps. */
  public Collection(List<?> models) {
    this(null, models, null);
  }

  /** A collection of plain {@link Model}s with options ({@code comparator}, {@code parse}...). */
  public Collection(List<?> models, Options options) {
    this(null, models, options);
  }

  /** An empty collection whose models the factory creates. */
  public Collection(ModelFactory<M> factory) {
    this(factory, null, null);
  }

  /**
   * A collection whose models the factory creates (null: plain {@link Model}s, so {@code M} must be Model),
   * holding {@code models}: a list of models or attribute maps, one of them, or with {@code parse} a raw
   * response (added silently, as by {@link #reset}). Options: a {@code "comparator"} (attribute name,
   * {@link Comparator} or key {@link Function}; null removes a comparator set in {@link #preinitialize}),
   * {@code parse}, and any option for the initial reset.
   */
  @SuppressWarnings("unchecked")
  public Collection(ModelFactory<M> factory, Object models, Options options) {
    preinitialize(models, options);
    this.factory = factory != null ? factory : (attrs, opts) -> (M) new Model(attrs, opts);
    if (options != null && options.has("comparator")) {
      ordering.fromOption(options.get("comparator"));
    }
    initialize(models, options);
    if (models != null) {
      resetAny(models, new Options().silent(true).putAll(options));
    }
  }

  /**
   * Called first in construction, before options are applied: the place for class-level settings such as
   * {@link #setComparator} (Backbone's prototype properties), which a {@code comparator} option overrides.
   */
  protected void preinitialize(Object models, Options options) {
  }

  /** Called during construction, before the initial models are added; does nothing by default. */
  protected void initialize(Object models, Options options) {
  }

  /** Keeps the collection sorted by one attribute (nulls last). */
  public Collection<M> setComparator(String attribute) {
    ordering.byAttribute(attribute);
    return this;
  }

  /** Keeps the collection sorted by a key computed per model (Backbone's one-argument comparator). */
  public Collection<M> setComparator(Function<? super M, ?> key) {
    ordering.byKey(key);
    return this;
  }

  /** Keeps the collection sorted with a comparator (Backbone's two-argument comparator). */
  public Collection<M> setComparator(Comparator<? super M> comparator) {
    ordering.by(comparator);
    return this;
  }

  /** Removes the comparator: new models are appended. */
  public Collection<M> clearComparator() {
    ordering.clear();
    return this;
  }

  /** The comparator as given (an attribute name, a key Function or a Comparator), or null. */
  public Object getComparator() {
    return ordering.get();
  }

  /** Whether the collection keeps itself sorted. */
  public boolean hasComparator() {
    return ordering.isSet();
  }

  /** The factory that makes this collection's models. */
  public ModelFactory<M> getModelFactory() {
    return factory;
  }

  /**
   * The idAttribute of this collection's models, used to find attribute maps by id: as set with
   * {@link #setModelIdAttribute}, else that of the first model this collection held or made, else "id".
   */
  public String getModelIdAttribute() {
    return modelIdAttribute != null ? modelIdAttribute : "id";
  }

  /** Sets the idAttribute of this collection's models (set it when they use another, such as "_id"). */
  public Collection<M> setModelIdAttribute(String idAttribute) {
    this.modelIdAttribute = idAttribute;
    return this;
  }

  /**
   * The id a model with these attributes has in this collection: {@code attrs[idAttribute]}, the collection's
   * {@link #getModelIdAttribute()} when {@code idAttribute} is null. Override for composite ids.
   */
  public Object modelId(Map<String, ?> attrs, String idAttribute) {
    return attrs.get(idAttribute != null ? idAttribute : getModelIdAttribute());
  }

  /** The list URL (fixed with {@link #setUrl}, or override); models without urlRoot build theirs from it. */
  @Override
  public String url() {
    return url;
  }

  /** Fixes the URL. */
  public Collection<M> setUrl(String url) {
    this.url = url;
    return this;
  }

  /** Persists through this collection's Sync, or {@link GlobalSync#get()}. Overridable. */
  public void sync(String method, Options options) {
    getSync().sync(method, this, options);
  }

  /** The Sync this collection uses. */
  public Sync getSync() {
    return GlobalSync.or(sync);
  }

  /** Gives the collection its own Sync (null: the default again). */
  public Collection<M> setSync(Sync sync) {
    this.sync = sync;
    return this;
  }

  /** Converts a fetch response into the models' attributes (a list, or one object); passes it through. */
  public Object parse(Object response, Options options) {
    return response;
  }

  /** Every model's {@code toJSON()}, in order. */
  public List<Map<String, Object>> toJSON() {
    return toJSON(null);
  }

  /** Every model's {@code toJSON(options)}, in order: the body of a collection-level request. */
  @Override
  public List<Map<String, Object>> toJSON(Options options) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (M model : members.models) {
      json.add(model.toJSON(options));
    }
    return json;
  }

  /** Adds one model or attribute map with options ({@code at}, {@code merge}, {@code silent}, {@code parse}...). */
  @Override
  public M add(Object model, Options options) {
    return SetOperation.single(SetOperation.setAny(this, model, addOptions(options)));
  }

  /** Adds several models with options. */
  @Override
  public List<M> add(List<?> models, Options options) {
    return SetOperation.many(SetOperation.setAny(this, models, addOptions(options)));
  }

  private static Options addOptions(Options options) {
    return new Options().merge(false).putAll(options).add(true).remove(false);
  }

  /**
   * Smart update with one model: adds it, merges it if present, and (by default) removes every other model.
   * Options {@code add}, {@code remove}, {@code merge} turn those parts off; {@code at}, {@code sort},
   * {@code parse}, {@code silent} as for add.
   */
  @Override
  public M set(Object model, Options options) {
    return SetOperation.single(SetOperation.setAny(this, model, options));
  }

  /** Smart update with a list and options. */
  @Override
  public List<M> set(List<?> models, Options options) {
    return SetOperation.many(SetOperation.setAny(this, models, options));
  }

  /** Removes one model with options ({@code silent}...). */
  @Override
  public M remove(Object model, Options options) {
    List<M> removed = removeAndAnnounce(SetOperation.one(model), options);
    return removed.isEmpty() ? null : removed.get(0);
  }

  /** Removes several models with options. */
  @Override
  public List<M> remove(List<?> models, Options options) {
    return removeAndAnnounce(new ArrayList<>(models), options);
  }

  private List<M> removeAndAnnounce(List<?> toRemove, Options options) {
    Options opts = Options.copyOf(options);
    List<M> removed = members.remove(toRemove, opts);
    if (!opts.isSilent() && !removed.isEmpty()) {
      opts.set(Options.CHANGES, new Changes<M>(new ArrayList<>(), removed, new ArrayList<>()));
      trigger("update", this, opts);
    }
    return removed;
  }

  /** Replaces all models with a list, one model or attribute map, or (with {@code parse}) a raw response. */
  @Override
  public List<M> reset(Object models, Options options) {
    return SetOperation.many(resetAny(models, options));
  }

  private Object resetAny(Object replacements, Options options) {
    Options opts = Options.copyOf(options);
    opts.set(Options.PREVIOUS_MODELS, Collections.unmodifiableList(new ArrayList<>(members.clear())));
    Object added = replacements == null ? new ArrayList<>()
        : SetOperation.setAny(this, replacements, addOptions(new Options().silent(true).putAll(opts)));
    if (!opts.isSilent()) {
      trigger("reset", this, opts);
    }
    return added;
  }

  /**
   * Creates a model in this collection and saves it: added right away, or with {@code wait} once the server
   * agreed. Returns the model, or null when it failed validation.
   */
  public M create(Object model) {
    return create(model, null);
  }

  /** Creates and saves a model, with options ({@code wait}, callbacks...). */
  public M create(Object model, Options options) {
    return CollectionPersistence.create(this, model, options);
  }

  /** Loads the list from the server: {@link #set} the parsed models (merging), or {@link #reset} with reset. */
  public SyncRequest fetch() {
    return fetch(null);
  }

  /**
   * Loads the list from the server with options ({@code reset}, {@code add}/{@code remove}/{@code merge}...);
   * {@link #parse} gets the response as it came. Returns the request in flight.
   */
  public SyncRequest fetch(Options options) {
    return CollectionPersistence.fetch(this, options);
  }

  /**
   * The model with this id (number or text) or client id, this model, or the one whose attributes carry its id
   * (or a {@code "cid"}); null when absent.
   */
  public M get(Object obj) {
    return members.get(obj);
  }

  /** Whether {@link #get} finds the model. */
  public boolean has(Object obj) {
    return get(obj) != null;
  }

  @Override
  public M at(int position) {
    List<M> models = members.models;
    int i = position < 0 ? position + models.size() : position;
    return i < 0 || i >= models.size() ? null : models.get(i);
  }

  @Override
  public int length() {
    return members.models.size();
  }

  @Override
  public List<M> toList() {
    return new ArrayList<>(members.models);
  }

  /** Iterates over a snapshot of the models, so the collection may change meanwhile. */
  @Override
  public Iterator<M> iterator() {
    return toList().iterator();
  }

  /** Iterates over the models in order ({@link #iterator()}, named as Backbone names it). */
  public Iterator<M> values() {
    return iterator();
  }

  /** Iterates over the models' ids ({@link #modelId}) in order. */
  public Iterator<Object> keys() {
    return map(model -> modelId(model.getAttributes(), model.idAttribute())).iterator();
  }

  /** Iterates over (id, model) pairs in order. */
  public Iterator<Map.Entry<Object, M>> entries() {
    return map(model -> (Map.Entry<Object, M>) new AbstractMap.SimpleImmutableEntry<Object, M>(
        modelId(model.getAttributes(), model.idAttribute()), model)).iterator();
  }

  /** Sorts by the comparator and fires {@code "sort"}; throws when there is none. */
  public Collection<M> sort() {
    return sort(null);
  }

  /** Sorts by the comparator with options ({@code silent}). */
  public Collection<M> sort(Options options) {
    if (!ordering.isSet()) {
      throw new IllegalStateException("Cannot sort a set without a comparator");
    }
    members.models = ordering.sort(members.models);
    if (options == null || !options.isSilent()) {
      trigger("sort", this, options == null ? new Options() : options);
    }
    return this;
  }

  /** A new collection holding the same models, with the same factory, comparator, id attribute, URL and Sync. */
  public Collection<M> clone() {
    Collection<M> copy = new Collection<>(factory);
    ordering.copyTo(copy.ordering);
    copy.modelIdAttribute = modelIdAttribute;
    copy.url = url;
    copy.sync = sync;
    copy.reset(toList(), new Options().silent(true));
    return copy;
  }

  /** The attribute the comparator sorts by, or null (SetOperation re-sorts a merge only when it changed). */
  String comparatorAttribute() {
    return ordering.attribute;
  }

  /** The models, their index and references, for SetOperation and persistence. */
  Members<M> members() {
    return members;
  }

  /** Learns the models' idAttribute from the first model held or made (Backbone reads it from the class). */
  M learnIdAttribute(M model) {
    if (modelIdAttribute == null) {
      modelIdAttribute = model.idAttribute();
    }
    return model;
  }
}
