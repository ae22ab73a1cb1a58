package io.vertebra.kit.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A live resource: records a team declares in a few lines of Java and gets served, stored and announced by the
 * server kit, with no servlet or SQL of its own.
 *
 * <pre>{@code
 * public static final LiveResource NOTES = LiveResource.define("notes")
 *     .field(Field.text("title").required().trimmed().maxLength(200))
 *     .field(Field.text("body").maxLength(20_000))
 *     .field(Field.bool("pinned"))
 *     .ordering(Ordering.NEWEST_FIRST)
 *     .pageSize(50, 200)
 *     .maxBodyBytes(64 * 1024)
 *     .build();
 *
 * // at startup, with the app's database and realtime client:
 * LiveResources.install(context, LiveServices.of(database, trigger), NOTES);
 * }</pre>
 *
 * <p>What {@code "notes"} gets (the record name is the collection name without its last {@code s}, here
 * {@code note}; {@link Builder#recordName} sets another):
 * <ul>
 *   <li>REST at {@code /api/notes}: {@code GET} a page of the list ({@code ?limit=}, {@code ?cursor=}; the next
 *       page's cursor in {@code X-Next-Cursor} and a {@code Link rel="next"}), {@code POST} a record (201,
 *       {@code Location}); {@code GET|PUT|PATCH|DELETE /api/notes/{id}}. Every record is
 *       {@code {id, ...fields, version, createdAt, updatedAt}}; answers carry {@code ETag: "version"}.</li>
 *   <li>Optimistic writes: a PUT, PATCH or DELETE based on an old version (in {@code If-Match: "7"} or the body's
 *       {@code version}) gets {@code 409} with the record as it is now in {@code current}; nothing is overwritten.
 *   </li>
 *   <li>Errors as JSON {@code {error, message}}: 400 (invalid field, with {@code field}), 404, 405, 409, 413 (body
 *       larger than {@link #maxBodyBytes()}), 415 (not JSON), 503 (database down).</li>
 *   <li>Storage in the app's database: table {@code notes}, created at startup and given a column for each field
 *       added to the declaration later ({@link LiveResources}). Every write is durable before it is answered.</li>
 *   <li>Realtime, after the commit, never to the sender's socket ({@code X-Socket-Id}): {@code note:create} on
 *       {@code notes}; {@code note:change} and {@code note:destroy} on {@code notes} and {@code note-7}. The data is
 *       the record, or {@code {id, version}} when it is too large for one message (then clients fetch it);
 *       {@code {id}} for a destroy.</li>
 *   <li>Presence: a signed-in user may join {@code presence-note-7} while note 7 exists
 *       ({@link MountedResource#presencePolicy()}).</li>
 * </ul>
 *
 * <p>What is the app's own (who may write, server-set fields such as an author, extra endpoints) goes in
 * {@link LiveHooks}.
 */
public final class LiveResource {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

  private final String collection;
  private final String recordName;
  private final List<Field> fields;
  private final Ordering ordering;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final int maxBodyBytes;

  private LiveResource(Builder builder) {
    this.collection = builder.collection;
    this.recordName = builder.recordName;
    this.fields = List.copyOf(builder.fields);
    this.ordering = builder.ordering;
    this.defaultPageSize = builder.defaultPageSize;
    this.maxPageSize = builder.maxPageSize;
    this.maxBodyBytes = builder.maxBodyBytes;
  }

  /**
   * Starts declaring the resource {@code collection}: lower case letters, digits and {@code _}, plural by
   * convention ({@code "notes"}); it names the REST path, the table and the collection's channel.
   */
  public static Builder define(String collection) {
    return new Builder(collection);
  }

  /** The collection name: {@code notes}. Also the table and the collection's channel. */
  public String collection() {
    return collection;
  }

  /** The record name: {@code note}, as in {@code note:create} and {@code note-7}. */
  public String recordName() {
    return recordName;
  }

  /** The record name as a sentence starts it: {@code Note}. */
  String recordTitle() {
    return Character.toUpperCase(recordName.charAt(0)) + recordName.substring(1);
  }

  /** The REST path of the collection: {@code /api/notes}. */
  public String path() {
    return "/api/" + collection;
  }

  /** The REST path of one record: {@code /api/notes/7}. */
  public String path(long id) {
    return path() + "/" + id;
  }

  /** The channel of one record's changes: {@code note-7}. */
  public String recordChannel(long id) {
    return recordName + "-" + id;
  }

  /** The presence channel of one record: {@code presence-note-7}. */
  public String presenceChannel(long id) {
    return "presence-" + recordChannel(id);
  }

  /** A record event's name: {@code note:create} for {@code "create"}. */
  public String event(String kind) {
    return recordName + ":" + kind;
  }

  /** The table: the collection name. */
  public String table() {
    return collection;
  }

  /** The fields, in declaration order (also their order in the JSON). */
  public List<Field> fields() {
    return fields;
  }

  /** The field named {@code name}, if declared. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public Ordering ordering() {
    return ordering;
  }

  /** Records in a page when the request gives no {@code limit}. */
  public int defaultPageSize() {
    return defaultPageSize;
  }

  /** The largest {@code limit} a request may ask for. */
  public int maxPageSize() {
    return maxPageSize;
  }

  /** The largest request body accepted, in bytes (larger gets 413). */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  @Override
  public String toString() {
    return collection + fields;
  }

  /** Declares a {@link LiveResource}; {@link #build()} checks the declaration. */
  public static final class Builder {

    private final String collection;
    private String recordName;
    private final List<Field> fields = new ArrayList<>();
    private Ordering ordering = Ordering.NEWEST_FIRST;
    private int defaultPageSize = 50;
    private int maxPageSize = 200;
    private int maxBodyBytes = 64 * 1024;

    private Builder(String collection) {
      if (collection == null || !NAME.matcher(collection).matches()) {
        throw new IllegalArgumentException("A live resource's name is lower case letters, digits and _, starting"
            + " with a letter, such as notes; not " + collection);
      }
      this.collection = collection;
      this.recordName = collection.length() > 1 && collection.endsWith("s")
          ? collection.substring(0, collection.length() - 1) : collection;
    }

    /** The record name when it is not the collection's without its last {@code s} ({@code "person"}). */
    public Builder recordName(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("A record name is lower case letters, digits and _, not " + name);
      }
      this.recordName = name;
      return this;
    }

    /** Adds a field (see {@link Field}). */
    public Builder field(Field field) {
      if (fields.stream().anyMatch(f -> f.name().equals(field.name()) || f.column().equals(field.column()))) {
        throw new IllegalArgumentException("Field " + field.name() + " is declared twice");
      }
      fields.add(field);
      return this;
    }

    /** The list's order (default {@link Ordering#NEWEST_FIRST}). */
    public Builder ordering(Ordering ordering) {
      this.ordering = ordering;
      return this;
    }

    /** Records per page without {@code ?limit=} (default 50) and the largest {@code limit} allowed (200). */
    public Builder pageSize(int defaultSize, int maxSize) {
      if (defaultSize < 1 || maxSize < defaultSize) {
        throw new IllegalArgumentException("page sizes must be 1 <= default <= max");
      }
      this.defaultPageSize = defaultSize;
      this.maxPageSize = maxSize;
      return this;
    }

    /** The largest request body, in bytes (default 64 KiB): make room for a maximal record as JSON. */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 256) {
        throw new IllegalArgumentException("maxBodyBytes must be at least 256");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** The declared resource. */
    public LiveResource build() {
      if (fields.isEmpty()) {
        throw new IllegalStateException(collection + " declares no field");
      }
      return new LiveResource(this);
    }
  }
}
