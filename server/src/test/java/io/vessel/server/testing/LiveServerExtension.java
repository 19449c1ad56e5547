package io.vessel.server.testing;

import static io.vessel.kit.client.Resources.NAMESPACES;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LiveServer} for a test class, with an admin client and, if asked, a namespace made
 * for the class. The test class's static {@code LiveServer} and {@code ApiClient} fields are
 * filled before its first test, as JUnit fills {@code @TempDir} fields.
 */
public final class LiveServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final String namespace;
  private LiveServer live;
  private ApiClient api;

  private LiveServerExtension(String namespace) {
    this.namespace = namespace;
  }

  /** A server whose tests work in {@code namespace}, created before the first test. */
  public static LiveServerExtension withNamespace(String namespace) {
    return new LiveServerExtension(namespace);
  }

  /** A server with only its built-in namespaces. */
  public static LiveServerExtension plain() {
    return new LiveServerExtension(null);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    live = LiveServer.start();
    api = live.client();
    if (namespace != null) {
      Blocking.await(
          api.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()));
    }
    for (Field f : context.getRequiredTestClass().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
        continue;
      }
      if (f.getType() == LiveServer.class) {
        f.setAccessible(true);
        f.set(null, live);
      } else if (f.getType() == ApiClient.class) {
        f.setAccessible(true);
        f.set(null, api);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    api.close();
    live.close();
  }
}
