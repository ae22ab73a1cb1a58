package io.vertebra.kit.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS identity read from PEM files ({@code TLS_CERT}: the certificate chain, leaf first, as certbot's
 * {@code fullchain.pem}; {@code TLS_KEY}: its private key in PKCS#8, {@code BEGIN PRIVATE KEY}, as certbot and
 * {@code openssl req -newkey} write it; RSA, EC or Ed25519), as an in-memory key store for Jetty.
 *
 * @param keyStore a PKCS#12 store holding the key and chain under {@link #ALIAS}, protected by {@link #password}
 * @param password the store's throw-away password (it never leaves the process)
 * @param subject the leaf certificate's subject, for the startup banner
 */
public record PemIdentity(KeyStore keyStore, String password, String subject) {

  /** The key store entry's name. */
  public static final String ALIAS = "server";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  /**
   * Loads the chain in {@code certFile} and the key in {@code keyFile}.
   *
   * @throws IllegalArgumentException saying which file is unreadable or holds no usable PEM block
   */
  public static PemIdentity load(Path certFile, Path keyFile) {
    List<Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      for (byte[] der : blocks(certFile, "CERTIFICATE")) {
        chain.add(x509.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS_CERT " + certFile + " holds a certificate that cannot be read: "
          + e.getMessage());
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("TLS_CERT " + certFile + " holds no '-----BEGIN CERTIFICATE-----' block");
    }
    List<byte[]> keys = blocks(keyFile, "PRIVATE KEY");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("TLS_KEY " + keyFile + " holds no '-----BEGIN PRIVATE KEY-----' (PKCS#8)"
          + " block; convert an 'RSA PRIVATE KEY' or 'EC PRIVATE KEY' with: openssl pkcs8 -topk8 -nocrypt");
    }
    PrivateKey key = privateKey(keys.get(0), keyFile);
    if (!matches(key, chain.get(0))) {
      throw new IllegalArgumentException("TLS_KEY " + keyFile + " is not the key of the first certificate in"
          + " TLS_CERT " + certFile);
    }
    try {
      byte[] random = new byte[12];
      new java.security.SecureRandom().nextBytes(random);
      String password = Base64.getEncoder().encodeToString(random);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(new Certificate[0]));
      String subject = chain.get(0) instanceof java.security.cert.X509Certificate x
          ? x.getSubjectX500Principal().getName() : chain.get(0).getType();
      return new PemIdentity(store, password, subject);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("TLS_KEY " + keyFile + " and TLS_CERT " + certFile
          + " cannot be used together: " + e.getMessage());
    }
  }

  /** Whether {@code key} signs what the certificate's public key verifies. */
  private static boolean matches(PrivateKey key, Certificate leaf) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> key.getAlgorithm();
    };
    try {
      byte[] probe = "vertebra".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PrivateKey privateKey(byte[] der, Path keyFile) {
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("TLS_KEY " + keyFile + " is not an unencrypted RSA, EC or Ed25519 key");
  }

  private static List<byte[]> blocks(Path file, String type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      String variable = type.equals("CERTIFICATE") ? "TLS_CERT" : "TLS_KEY";
      throw new IllegalArgumentException(variable + " " + file + " cannot be read: " + e.getMessage());
    }
    List<byte[]> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        blocks.add(Base64.getMimeDecoder().decode(m.group(2)));
      }
    }
    return blocks;
  }
}
