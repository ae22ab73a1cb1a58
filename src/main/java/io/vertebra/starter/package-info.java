/**
 * {@code java -jar vertebra.jar new DIR --package com.example.notes}: writes a new project on the framework and
 * server-kit libraries from the templates in {@code src/main/resources/io/vertebra/starter/project/}
 * (docs/first-app.md).
 */
package io.vertebra.starter;
