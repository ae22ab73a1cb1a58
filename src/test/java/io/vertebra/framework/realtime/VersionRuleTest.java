package io.vertebra.framework.realtime;

import static io.vertebra.framework.realtime.VersionRule.Action.FETCH;
import static io.vertebra.framework.realtime.VersionRule.Action.IGNORE;
import static io.vertebra.framework.realtime.VersionRule.Action.SET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VersionRuleTest {

  @Test
  @DisplayName("a newer full record is set, a newer {id, version} is fetched")
  void newerVersions() {
    assertEquals(SET, VersionRule.decide(2.0, 3.0, true, null));
    assertEquals(FETCH, VersionRule.decide(2.0, 3.0, false, null));
    assertEquals(SET, VersionRule.decide(null, 1.0, true, null), "a model never loaded takes the record");
  }

  @Test
  @DisplayName("stale and duplicate notifications are ignored")
  void staleAndDuplicate() {
    assertEquals(IGNORE, VersionRule.decide(3.0, 3.0, true, null));
    assertEquals(IGNORE, VersionRule.decide(3.0, 2.0, true, null));
    assertEquals(IGNORE, VersionRule.decide(3.0, 3.0, false, null));
    assertEquals(IGNORE, VersionRule.decide(2.0, 4.0, false, 4.0), "a fetch for version 4 is already running");
    assertEquals(FETCH, VersionRule.decide(2.0, 5.0, false, 4.0), "newer than the running fetch brings");
    assertEquals(SET, VersionRule.decide(2.0, 4.0, true, 4.0), "the record itself beats waiting for the fetch");
  }

  @Test
  @DisplayName("without a version the record is taken, or fetched when only the id came")
  void noVersion() {
    assertEquals(SET, VersionRule.decide(3.0, null, true, null));
    assertEquals(FETCH, VersionRule.decide(3.0, null, false, null));
  }

  @Test
  @DisplayName("versions of any numeric type compare by value; other values are no version")
  void versionValues() {
    assertEquals(7.0, VersionRule.version(7));
    assertEquals(7.0, VersionRule.version(7L));
    assertNull(VersionRule.version("7"));
    assertNull(VersionRule.version(null));
  }
}
