package io.vessel.kit.client;

/**
 * How to reach and authenticate to an API server: a base address and PEM credentials.
 *
 * @param caPem the CA that signed the serving certificate
 * @param certPem the client certificate (its CN and O are the user and groups)
 * @param userAgent sent on every request, shown in the server's logs and managedFields
 */
public record ClientConfig(
    String host, int port, String caPem, String certPem, String keyPem, String userAgent) {}
