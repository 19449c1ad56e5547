package io.vessel.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * PEM encoding and decoding of certificates and keys, and reading and writing them as files.
 *
 * <p>Keys are always written as PKCS#8 ({@code PRIVATE KEY}), which Go's {@code crypto/x509},
 * OpenSSL and the JDK all read. Reading also accepts the traditional {@code EC PRIVATE KEY} and
 * {@code RSA PRIVATE KEY} forms that kubeadm and kind write, so foreign kubeconfigs load.
 *
 * <p>String methods throw {@link IllegalArgumentException}; file methods throw {@link PkiException}
 * naming the file. Writes are atomic (see {@link AtomicFiles}); private keys get mode {@code 0600},
 * certificates and public keys {@code 0644}.
 */
public final class Pem {

  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  public static String encode(X509Certificate certificate) {
    try {
      return block("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot encode certificate: " + e.getMessage(), e);
    }
  }

  /** PKCS#8, {@code -----BEGIN PRIVATE KEY-----}. */
  public static String encode(PrivateKey key) {
    requireFormat(key.getFormat(), "PKCS#8");
    return block("PRIVATE KEY", key.getEncoded());
  }

  /** X.509 SubjectPublicKeyInfo, {@code -----BEGIN PUBLIC KEY-----} (what {@code sa.pub} holds). */
  public static String encode(PublicKey key) {
    requireFormat(key.getFormat(), "X.509");
    return block("PUBLIC KEY", key.getEncoded());
  }

  /** The first certificate in {@code pem}. */
  public static X509Certificate parseCertificate(String pem) {
    return parseCertificates(pem).get(0);
  }

  /** Every certificate in {@code pem}, in order (a CA bundle); at least one. */
  public static List<X509Certificate> parseCertificates(String pem) {
    var certificates = new ArrayList<X509Certificate>();
    try (var reader = new PemReader(new StringReader(pem))) {
      var factory = CertificateFactory.getInstance("X.509");
      for (PemObject block = reader.readPemObject();
          block != null;
          block = reader.readPemObject()) {
        if (!block.getType().equals("CERTIFICATE")) {
          throw new IllegalArgumentException("unexpected PEM block " + block.getType());
        }
        var in = new ByteArrayInputStream(block.getContent());
        certificates.add((X509Certificate) factory.generateCertificate(in));
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw rethrow("certificate", e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no PEM CERTIFICATE block found");
    }
    return certificates;
  }

  /** A private key: PKCS#8, or traditional EC or RSA. Encrypted keys are rejected. */
  public static PrivateKey parsePrivateKey(String pem) {
    try (var parser = new PEMParser(new StringReader(pem))) {
      var object = parser.readObject();
      var converter = new JcaPEMKeyConverter();
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMKeyPair pair) {
        // Only the private half: SEC1 keys may omit the public key.
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      throw new IllegalArgumentException(
          object == null
              ? "no PEM private key block found"
              : "expected an unencrypted private key, found " + object.getClass().getSimpleName());
    } catch (IOException | RuntimeException e) {
      throw rethrow("private key", e);
    }
  }

  public static PublicKey parsePublicKey(String pem) {
    try (var parser = new PEMParser(new StringReader(pem))) {
      var object = parser.readObject();
      if (object instanceof SubjectPublicKeyInfo info) {
        return new JcaPEMKeyConverter().getPublicKey(info);
      }
      throw new IllegalArgumentException(
          object == null ? "no PEM PUBLIC KEY block found" : "expected a PUBLIC KEY block");
    } catch (IOException | RuntimeException e) {
      throw rethrow("public key", e);
    }
  }

  public static X509Certificate readCertificate(Path file) {
    var text = read(file);
    try {
      return parseCertificate(text);
    } catch (IllegalArgumentException e) {
      throw PkiException.unparseable(file, "a PEM certificate", e);
    }
  }

  public static PrivateKey readPrivateKey(Path file) {
    var text = read(file);
    try {
      return parsePrivateKey(text);
    } catch (IllegalArgumentException e) {
      throw PkiException.unparseable(file, "a PEM private key", e);
    }
  }

  public static PublicKey readPublicKey(Path file) {
    var text = read(file);
    try {
      return parsePublicKey(text);
    } catch (IllegalArgumentException e) {
      throw PkiException.unparseable(file, "a PEM public key", e);
    }
  }

  /** Writes {@code 0644}, atomically. */
  public static void write(Path file, X509Certificate certificate) {
    AtomicFiles.write(file, bytes(encode(certificate)), AtomicFiles.PUBLIC);
  }

  /** Writes PKCS#8 with mode {@code 0600}, atomically. */
  public static void write(Path file, PrivateKey key) {
    AtomicFiles.write(file, bytes(encode(key)), AtomicFiles.PRIVATE);
  }

  /** Writes {@code 0644}, atomically. */
  public static void write(Path file, PublicKey key) {
    AtomicFiles.write(file, bytes(encode(key)), AtomicFiles.PUBLIC);
  }

  /**
   * Reads a whole text file; a missing or unreadable file is a {@link PkiException}. Latin-1 never
   * fails to decode, so binary garbage is reported by the parser as unparseable.
   */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new PkiException(file, "file does not exist", e);
    } catch (IOException e) {
      throw new PkiException(file, "cannot read: " + e, e);
    }
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + BASE64.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static void requireFormat(String actual, String expected) {
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException("key encoding is " + actual + ", expected " + expected);
    }
  }

  private static IllegalArgumentException rethrow(String what, Exception e) {
    if (e instanceof IllegalArgumentException iae) {
      return iae;
    }
    return new IllegalArgumentException("invalid PEM " + what + ": " + e.getMessage(), e);
  }
}
