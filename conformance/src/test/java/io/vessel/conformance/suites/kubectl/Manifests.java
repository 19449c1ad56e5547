package io.vessel.conformance.suites.kubectl;

/**
 * The manifests of the resource-API acceptance run, as a user would write them: no namespace in
 * them (they are applied with {@code -n}), no server-set fields.
 *
 * <p>No nodes exist in the test cluster, so every pod stays {@code Pending}.
 */
final class Manifests {

  /** Pod {@code web-logs}: nginx plus a busybox sidecar tailing its log through an emptyDir. */
  static final String SIDECAR_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-logs
        labels:
          app.kubernetes.io/name: web
          app.kubernetes.io/instance: web-logs
          app.kubernetes.io/version: "1.25"
          app.kubernetes.io/component: server
          app.kubernetes.io/part-of: shop
          app.kubernetes.io/managed-by: kubectl
          env: production
      spec:
        containers:
        - name: nginx
          image: nginx:1.25
          ports:
          - containerPort: 80
          volumeMounts:
          - name: logs
            mountPath: /var/log/nginx
        - name: tail
          image: busybox:1.36
          command: ["sh", "-c", "tail -F /logs/access.log"]
          volumeMounts:
          - name: logs
            mountPath: /logs
        volumes:
        - name: logs
          emptyDir: {}
      """;

  /**
   * ConfigMap {@code app-config} and pod {@code configured}: an init container and a container that
   * mount single keys of it with {@code subPath}, the volume with {@code defaultMode: 493} (0755).
   */
  static final String CONFIGURED_POD =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app-config
        labels:
          app.kubernetes.io/name: configured
      data:
        app.properties: |
          greeting=hello
        start.sh: |
          #!/bin/sh
          echo started
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: configured
        labels:
          app.kubernetes.io/name: configured
          env: qa
      spec:
        initContainers:
        - name: setup
          image: busybox:1.36
          command: ["/config/start.sh"]
          volumeMounts:
          - name: config
            mountPath: /config/start.sh
            subPath: start.sh
        containers:
        - name: app
          image: busybox:1.36
          command: ["sh", "-c", "cat /etc/app/app.properties && sleep 3600"]
          volumeMounts:
          - name: config
            mountPath: /etc/app/app.properties
            subPath: app.properties
        volumes:
        - name: config
          configMap:
            name: app-config
            defaultMode: 493
      """;

  /** Deployment {@code web} (nginx, {@code replicas} of them) and Service {@code web} 80→80. */
  static String webApp(int replicas, String image) {
    return """
           apiVersion: apps/v1
           kind: Deployment
           metadata:
             name: web
             labels:
               app.kubernetes.io/name: web
               app.kubernetes.io/component: server
           spec:
             replicas: %d
             selector:
               matchLabels:
                 app.kubernetes.io/name: web
             template:
               metadata:
                 labels:
                   app.kubernetes.io/name: web
               spec:
                 containers:
                 - name: nginx
                   image: %s
                   ports:
                   - containerPort: 80
           ---
           apiVersion: v1
           kind: Service
           metadata:
             name: web
             labels:
               app.kubernetes.io/name: web
           spec:
             selector:
               app.kubernetes.io/name: web
             ports:
             - name: http
               port: 80
               targetPort: 80
           """
        .formatted(replicas, image);
  }

  /** The web app as the acceptance run first applies it: 2 replicas of nginx 1.25. */
  static final String WEB_APP = webApp(2, "nginx:1.25");

  /** A ConfigMap named {@code name} with label {@code batch=<batch>} and key {@code rank}. */
  static String rankedConfigMap(String name, String batch, int rank) {
    return """
           apiVersion: v1
           kind: ConfigMap
           metadata:
             name: %s
             labels:
               batch: %s
           data:
             rank: "%d"
           ---
           """
        .formatted(name, batch, rank);
  }

  private Manifests() {}
}
