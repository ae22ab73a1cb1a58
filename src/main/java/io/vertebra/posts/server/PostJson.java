package io.vertebra.posts.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.posts.server.store.Post;
import io.vertebra.posts.shared.PostFields;

/** Writes posts as the JSON of the shared contract ({@link PostFields}), for REST answers and realtime events. */
public final class PostJson {

  private final ObjectMapper mapper;

  public PostJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The full post. */
  public ObjectNode toJson(Post post) {
    ObjectNode node = mapper.createObjectNode();
    node.put(PostFields.ID, post.id());
    node.put(PostFields.TITLE, post.title());
    node.put(PostFields.BODY, post.body());
    node.put(PostFields.AUTHOR, post.author());
    node.put(PostFields.VERSION, post.version());
    node.put(PostFields.CREATED_AT, post.createdAt().toString());
    node.put(PostFields.UPDATED_AT, post.updatedAt().toString());
    if (post.authorId() != null) {
      node.put(PostFields.AUTHOR_ID, post.authorId());
    }
    if (post.updatedBy() != null) {
      node.put(PostFields.UPDATED_BY, post.updatedBy());
    }
    return node;
  }

  /** Just what identifies this state of the post: {@code {id, version}}. */
  public ObjectNode reference(Post post) {
    ObjectNode node = mapper.createObjectNode();
    node.put(PostFields.ID, post.id());
    node.put(PostFields.VERSION, post.version());
    return node;
  }

  /** Serialises any JSON tree to a string. */
  public String write(Object json) {
    try {
      return mapper.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree could not be written", e);
    }
  }

  /** The mapper behind this writer (one per backend; thread-safe). */
  public ObjectMapper mapper() {
    return mapper;
  }
}
