#!/bin/sh
# The "java" that gwt:devmode and gwt:codeserver start (see pom.xml). DevMode's Swing window needs a display:
# on a headless machine run it under a virtual one (Debian package xvfb) so the dev loop works over SSH too.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ -z "$DISPLAY" ] && [ -z "$WAYLAND_DISPLAY" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    exec xvfb-run -a "$JAVA" "$@"
  fi
  echo "devmode: no display and no xvfb-run; install it (apt-get install xvfb) or run from a desktop session" >&2
fi
exec "$JAVA" "$@"
