package io.vessel.server.registry;

import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.ListOptions;
import io.vessel.server.storage.Storage;
import io.vessel.server.storage.StorageException;
import io.vessel.server.storage.StorageKey;
import io.vessel.server.storage.StoredList;
import io.vessel.server.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Paged lists from PostgreSQL, on one snapshot: the first page reads the current state; a
 * continue token carries that snapshot's revision, and later pages read the state as of it from
 * the change log, so a paged list never shows a mix of states. With selectors a page is filled
 * by reading on until {@code limit} objects matched, as kube-apiserver fills its pages.
 */
final class ListPager {
  private final ResourceDefinition def;
  private final Storage storage;

  ListPager(ResourceDefinition def, Storage storage) {
    this.def = def;
    this.storage = storage;
  }

  /**
   * Reads one page.
   *
   * @param atRv the revision to read at, or -1 for the current state
   * @param after the key to start after, or null
   */
  Future<ListResult> page(
      String namespace,
      ListOptions opts,
      Predicate<byte[]> selects,
      boolean selecting,
      StorageKey after,
      long atRv) {
    int limit = (int) Math.min(opts.limit(), 100_000);
    return fill(namespace, selects, selecting, after, limit, atRv, new ArrayList<>());
  }

  private Future<ListResult> fill(
      String namespace,
      Predicate<byte[]> selects,
      boolean selecting,
      StorageKey after,
      int limit,
      long atRv,
      List<byte[]> out) {
    int want = limit == 0 ? 0 : limit - out.size();
    String ns = def.namespaced() ? namespace : "";
    Future<StoredList> read =
        atRv < 0
            ? storage.list(def.storageResource(), ns, after, want)
            : storage.listAt(def.storageResource(), ns, after, want, atRv);
    return read.compose(
        page -> {
          StorageKey last = after;
          for (StoredObject o : page.items()) {
            last = o.key();
            if (!selecting || selects.test(o.value())) {
              out.add(o.value());
            }
          }
          if (!page.more()) {
            return Future.succeededFuture(new ListResult(page.rv(), out, null, null));
          }
          if (limit > 0 && out.size() >= limit) {
            String token = new ContinueToken(page.rv(), last.namespace(), last.name()).encode();
            return Future.succeededFuture(
                new ListResult(page.rv(), out, token, selecting ? null : page.remaining()));
          }
          return fill(namespace, selects, selecting, last, limit, page.rv(), out);
        });
  }

  /**
   * The 410 for a continue token whose revision was compacted away; like upstream it carries a
   * token that continues from the same key on the current state (an inconsistent list).
   */
  static Throwable expiredContinue(Throwable t, ContinueToken token) {
    if (t instanceof StorageException se && se.code() == StorageException.Code.EXPIRED) {
      String next = new ContinueToken(0, token.namespace(), token.name()).encode();
      return ApiException.expiredContinue(
          "The provided continue parameter is too old to display a consistent list result. You"
              + " can start a new list without the continue parameter, or use the continue token"
              + " in this response to retrieve the remainder of the results. Continuing with the"
              + " provided token results in an inconsistent list - objects that were created,"
              + " modified, or deleted between the time the first chunk was returned and now may"
              + " show up in the list.",
          next);
    }
    return t;
  }
}
