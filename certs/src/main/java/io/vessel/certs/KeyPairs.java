package io.vessel.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * Key generation and key matching.
 *
 * <p>EC P-256 is the default: generating it takes about a millisecond, and Go's TLS stack (kubectl,
 * the kubelet) accepts it. RSA-2048 is used only where the ecosystem expects RSA, the
 * service-account signing key ({@code RS256} is the algorithm every Kubernetes client supports).
 */
public final class KeyPairs {

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyPairs() {}

  /** A new EC key pair on curve P-256 (secp256r1). */
  public static KeyPair ecP256() {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate EC P-256 keys", e);
    }
  }

  /** A new 2048-bit RSA key pair. */
  public static KeyPair rsa2048() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate RSA keys", e);
    }
  }

  /**
   * Whether {@code privateKey} is the private half of {@code publicKey}.
   *
   * <p>Decided by signing a random challenge and verifying it, which works the same for every
   * algorithm and needs no access to key internals.
   */
  public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
    if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
      return false;
    }
    try {
      var algorithm = signatureAlgorithm(privateKey);
      var challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      var signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(challenge);
      var signature = signer.sign();
      var verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // e.g. keys on different curves: not a pair
      return false;
    }
  }

  /**
   * The SHA-256 signature algorithm for a key: {@code SHA256withECDSA} or {@code SHA256withRSA}.
   */
  static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      default ->
          throw new IllegalArgumentException(
              "unsupported key algorithm " + key.getAlgorithm() + " (EC or RSA expected)");
    };
  }
}
