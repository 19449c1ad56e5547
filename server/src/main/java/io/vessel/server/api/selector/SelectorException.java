package io.vessel.server.api.selector;

/**
 * A label or field selector that kube-apiserver would refuse.
 *
 * <p>The message is exactly the text kube-apiserver puts in {@code Status.message} of the {@code
 * 400 BadRequest} it answers for that selector on a list or watch: the list handler (apiserver
 * {@code pkg/endpoints/handlers/get.go} {@code ListResource}) passes the parse error of {@code
 * labels.Parse} / {@code fields.ParseSelector} and of the field-label conversion unchanged to
 * {@code errors.NewBadRequest(err.Error())}. Callers translate this exception into {@code 400
 * BadRequest} with {@link #getMessage()} as the message and must not reword it.
 *
 * <p>Texts follow Kubernetes 1.33 (apimachinery v0.33.0); see {@code LabelSyntax} and the factories
 * below for the source of each message.
 */
public final class SelectorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message is the exact kube-apiserver Status message. */
  public SelectorException(String message) {
    super(message);
  }

  /**
   * The text kube-apiserver gives when a field selector names a field the kind does not support,
   * for kinds that register a field-label conversion (pods, nodes, events, secrets, namespaces,
   * custom resources, …): {@code field label not supported: <field>}.
   *
   * <p>Source: kubernetes {@code pkg/apis/core/v1/conversion.go} and apiextensions-apiserver {@code
   * crConverter.ConvertFieldLabel}.
   */
  public static SelectorException fieldLabelNotSupported(String field) {
    return new SelectorException("field label not supported: " + field);
  }

  /**
   * The text kube-apiserver gives for kinds without a registered field-label conversion, which
   * accept only {@code metadata.name} and {@code metadata.namespace}: {@code "<field>" is not a
   * known field selector: only "metadata.name", "metadata.namespace"}.
   *
   * <p>Source: apimachinery {@code pkg/runtime/conversion.go} {@code
   * DefaultMetaV1FieldSelectorConversion}.
   */
  public static SelectorException unknownFieldSelector(String field) {
    return new SelectorException(
        GoFormat.quote(field)
            + " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
  }

  /**
   * The text kube-apiserver gives when a single-object watch or list ({@code .../pods/x} with
   * {@code watch=true}) carries a field selector that does not pin {@code metadata.name} to the
   * name in the path.
   *
   * <p>Source: apiserver {@code pkg/endpoints/handlers/get.go} {@code ListResource}.
   */
  public static SelectorException nameMismatch() {
    return new SelectorException("fieldSelector metadata.name doesn't match requested name");
  }
}
