/**
 * REST persistence for the core's {@link io.vertebra.framework.core.Sync}, as {@code Backbone.sync} over
 * {@code Backbone.ajax}: {@link io.vertebra.framework.sync.RestSync} turns a call into an
 * {@link io.vertebra.framework.sync.HttpRequest}, a {@link io.vertebra.framework.sync.Transport} sends it (RestyGWT
 * in the browser, {@code jvm.JdkHttpTransport} on the JVM), and failures come back as
 * {@link io.vertebra.framework.sync.SyncError}. {@link io.vertebra.framework.sync.DefaultSync} installs the
 * application's default.
 */
package io.vertebra.framework.sync;
