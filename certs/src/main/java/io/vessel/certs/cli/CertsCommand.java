package io.vessel.certs.cli;

import io.vessel.certs.ClusterPki;
import io.vessel.certs.IssuedCertificate;
import io.vessel.certs.Kubeconfig;
import io.vessel.certs.PkiException;
import io.vessel.certs.ServingIdentity;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code certs}: creates and inspects a cluster PKI directory.
 *
 * <pre>
 * init       --dir D [--host H] [--san S]... [--service-ip IP]
 * issue-node --dir D --name N
 * kubeconfig --dir D --server URL --user admin|node:NAME --out F [--cluster NAME]
 * </pre>
 *
 * Exit status: 0 on success, 1 if the PKI cannot be used (the message names the file), 2 for a
 * wrong command line.
 */
public final class CertsCommand {

  static final String USAGE =
      """
      usage: certs init       --dir D [--host H] [--san S]... [--service-ip IP]
             certs issue-node --dir D --name N
             certs kubeconfig --dir D --server URL --user admin|node:NAME --out F [--cluster NAME]
      """;

  private static final String NODE_USER = "node:";

  private final PrintStream out;

  private CertsCommand(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    var rest = Arrays.asList(args).subList(1, args.length);
    var command = new CertsCommand(out);
    try {
      switch (args[0]) {
        case "init" -> command.init(rest);
        case "issue-node" -> command.issueNode(rest);
        case "kubeconfig" -> command.kubeconfig(rest);
        default -> throw new Options.UsageException("unknown command '" + args[0] + "'");
      }
      return 0;
    } catch (Options.UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (PkiException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private void init(List<String> args) {
    var options = Options.parse(args, Set.of("dir", "host", "san", "service-ip"));
    var dir = Path.of(options.required("dir"));
    var identity =
        new ServingIdentity(
            options.optional("host").orElseGet(CertsCommand::localHostName),
            options.all("san"),
            options.optional("service-ip").orElse(ServingIdentity.DEFAULT_SERVICE_IP));
    var pki = ClusterPki.loadOrCreate(dir, identity);
    pki.changes().forEach(out::println);
    out.println("PKI ready in " + dir.toAbsolutePath());
  }

  private void issueNode(List<String> args) {
    var options = Options.parse(args, Set.of("dir", "name"));
    var pki = ClusterPki.load(Path.of(options.required("dir")));
    var name = options.required("name");
    pki.issueNode(name);
    var pair = pki.layout().node(name);
    out.println(pair.cert().toAbsolutePath());
    out.println(pair.key().toAbsolutePath());
  }

  private void kubeconfig(List<String> args) {
    var options = Options.parse(args, Set.of("dir", "server", "user", "out", "cluster"));
    var pki = ClusterPki.load(Path.of(options.required("dir")));
    var server = options.required("server");
    var user = options.required("user");
    var outFile = Path.of(options.required("out"));
    IssuedCertificate client;
    if (user.equals("admin")) {
      client = pki.admin();
    } else if (user.startsWith(NODE_USER)) {
      client = pki.issueNode(user.substring(NODE_USER.length()));
    } else {
      throw new Options.UsageException("--user must be admin or node:NAME, got '" + user + "'");
    }
    var cluster = options.optional("cluster").orElse("vessel");
    Kubeconfig.forClient(cluster, server, pki.ca().certificatePem(), client.commonName(), client)
        .write(outFile);
    out.println(outFile.toAbsolutePath());
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // A host without a resolvable name can still be reached as localhost.
      return "localhost";
    }
  }
}
