package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.kit.config.Config;
import io.vertebra.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM identities made by the JDK's keytool at test time (a few seconds each on a busy machine: hence an IT). */
class PemIdentityIT {

  @TempDir
  static Path dir;

  private static TestCertificates rsa;
  private static TestCertificates ec;

  @BeforeAll
  static void makeCertificates() throws Exception {
    rsa = TestCertificates.create(dir, "RSA");
    ec = TestCertificates.create(dir, "EC");
  }

  @Test
  void rsaAndEcIdentitiesLoadIntoAKeyStore() throws Exception {
    for (TestCertificates pem : new TestCertificates[] {rsa, ec}) {
      PemIdentity identity = PemIdentity.load(pem.cert(), pem.key());
      assertEquals("CN=localhost", identity.subject());
      assertTrue(identity.keyStore().isKeyEntry(PemIdentity.ALIAS), pem.key().toString());
      assertEquals(pem.certificate(), identity.keyStore().getCertificate(PemIdentity.ALIAS));
    }
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws Exception {
    var e = assertThrows(IllegalArgumentException.class, () -> PemIdentity.load(rsa.cert(), ec.key()));
    assertTrue(e.getMessage().contains("is not the key of the first certificate"), e.getMessage());
  }

  @Test
  void filesWithoutTheRightBlocksAreRefusedByVariable() throws Exception {
    TestCertificates pem = rsa;
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a pem file");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PemIdentity.load(junk, pem.key()))
        .getMessage().startsWith("TLS_CERT " + junk + " holds no"));
    var key = assertThrows(IllegalArgumentException.class, () -> PemIdentity.load(pem.cert(), pem.cert()));
    assertTrue(key.getMessage().contains("openssl pkcs8 -topk8"), key.getMessage());
    var missing = assertThrows(IllegalArgumentException.class,
        () -> PemIdentity.load(dir.resolve("absent.pem"), pem.key()));
    assertTrue(missing.getMessage().startsWith("TLS_CERT"), missing.getMessage());
  }

  @Test
  void configNeedsBothFilesOrNeither() throws Exception {
    TestCertificates pem = ec;
    var e = assertThrows(Config.ConfigException.class, () -> Config.from(Map.of("TLS_CERT", pem.cert().toString())));
    assertEquals("TLS_CERT and TLS_KEY go together: set both (PEM files) or neither", e.getMessage());
    assertEquals("CN=localhost", Config.from(Map.of("TLS_CERT", pem.cert().toString(),
        "TLS_KEY", pem.key().toString())).tls().subject());
  }

  @Test
  void trustedProxiesComeFromTheEnvironment() {
    assertTrue(Config.from(Map.of("TRUSTED_PROXIES", "10.0.0.0/8")).trustedProxies().trusts("10.1.2.3"));
    var e = assertThrows(Config.ConfigException.class, () -> Config.from(Map.of("TRUSTED_PROXIES", "nginx")));
    assertTrue(e.getMessage().startsWith("TRUSTED_PROXIES: 'nginx'"), e.getMessage());
  }
}
