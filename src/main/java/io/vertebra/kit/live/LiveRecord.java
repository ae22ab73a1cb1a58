package io.vertebra.kit.live;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One stored record of a {@link LiveResource}: what every record has ({@code id}, {@code version} from 1, growing
 * by one with every write, {@code createdAt}, {@code updatedAt}) and the values of the resource's fields, by field
 * name (String, Boolean or Long as the {@link FieldType} says; null only for a nullable field).
 */
public record LiveRecord(long id, long version, Instant createdAt, Instant updatedAt, Map<String, Object> values) {

  /** The names every record has; no {@link Field} may take them. */
  public static final Set<String> RESERVED = Set.of("id", "version", "createdAt", "updatedAt");

  public LiveRecord {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The value of {@code field}. */
  public Object get(String field) {
    return values.get(field);
  }

  /** The value of a text field. */
  public String text(String field) {
    return (String) values.get(field);
  }

  /** The value of a boolean field. */
  public boolean bool(String field) {
    return Boolean.TRUE.equals(values.get(field));
  }

  /** The value of an integer field (0 for a null one). */
  public long integer(String field) {
    Object value = values.get(field);
    return value == null ? 0 : (Long) value;
  }
}
