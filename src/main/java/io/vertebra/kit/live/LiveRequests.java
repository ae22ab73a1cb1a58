package io.vertebra.kit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates request bodies against a {@link LiveResource}'s {@link Field} rules. Server-owned fields, the record's
 * own members ({@code createdAt}...) and unknown members are ignored, so a client may send a whole record back.
 * Every refusal is a 400 naming its field.
 */
final class LiveRequests {

  /** The largest integer a browser's JSON number holds exactly (2^53 - 1). */
  private static final double MAX_SAFE_INTEGER = 9.007199254740991E15;

  private final LiveResource resource;

  LiveRequests(LiveResource resource) {
    this.resource = resource;
  }

  /** POST: every field, defaults for those left out (server-owned ones included, for the hooks to set). */
  Map<String, Object> creation(ObjectNode json) {
    Map<String, Object> values = replacement(json);
    for (Field field : resource.fields()) {
      if (field.isServerOwned()) {
        values.put(field.name(), field.defaultValue());
      }
    }
    return values;
  }

  /** PUT: every client field, defaults for those left out; server-owned fields stay as stored. */
  Map<String, Object> replacement(ObjectNode json) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : resource.fields()) {
      if (field.isServerOwned()) {
        continue;
      }
      Value value = value(json, field);
      if (!value.given() && field.isRequired()) {
        throw ApiException.invalid(field.name(), field.name() + " is required");
      }
      values.put(field.name(), value.given() ? value.value() : field.defaultValue());
    }
    return values;
  }

  /** PATCH: the client fields given, at least one. */
  Map<String, Object> patch(ObjectNode json) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (Field field : resource.fields()) {
      if (!field.isServerOwned()) {
        Value value = value(json, field);
        if (value.given()) {
          changes.put(field.name(), value.value());
        }
      }
    }
    if (changes.isEmpty()) {
      String names = resource.fields().stream().filter(f -> !f.isServerOwned()).map(Field::name)
          .collect(Collectors.joining(", "));
      throw ApiException.invalid(resource.fields().get(0).name(), "a PATCH must change at least one of: " + names);
    }
    return changes;
  }

  /** The body's {@code version} (what the client last saw; 7 or 7.0), or null when it has none. */
  static Long version(ObjectNode json) {
    JsonNode node = json.get("version");
    if (node == null || node.isNull()) {
      return null;
    }
    double number = node.asDouble();
    if (!node.isNumber() || number < 1 || number != Math.floor(number) || number > MAX_SAFE_INTEGER) {
      throw ApiException.invalid("version", "version must be a whole number of at least 1");
    }
    return node.isIntegralNumber() ? node.asLong() : (long) number;
  }

  /** Refuses a body {@code id} that names another record than the URL. */
  static void requireSameId(ObjectNode json, long id) {
    JsonNode node = json.get("id");
    if (node != null && !node.isNull() && !(node.isNumber() && node.asDouble() == id)) {
      throw ApiException.invalid("id", "id in the body (" + node + ") does not match the URL (" + id + ")");
    }
  }

  /** A member's validated value; {@code given} is false when it is absent (or null for a non-nullable field). */
  private record Value(boolean given, Object value) {
    static final Value ABSENT = new Value(false, null);
  }

  private static Value value(ObjectNode json, Field field) {
    JsonNode node = json.get(field.name());
    if (node == null) {
      return Value.ABSENT;
    }
    if (node.isNull()) {
      return field.isNullable() && !field.isRequired() ? new Value(true, null) : Value.ABSENT;
    }
    return new Value(true, switch (field.type()) {
      case TEXT -> text(node, field);
      case BOOLEAN -> bool(node, field);
      case INTEGER -> integer(node, field);
    });
  }

  private static String text(JsonNode node, Field field) {
    if (!node.isTextual()) {
      throw ApiException.invalid(field.name(), field.name() + " must be a string, not " + type(node));
    }
    String text = field.isTrimmed() ? node.textValue().strip() : node.textValue();
    if (field.isRequired() && text.isBlank()) {
      throw ApiException.invalid(field.name(), field.name() + " must not be blank");
    }
    if (field.maxLength() > 0 && text.length() > field.maxLength()) {
      throw ApiException.invalid(field.name(), field.name() + " is longer than " + field.maxLength()
          + " characters");
    }
    return text;
  }

  private static Boolean bool(JsonNode node, Field field) {
    if (!node.isBoolean()) {
      throw ApiException.invalid(field.name(), field.name() + " must be true or false, not " + type(node));
    }
    return node.booleanValue();
  }

  private static Long integer(JsonNode node, Field field) {
    double number = node.asDouble();
    if (!node.isNumber() || number != Math.floor(number) || Math.abs(number) > MAX_SAFE_INTEGER) {
      throw ApiException.invalid(field.name(), field.name() + " must be a whole number");
    }
    long value = node.isIntegralNumber() ? node.asLong() : (long) number;
    if (value < field.minValue() || value > field.maxValue()) {
      throw ApiException.invalid(field.name(), field.name() + " must be from " + field.minValue() + " to "
          + field.maxValue());
    }
    return value;
  }

  private static String type(JsonNode node) {
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
