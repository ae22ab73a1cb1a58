package io.vertebra.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost made at test time with the JDK's keytool, written as the
 * PEM files TLS_CERT and TLS_KEY take, plus an {@link SSLContext} that trusts it (and nothing else).
 *
 * @param cert the certificate, PEM
 * @param key its private key, PEM (PKCS#8)
 * @param certificate the certificate itself
 */
public record TestCertificates(Path cert, Path key, Certificate certificate) {

  /** Generates a key pair ({@code RSA} or {@code EC}) and certificate into {@code dir}. */
  public static TestCertificates create(Path dir, String algorithm) throws Exception {
    Path store = dir.resolve("server-" + algorithm + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", algorithm,
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    Certificate certificate = ks.getCertificate("server");
    Path cert = Files.writeString(dir.resolve("cert-" + algorithm + ".pem"),
        pem("CERTIFICATE", certificate.getEncoded()));
    Path key = Files.writeString(dir.resolve("key-" + algorithm + ".pem"),
        pem("PRIVATE KEY", ks.getKey("server", "changeit".toCharArray()).getEncoded()));
    return new TestCertificates(cert, key, certificate);
  }

  /** A TLS context that trusts this certificate only. */
  public SSLContext trustingContext() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", certificate);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
