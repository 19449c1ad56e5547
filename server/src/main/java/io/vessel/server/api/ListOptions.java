package io.vessel.server.api;

import io.vessel.server.api.selector.FieldSelector;
import io.vessel.server.api.selector.LabelSelector;

/**
 * The query options of list and watch, parsed and validated.
 *
 * @param resourceVersion null when absent
 * @param resourceVersionMatch null when absent; "Exact" or "NotOlderThan"
 * @param limit 0 for no limit
 * @param timeoutSeconds null when absent
 */
public record ListOptions(
    LabelSelector labelSelector,
    FieldSelector fieldSelector,
    String resourceVersion,
    String resourceVersionMatch,
    long limit,
    String continueToken,
    boolean watch,
    boolean allowWatchBookmarks,
    Long timeoutSeconds,
    Boolean sendInitialEvents) {}
