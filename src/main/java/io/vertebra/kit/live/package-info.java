/**
 * Live resources: a team declares its records in Java ({@link io.vertebra.kit.live.LiveResource},
 * {@link io.vertebra.kit.live.Field}) and the kit serves them over REST with versions and JSON errors, stores them
 * durably in the app's database (creating and migrating the table), and announces every committed write on realtime
 * channels. App-specific rules go in {@link io.vertebra.kit.live.LiveHooks}. Start at
 * {@link io.vertebra.kit.live.LiveResource}.
 */
package io.vertebra.kit.live;
