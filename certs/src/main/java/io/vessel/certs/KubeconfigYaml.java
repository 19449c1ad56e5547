package io.vessel.certs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Kubeconfig files ({@code apiVersion: v1, kind: Config}) to and from {@link Kubeconfig}. */
final class KubeconfigYaml {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  // User fields that would change how the client authenticates; ignoring them would send
  // requests as a different (anonymous) user, so they are refused instead.
  private static final List<String> UNSUPPORTED_USER_FIELDS =
      List.of("exec", "auth-provider", "username", "password", "as");

  // Cluster fields that would change where or how the server is verified.
  private static final List<String> UNSUPPORTED_CLUSTER_FIELDS =
      List.of("tls-server-name", "proxy-url");

  private KubeconfigYaml() {}

  static String format(Kubeconfig config) {
    var root = YAML.createObjectNode();
    root.put("apiVersion", "v1");
    root.put("kind", "Config");
    var cluster = root.putArray("clusters").addObject();
    cluster.put("name", config.clusterName());
    var clusterBody = cluster.putObject("cluster");
    if (config.caPem() != null) {
      clusterBody.put("certificate-authority-data", base64(config.caPem()));
    }
    if (config.insecureSkipTlsVerify()) {
      clusterBody.put("insecure-skip-tls-verify", true);
    }
    clusterBody.put("server", config.server());
    var context = root.putArray("contexts").addObject();
    context.put("name", config.contextName());
    context
        .putObject("context")
        .put("cluster", config.clusterName())
        .put("user", config.userName());
    root.put("current-context", config.contextName());
    root.putObject("preferences");
    var user = root.putArray("users").addObject();
    user.put("name", config.userName());
    var userBody = user.putObject("user");
    if (config.clientCertPem() != null) {
      userBody.put("client-certificate-data", base64(config.clientCertPem()));
      userBody.put("client-key-data", base64(config.clientKeyPem()));
    }
    config.token().ifPresent(token -> userBody.put("token", token));
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot format kubeconfig", e);
    }
  }

  /** Reads and parses {@code file} (UTF-8, as kubectl writes it). */
  static Kubeconfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PkiException(file, "file does not exist", e);
    } catch (IOException e) {
      throw new PkiException(file, "cannot read: " + e, e);
    }
    return parse(text, file);
  }

  static Kubeconfig parse(String text, Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw PkiException.unparseable(file, "kubeconfig YAML", e);
    }
    if (root == null || !root.isObject()) {
      throw new PkiException(file, "not a kubeconfig: expected a YAML mapping");
    }
    var contextName = currentContext(root, file);
    var context = named(root, "contexts", contextName, file).path("context");
    var clusterName = context.path("cluster").asText("");
    var userName = context.path("user").asText("");
    var cluster = named(root, "clusters", clusterName, file).path("cluster");
    var user =
        userName.isEmpty()
            ? YAML.createObjectNode()
            : named(root, "users", userName, file).path("user");
    refuse(cluster, UNSUPPORTED_CLUSTER_FIELDS, "cluster " + clusterName, file);
    refuse(user, UNSUPPORTED_USER_FIELDS, "user " + userName, file);

    var base = file.toAbsolutePath().getParent();
    var server = cluster.path("server").asText("");
    if (server.isEmpty()) {
      throw new PkiException(file, "cluster " + clusterName + " has no server");
    }
    var caPem = material(cluster, "certificate-authority", base, file);
    var certPem = material(user, "client-certificate", base, file);
    var keyPem = material(user, "client-key", base, file);
    try {
      // Parsed now, so a bad PEM is reported against this file rather than at first connect.
      if (caPem != null) {
        Pem.parseCertificates(caPem);
      }
      if (certPem != null) {
        Pem.parseCertificates(certPem);
      }
      if (keyPem != null) {
        Pem.parsePrivateKey(keyPem);
      }
      return new Kubeconfig(
          clusterName,
          server,
          caPem,
          cluster.path("insecure-skip-tls-verify").asBoolean(false),
          userName.isEmpty() ? contextName : userName,
          certPem,
          keyPem,
          token(user, base));
    } catch (IllegalArgumentException e) {
      throw new PkiException(file, "invalid kubeconfig: " + e.getMessage(), e);
    }
  }

  /** {@code token}, or the trimmed content of {@code tokenFile}. */
  private static Optional<String> token(JsonNode user, Path base) {
    var token = user.path("token").asText("");
    if (!token.isEmpty()) {
      return Optional.of(token);
    }
    var tokenFile = user.path("tokenFile").asText("");
    return tokenFile.isEmpty()
        ? Optional.empty()
        : Optional.of(Pem.read(base.resolve(tokenFile)).trim()).filter(t -> !t.isEmpty());
  }

  private static String currentContext(JsonNode root, Path file) {
    var current = root.path("current-context").asText("");
    if (!current.isEmpty()) {
      return current;
    }
    var contexts = root.path("contexts");
    if (contexts.size() == 1) { // kubectl would ask for --context; with one there is no doubt
      return contexts.get(0).path("name").asText("");
    }
    throw new PkiException(file, "current-context is not set");
  }

  private static JsonNode named(JsonNode root, String list, String name, Path file) {
    for (var entry : root.path(list)) {
      if (name.equals(entry.path("name").asText(null))) {
        return entry;
      }
    }
    throw new PkiException(file, "no entry named '" + name + "' in " + list);
  }

  private static void refuse(JsonNode node, List<String> fields, String where, Path file) {
    for (var field : fields) {
      if (node.has(field) && !node.get(field).isNull()) {
        throw new PkiException(file, where + " uses '" + field + "', which is not supported");
      }
    }
  }

  /**
   * PEM text from {@code FIELD-data} (base64) or, failing that, from the file {@code FIELD} names;
   * null if neither is set.
   */
  private static String material(JsonNode node, String field, Path base, Path file) {
    var data = node.path(field + "-data").asText("");
    if (!data.isEmpty()) {
      try {
        return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new PkiException(file, field + "-data is not valid base64", e);
      }
    }
    var path = node.path(field).asText("");
    return path.isEmpty() ? null : Pem.read(base.resolve(path));
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
