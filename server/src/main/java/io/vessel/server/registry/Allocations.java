package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.storage.Claim;
import java.util.Set;
import java.util.function.Function;

/**
 * Values a resource's objects draw from pools shared by the whole cluster (a Service's clusterIP
 * and nodePorts), allocated at admission as kube-apiserver's service registry does. {@link
 * ResourceStore} calls {@link #allocate} after validation and admission on create and on every
 * update of the main resource, and stores the returned claims in the same transaction as the
 * object (see {@link io.vessel.server.storage.Storage#update}); deleting the object releases
 * them.
 *
 * <p>Between {@link #allocate} reading what is taken and the write, another replica may take the
 * same value: the write then fails with {@code CLAIMED} and nothing is stored. A value the server
 * chose is then chosen again (the store retries); a value the client asked for is the client's
 * 422, from {@link #claimedByAnother}.
 */
public interface Allocations<T extends HasMetadata> {

  /**
   * Fills in, on {@code obj}, the values it asks the server to choose, and checks the ones it
   * requests; {@code old} is the stored object on update, null on create. {@code claimed} reads
   * the values of a pool some object holds now (including {@code old}'s own). Returns every claim
   * {@code obj} holds, or fails with a 422 {@link ApiException} for a requested value that is out
   * of range or taken.
   */
  Future<Set<Claim>> allocate(T obj, T old, Function<String, Future<Set<Long>>> claimed);

  /**
   * The 422 for a {@code claim} another object took first, if {@code requested} (the object as
   * the client sent it, before {@link #allocate}) asked for that value; null if the server chose
   * it, so that it may choose again.
   */
  ApiException claimedByAnother(T requested, Claim claim);
}
