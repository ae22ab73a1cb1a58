package io.vertebra.framework.core;

import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.Sync;
import io.vertebra.framework.sync.SyncCallback;
import io.vertebra.framework.sync.Syncable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An ordered set of models, kept sorted if it has a comparator, that forwards its models' events and persists
 * as a list: Backbone's Collection in Java.
 *
 * <p>A typed collection gets a {@link ModelFactory} that turns attributes into models:
 * {@code new Collection<Post>(Post::new)}. Models are found by id, by client id or by model ({@link #get}).
 *
 * <p>Events: {@code add (model, collection, options)}, {@code remove (model, collection, options)},
 * {@code update (collection, options)} with {@code options.getChanges()}, {@code reset (collection, options)}
 * with {@code options.getPreviousModels()}, {@code sort (collection, options)}, {@code request}, {@code sync},
 * {@code error}, and every event of every model it holds ({@code change}, {@code change:attr},
 * {@code destroy}...). A destroyed model is removed.
 *
 * @param <M> the model type
 */
public class Collection<M extends Model> extends Events implements Syncable, Iterable<M> {

  private final ModelFactory<M> factory;
  private List<M> models = new ArrayList<>();
  /** Models by client id and by id (as text, like JavaScript object keys). */
  private Map<String, M> byId = new HashMap<>();
  /** Package-visible for SetOperation, which sorts only when this attribute changed. */
  String comparatorAttribute;
  private Function<? super M, ?> comparatorKey;
  private Comparator<? super M> comparator;
  /** The idAttribute of the models, set explicitly or learned from the first model the factory makes. */
  private String modelIdAttribute;
  private String url;
  private Sync sync;
  private final Callback modelEventHandler = this::onModelEvent;
  private final Callback pristineErrorHandler = this::forwardPristineError;

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
      Object optionComparator = options.get("comparator");
      if (optionComparator == null || Boolean.FALSE.equals(optionComparator)) {
        clearComparator();
      } else {
        setComparatorObject(optionComparator);
      }
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

  // ---------------------------------------------------------------- configuration

  /** Keeps the collection sorted by one attribute (nulls last). */
  public Collection<M> setComparator(String attribute) {
    clearComparator();
    comparatorAttribute = attribute;
    return this;
  }

  /** Keeps the collection sorted by a key computed per model (Backbone's one-argument comparator). */
  public Collection<M> setComparator(Function<? super M, ?> key) {
    clearComparator();
    comparatorKey = key;
    return this;
  }

  /** Keeps the collection sorted with a comparator (Backbone's two-argument comparator). */
  public Collection<M> setComparator(Comparator<? super M> comparator) {
    clearComparator();
    this.comparator = comparator;
    return this;
  }

  /** Removes the comparator: new models are appended. */
  public Collection<M> clearComparator() {
    comparatorAttribute = null;
    comparatorKey = null;
    comparator = null;
    return this;
  }

  /** The comparator as given (an attribute name, a key Function or a Comparator), or null. */
  public Object getComparator() {
    return comparatorAttribute != null ? comparatorAttribute : comparatorKey != null ? comparatorKey : comparator;
  }

  /** The factory that makes this collection's models. */
  public ModelFactory<M> getModelFactory() {
    return factory;
  }

  /** Whether the collection keeps itself sorted. */
  public boolean hasComparator() {
    return comparatorAttribute != null || comparatorKey != null || comparator != null;
  }

  @SuppressWarnings("unchecked")
  private void setComparatorObject(Object value) {
    if (value instanceof String) {
      setComparator((String) value);
    } else if (value instanceof Comparator) {
      setComparator((Comparator<? super M>) value);
    } else if (value instanceof Function) {
      setComparator((Function<? super M, ?>) value);
    } else {
      throw new IllegalArgumentException("A comparator is an attribute name, a Comparator or a Function");
    }
  }

  /**
   * The idAttribute of this collection's models, used to find attribute maps by id: as set with
   * {@link #setModelIdAttribute}, else that of the first model the factory created, else "id".
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

  /** Persists through this collection's Sync, or {@link DefaultSync#get()}. Overridable. */
  public void sync(String method, Options options) {
    getSync().sync(method, this, options);
  }

  /** The Sync this collection uses. */
  public Sync getSync() {
    return DefaultSync.or(sync);
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
    for (M model : models) {
      json.add(model.toJSON(options));
    }
    return json;
  }

  // ---------------------------------------------------------------- adding and removing

  /** Adds one model or attribute map; returns the model (the existing one if already present), or null. */
  public M add(Object model) {
    return add(model, null);
  }

  /** Adds one model with options ({@code at}, {@code merge}, {@code silent}, {@code parse}...). */
  public M add(Object model, Options options) {
    return single(setAny(model, addOptions(options)));
  }

  /** Adds several models; returns them in order (null where a model failed validation). */
  public List<M> add(List<?> models) {
    return add(models, null);
  }

  /** Adds several models with options. */
  public List<M> add(List<?> models, Options options) {
    return many(setAny(models, addOptions(options)));
  }

  private static Options addOptions(Options options) {
    return new Options().merge(false).putAll(options).add(true).remove(false);
  }

  /** Smart update with one model or attribute map (see {@link #set(Object, Options)}). */
  public M set(Object model) {
    return set(model, null);
  }

  /**
   * Smart update with one model: adds it, merges it if present, and (by default) removes every other model.
   * Options {@code add}, {@code remove}, {@code merge} turn those parts off; {@code at}, {@code sort},
   * {@code parse}, {@code silent} as for add.
   */
  public M set(Object model, Options options) {
    return single(setAny(model, options));
  }

  /** Smart update with a list: the collection ends up holding exactly these models (by default). */
  public List<M> set(List<?> models) {
    return set(models, null);
  }

  /** Smart update with a list and options. */
  public List<M> set(List<?> models, Options options) {
    return many(setAny(models, options));
  }

  /** Removes one model (by model, id, cid or attributes); returns it, or null when it was not here. */
  public M remove(Object model) {
    return remove(model, null);
  }

  /** Removes one model with options ({@code silent}...). */
  public M remove(Object model, Options options) {
    List<M> removed = removeAndAnnounce(Collections.singletonList(model), options);
    return removed.isEmpty() ? null : removed.get(0);
  }

  /** Removes several models; returns those that were here. */
  public List<M> remove(List<?> models) {
    return remove(models, null);
  }

  /** Removes several models with options. */
  public List<M> remove(List<?> models, Options options) {
    return removeAndAnnounce(new ArrayList<>(models), options);
  }

  private List<M> removeAndAnnounce(List<?> toRemove, Options options) {
    Options opts = Options.copyOf(options);
    List<M> removed = removeModels(toRemove, opts);
    if (!opts.isSilent() && !removed.isEmpty()) {
      opts.set(Options.CHANGES, new Changes<M>(new ArrayList<>(), removed, new ArrayList<>()));
      trigger("update", this, opts);
    }
    return removed;
  }

  /** Replaces all models at once, firing one {@code reset} instead of add/remove events. */
  public List<M> reset(List<?> models) {
    return reset(models, null);
  }

  /** Empties the collection (one {@code reset} event). */
  public List<M> reset() {
    return reset(null, null);
  }

  /** Replaces all models with options ({@code silent}, {@code parse}...). */
  public List<M> reset(List<?> models, Options options) {
    return many(resetAny(models, options));
  }

  /** Replaces all models with one model or attribute map, or (with {@code parse}) a raw response. */
  public List<M> reset(Object models, Options options) {
    return many(resetAny(models, options));
  }

  private Object resetAny(Object replacements, Options options) {
    Options opts = Options.copyOf(options);
    for (M model : models) {
      removeReference(model);
    }
    opts.set(Options.PREVIOUS_MODELS, Collections.unmodifiableList(new ArrayList<>(models)));
    models = new ArrayList<>();
    byId = new HashMap<>();
    Object added = replacements == null
        ? new ArrayList<>() : setAny(replacements, addOptions(new Options().silent(true).putAll(opts)));
    if (!opts.isSilent()) {
      trigger("reset", this, opts);
    }
    return added;
  }

  /** Adds a model at the end. */
  public M push(Object model) {
    return push(model, null);
  }

  /** Adds a model at the end, with options. */
  public M push(Object model, Options options) {
    return add(model, new Options().at(models.size()).putAll(options));
  }

  /** Removes and returns the last model (null when empty). */
  public M pop() {
    return pop(null);
  }

  /** Removes and returns the last model, with options. */
  public M pop(Options options) {
    M last = at(models.size() - 1);
    return last == null ? null : remove(last, options);
  }

  /** Adds a model at the start. */
  public M unshift(Object model) {
    return unshift(model, null);
  }

  /** Adds a model at the start, with options. */
  public M unshift(Object model, Options options) {
    return add(model, new Options().at(0).putAll(options));
  }

  /** Removes and returns the first model (null when empty). */
  public M shift() {
    return shift(null);
  }

  /** Removes and returns the first model, with options. */
  public M shift(Options options) {
    M first = at(0);
    return first == null ? null : remove(first, options);
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
    Options opts = Options.copyOf(options);
    boolean wait = opts.isWait();
    M prepared = prepareModel(model, opts);
    if (prepared == null) {
      return null;
    }
    if (!wait) {
      add(prepared, opts);
    }
    SyncCallback success = opts.getSuccess();
    opts.success((target, response, callbackOptions) -> {
      if (wait) {
        prepared.off("error", pristineErrorHandler, this);
        add(prepared, callbackOptions);
      }
      if (success != null) {
        success.call(target, response, callbackOptions);
      }
    });
    if (wait) {
      // Not listening to the model yet: forward its first error ourselves.
      prepared.once("error", pristineErrorHandler, this);
    }
    prepared.save(opts);
    return prepared;
  }

  /** Loads the list from the server: {@link #set} the parsed models (merging), or {@link #reset} with reset. */
  public void fetch() {
    fetch(null);
  }

  /** Loads the list from the server with options ({@code reset}, {@code add}/{@code remove}/{@code merge}...). */
  public void fetch(Options options) {
    sync(Sync.READ, Persistence.fetchOptions(this, options, (response, opts) -> {
      if (opts.isReset()) {
        resetAny(asList(response), opts);
      } else {
        setAny(response, opts);
      }
      return true;
    }));
  }


  private static Object asList(Object response) {
    return response == null || response instanceof List ? response : Collections.singletonList(response);
  }

  // ---------------------------------------------------------------- lookup

  /** The model with this id (number or text), client id, model, or attributes' id; null when absent. */
  public M get(Object obj) {
    if (obj == null) {
      return null;
    }
    if (obj instanceof Model) {
      Model model = (Model) obj;
      M found = byKey(modelId(model.getAttributes(), model.idAttribute()));
      return found != null ? found : byId.get(model.getCid());
    }
    if (obj instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> attrs = (Map<String, ?>) obj;
      return byKey(modelId(attrs, null));
    }
    return byKey(obj);
  }

  private M byKey(Object id) {
    return id == null ? null : byId.get(key(id));
  }

  private static String key(Object id) {
    return Values.asText(id);
  }

  /** Whether {@link #get} finds the model. */
  public boolean has(Object obj) {
    return get(obj) != null;
  }

  /** The model at an index; negative indexes count from the end; null when out of range. */
  public M at(int index) {
    int i = index < 0 ? index + models.size() : index;
    return i < 0 || i >= models.size() ? null : models.get(i);
  }

  /** The number of models. */
  public int length() {
    return models.size();
  }

  /** Whether the collection holds no model. */
  public boolean isEmpty() {
    return models.isEmpty();
  }

  /** The first model, or null. */
  public M first() {
    return at(0);
  }

  /** The last model, or null. */
  public M last() {
    return at(-1);
  }

  /** The position of a model (by identity), or -1. */
  public int indexOf(Object model) {
    for (int i = 0; i < models.size(); i++) {
      if (models.get(i) == model) {
        return i;
      }
    }
    return -1;
  }

  /** A copy of the models from {@code start} on (negative counts from the end). */
  public List<M> slice(int start) {
    return slice(start, models.size());
  }

  /** A copy of the models in [start, end), indexes as JavaScript's {@code Array.slice} takes them. */
  public List<M> slice(int start, int end) {
    int from = clampIndex(start);
    int to = clampIndex(end);
    return from >= to ? new ArrayList<>() : new ArrayList<>(models.subList(from, to));
  }

  private int clampIndex(int index) {
    int i = index < 0 ? index + models.size() : index;
    return Math.max(0, Math.min(i, models.size()));
  }

  /** A copy of the models, in order. */
  public List<M> toList() {
    return new ArrayList<>(models);
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
    List<Map.Entry<Object, M>> entries = new ArrayList<>();
    for (M model : models) {
      entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(
          modelId(model.getAttributes(), model.idAttribute()), model));
    }
    return entries.iterator();
  }

  /** The value of one attribute of every model, in order. */
  public List<Object> pluck(String attr) {
    return map(model -> model.get(attr));
  }

  /** The models whose attributes match every given attribute. */
  public List<M> where(Map<String, ?> attrs) {
    return filter(model -> model.matches(attrs));
  }

  /** The first model whose attributes match, or null. */
  public M findWhere(Map<String, ?> attrs) {
    return find(model -> model.matches(attrs));
  }

  /** The models that pass the test, in order. */
  public List<M> filter(Predicate<? super M> test) {
    List<M> result = new ArrayList<>();
    for (M model : toList()) {
      if (test.test(model)) {
        result.add(model);
      }
    }
    return result;
  }

  /** The models that fail the test, in order. */
  public List<M> reject(Predicate<? super M> test) {
    return filter(model -> !test.test(model));
  }

  /** The first model that passes the test, or null. */
  public M find(Predicate<? super M> test) {
    for (M model : toList()) {
      if (test.test(model)) {
        return model;
      }
    }
    return null;
  }

  /** Whether some model passes the test. */
  public boolean some(Predicate<? super M> test) {
    return find(test) != null;
  }

  /** Whether every model passes the test. */
  public boolean every(Predicate<? super M> test) {
    return find(model -> !test.test(model)) == null;
  }

  /** Every model mapped through a function, in order. */
  public <R> List<R> map(Function<? super M, ? extends R> mapper) {
    List<R> result = new ArrayList<>();
    for (M model : toList()) {
      result.add(mapper.apply(model));
    }
    return result;
  }

  /** Groups the models by a key, keeping order within each group. */
  public <K> Map<K, List<M>> groupBy(Function<? super M, ? extends K> key) {
    Map<K, List<M>> groups = new java.util.LinkedHashMap<>();
    for (M model : toList()) {
      groups.computeIfAbsent(key.apply(model), k -> new ArrayList<>()).add(model);
    }
    return groups;
  }

  /** Groups the models by the value of an attribute. */
  public Map<Object, List<M>> groupBy(String attr) {
    return groupBy(model -> model.get(attr));
  }

  /** How many models fall under each key. */
  public <K> Map<K, Integer> countBy(Function<? super M, ? extends K> key) {
    Map<K, Integer> counts = new java.util.LinkedHashMap<>();
    for (M model : toList()) {
      K k = key.apply(model);
      counts.put(k, counts.containsKey(k) ? counts.get(k) + 1 : 1);
    }
    return counts;
  }

  /** The models sorted by an attribute (stable, nulls last), without changing the collection. */
  public List<M> sortBy(String attr) {
    return sortBy(model -> model.get(attr));
  }

  /** The models sorted by a key (stable, nulls last), without changing the collection. */
  public List<M> sortBy(Function<? super M, ?> key) {
    List<M> sorted = toList();
    sorted.sort((a, b) -> Values.compare(key.apply(a), key.apply(b)));
    return sorted;
  }

  // ---------------------------------------------------------------- sorting

  /** Sorts by the comparator and fires {@code "sort"}; throws when there is none. */
  public Collection<M> sort() {
    return sort(null);
  }

  /** Sorts by the comparator with options ({@code silent}). */
  public Collection<M> sort(Options options) {
    if (!hasComparator()) {
      throw new IllegalStateException("Cannot sort a set without a comparator");
    }
    if (comparator != null) {
      models.sort(comparator);
    } else if (comparatorKey != null) {
      models = sortBy(comparatorKey);
    } else {
      models = sortBy(comparatorAttribute);
    }
    if (options == null || !options.isSilent()) {
      trigger("sort", this, options == null ? new Options() : options);
    }
    return this;
  }

  /** A new collection with the same models, factory and comparator. */
  public Collection<M> clone() {
    Collection<M> copy = new Collection<>(factory);
    copy.comparatorAttribute = comparatorAttribute;
    copy.comparatorKey = comparatorKey;
    copy.comparator = comparator;
    copy.modelIdAttribute = modelIdAttribute;
    copy.reset(toList(), new Options().silent(true));
    return copy;
  }

  // ---------------------------------------------------------------- internals

  /** The live model list, for SetOperation. */
  List<M> models() {
    return models;
  }

  /** Replaces the model list, for SetOperation's reordering. */
  void replaceModels(List<M> ordered) {
    models = ordered;
  }

  @SuppressWarnings("unchecked")
  private M single(Object result) {
    return result instanceof List ? (((List<M>) result).isEmpty() ? null : ((List<M>) result).get(0)) : (M) result;
  }

  @SuppressWarnings("unchecked")
  private List<M> many(Object result) {
    if (result == null) {
      return new ArrayList<>();
    }
    return result instanceof List ? (List<M>) result : new ArrayList<>(Collections.singletonList((M) result));
  }

  /** Backbone's {@code set}: returns one model for one input, else the list. */
  private Object setAny(Object input, Options options) {
    if (input == null) {
      return null;
    }
    Options opts = new Options().add(true).remove(true).merge(true).putAll(options);
    Object items = input;
    if (opts.isParse() && !(items instanceof Model)) {
      items = parse(items, opts);
      if (items == null) {
        items = new ArrayList<>();
      }
    }
    boolean singular = !(items instanceof List);
    List<Object> inputs = singular ? new ArrayList<>(Collections.singletonList(items)) : new ArrayList<>((List<?>) items);
    new SetOperation<>(this, opts).run(inputs);
    if (singular) {
      return inputs.get(0);
    }
    return inputs;
  }

  /** Turns attributes into a model of this collection (or adopts a model); null when it fails validation. */
  @SuppressWarnings("unchecked")
  M prepareModel(Object attrs, Options options) {
    if (attrs instanceof Model) {
      M model = (M) attrs;
      if (model.getCollection() == null) {
        model.setCollection(this);
      }
      return model;
    }
    if (attrs != null && !(attrs instanceof Map)) {
      throw new IllegalArgumentException("A collection holds models or attribute maps, not "
          + (attrs == null ? "null" : attrs.getClass().getName()));
    }
    Options opts = Options.copyOf(options);
    opts.set(Options.COLLECTION, this);
    M model = factory.create(attrs == null ? new java.util.LinkedHashMap<>() : (Map<String, Object>) attrs, opts);
    if (modelIdAttribute == null) {
      modelIdAttribute = model.idAttribute();
    }
    if (model.getValidationError() == null) {
      return model;
    }
    trigger("invalid", this, model.getValidationError(), opts);
    return null;
  }

  List<M> removeModels(List<?> toRemove, Options options) {
    List<M> removed = new ArrayList<>();
    for (Object item : toRemove) {
      M model = get(item);
      if (model == null) {
        continue;
      }
      int index = indexOf(model);
      models.remove(index);
      // Unindexed before "remove" fires, so listeners no longer find it here.
      unindex(model);
      if (!options.isSilent()) {
        options.set(Options.INDEX, index);
        model.trigger("remove", model, this, options);
      }
      removed.add(model);
      removeReference(model);
    }
    if (!toRemove.isEmpty() && !options.isSilent()) {
      options.delete(Options.INDEX);
    }
    return removed;
  }

  void addReference(M model) {
    byId.put(model.getCid(), model);
    Object id = modelId(model.getAttributes(), model.idAttribute());
    if (id != null) {
      byId.put(key(id), model);
    }
    model.on("all", modelEventHandler, this);
  }

  private void removeReference(M model) {
    unindex(model);
    if (model.getCollection() == this) {
      model.setCollection(null);
    }
    model.off("all", modelEventHandler, this);
  }

  private void unindex(M model) {
    byId.remove(model.getCid());
    Object id = modelId(model.getAttributes(), model.idAttribute());
    if (id != null) {
      byId.remove(key(id));
    }
  }

  /** Re-triggers every model event on the collection; keeps the id index current and drops destroyed models. */
  @SuppressWarnings("unchecked")
  private void onModelEvent(Object... args) {
    String event = (String) args[0];
    Object subject = args.length > 1 ? args[1] : null;
    if (subject instanceof Model) {
      Object other = args.length > 2 ? args[2] : null;
      if (("add".equals(event) || "remove".equals(event)) && other != this) {
        return;
      }
      M model = (M) subject;
      if ("destroy".equals(event)) {
        remove(model, args.length > 3 && args[3] instanceof Options ? (Options) args[3] : null);
      }
      if ("changeId".equals(event)) {
        Object previousId = modelId(model.previousAttributes(), model.idAttribute());
        Object id = modelId(model.getAttributes(), model.idAttribute());
        if (previousId != null) {
          byId.remove(key(previousId));
        }
        if (id != null) {
          byId.put(key(id), model);
        }
      }
    }
    Object[] rest = new Object[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    trigger(event, rest);
  }

  private void forwardPristineError(Object... args) {
    if (has(args[0])) {
      return;
    }
    Object[] forwarded = new Object[args.length + 1];
    forwarded[0] = "error";
    System.arraycopy(args, 0, forwarded, 1, args.length);
    onModelEvent(forwarded);
  }
}
