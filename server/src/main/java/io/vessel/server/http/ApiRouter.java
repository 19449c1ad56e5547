package io.vessel.server.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;
import io.vessel.server.auth.Authorizer;
import io.vessel.server.auth.UserInfo;
import io.vessel.server.auth.X509Authenticator;
import io.vessel.kit.stream.UpgradeProxy;
import io.vessel.server.http.openapi.OpenApiHandler;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path, top-down: authentication, the public endpoints (health, version, discovery),
 * then 401 for anonymous requests, the OpenAPI documents (any authenticated user), path parsing,
 * authorization, body reading, and the resource handler. Every failure goes through {@link
 * StatusResponder}.
 */
public final class ApiRouter implements Handler<HttpServerRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final X509Authenticator authenticator;
  private final Authorizer authorizer;
  private final HealthHandler health;
  private final VersionHandler version;
  private final DiscoveryHandler discovery;
  private final OpenApiHandler openApi;
  private final ResourceHandler resources;

  public ApiRouter(
      X509Authenticator authenticator,
      Authorizer authorizer,
      HealthHandler health,
      VersionHandler version,
      DiscoveryHandler discovery,
      OpenApiHandler openApi,
      ResourceHandler resources) {
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.health = health;
    this.version = version;
    this.discovery = discovery;
    this.openApi = openApi;
    this.resources = resources;
  }

  @Override
  public void handle(HttpServerRequest req) {
    long start = System.nanoTime();
    req.response()
        .endHandler(
            v -> {
              if (LOG.isDebugEnabled()) {
                LOG.debug(
                    "{} {} -> {} in {} us",
                    req.method(),
                    req.uri(),
                    req.response().getStatusCode(),
                    (System.nanoTime() - start) / 1000);
              }
            });
    try {
      route(req);
    } catch (Throwable t) {
      StatusResponder.fail(req.response(), t);
    }
  }

  private void route(HttpServerRequest req) {
    String path = req.path();
    if (HealthHandler.isHealth(path)) {
      health.handle(req);
      return;
    }
    if (path.equals("/version") || path.equals("/version/")) {
      version.handle(req);
      return;
    }
    if (DiscoveryHandler.isDiscovery(path)) {
      discovery.handle(req);
      return;
    }
    Optional<UserInfo> user = authenticator.authenticate(req);
    if (user.isEmpty()) {
      throw ApiException.unauthorized();
    }
    // Like kube-apiserver's system:discovery role, which binds /openapi/* to system:authenticated.
    if (OpenApiHandler.isOpenApi(path)) {
      openApi.handle(req);
      return;
    }
    RequestInfo info =
        RequestInfoParser.parse(req.method().name(), path, QueryOptions.bool(req.getParam("watch")));
    authorizer.authorize(user.get(), info);
    if (!info.resourceRequest()) {
      throw ApiException.routeNotFound();
    }
    // An upgrade (exec, attach, portforward) carries no body: its bytes after the 101 are the
    // stream, which the handler splices to the node before anything reads them.
    Future<Buffer> body =
        BODY_METHODS.contains(req.method().name()) && !UpgradeProxy.isUpgrade(req)
            ? RequestBody.read(req)
            : Future.succeededFuture(Buffer.buffer());
    body.compose(b -> resources.handle(req, info, b))
        .onFailure(t -> StatusResponder.fail(req.response(), t));
  }
}
