package io.vertebra.kit.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes a live resource's records as JSON: {@code {id, ...fields, version, createdAt, updatedAt}}, times in ISO-8601
 * UTC always with milliseconds (so that they sort as text), a nullable field left out while null.
 */
final class LiveJson {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper;

  LiveJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** The full record. */
  ObjectNode record(LiveRecord record) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", record.id());
    for (Map.Entry<String, Object> value : record.values().entrySet()) {
      if (value.getValue() instanceof String text) {
        node.put(value.getKey(), text);
      } else if (value.getValue() instanceof Boolean bool) {
        node.put(value.getKey(), bool);
      } else if (value.getValue() instanceof Long number) {
        node.put(value.getKey(), number);
      }
    }
    node.put("version", record.version());
    node.put("createdAt", time(record.createdAt()));
    node.put("updatedAt", time(record.updatedAt()));
    return node;
  }

  /** What identifies this state of the record: {@code {id, version}}. */
  ObjectNode reference(LiveRecord record) {
    return mapper.createObjectNode().put("id", record.id()).put("version", record.version());
  }

  /** Any JSON tree as text. */
  String text(Object json) {
    try {
      return mapper.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree could not be written", e);
    }
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
