#!/bin/sh
# The "java" that mvn gwt:devmode starts (pom.xml). The plugin always names GWT's DevMode as the main class; it is
# replaced by Vertebra's HeadlessDevMode, the same DevMode without its Swing window, so the development loop needs
# no display and a failed start exits with status 1.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for arg do
  shift
  [ "$arg" = com.google.gwt.dev.DevMode ] && arg=io.vertebra.devmode.HeadlessDevMode
  set -- "$@" "$arg"
done
exec "$JAVA" "$@"
