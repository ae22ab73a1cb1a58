/**
 * The process configuration: environment variables ({@link io.vertebra.kit.config.Config}), where the realtime
 * service is ({@link io.vertebra.kit.config.RealtimeSettings}: the embedded channels server, hosted Pusher or any
 * compatible one) and the embedded server's credentials, generated once into {@code DATA_DIR}.
 */
package io.vertebra.kit.config;
