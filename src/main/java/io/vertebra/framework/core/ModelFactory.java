package io.vertebra.framework.core;

import java.util.Map;

/**
 * Creates the models of a {@link Collection} from attributes: how a {@code Collection<Post>} makes Posts
 * ({@code new Collection<>(Post::new)}, given a {@code Post(Map, Options)} constructor). The options carry the
 * {@code collection} and {@code parse} flags of the call. A factory may pick a subclass per attributes.
 */
@FunctionalInterface
public interface ModelFactory<M extends Model> {

  /** Creates one model. */
  M create(Map<String, Object> attributes, Options options);
}
