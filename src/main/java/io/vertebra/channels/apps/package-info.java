/**
 * Several apps in one channels server ({@code CHANNELS_APPS}): each app's credentials, limits, webhooks and origins,
 * read and checked at startup ({@link io.vertebra.channels.apps.AppsConfig}). The running apps are found by key or
 * id in {@link io.vertebra.channels.AppDirectory}.
 */
package io.vertebra.channels.apps;
