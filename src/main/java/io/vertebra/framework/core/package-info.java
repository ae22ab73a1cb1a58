/**
 * Backbone 1.6.1 in Java, free of browser APIs so it runs and is tested on the JVM as well as compiled by GWT:
 * {@link io.vertebra.framework.core.Events} (named events and listeners), {@link io.vertebra.framework.core.Model}
 * (attributes that announce their changes) and {@link io.vertebra.framework.core.Collection} (ordered, indexed
 * models), with {@link io.vertebra.framework.core.Options}, JSON and URI helpers. Persistence is declared here as
 * {@link io.vertebra.framework.core.Sync} and implemented by the {@code sync} package, which depends on this one,
 * never the reverse. Model and Collection hand each job to a small class of this package
 * ({@code AttributeChanges}, {@code ModelPersistence}, {@code SetOperation}, {@code Members}, {@code Ordering}...)
 * and take their argument shortcuts and Underscore methods from interfaces ({@code ReadableAttributes},
 * {@code ModelQueries}...).
 */
package io.vertebra.framework.core;
