package io.vessel.server.registry;

import java.util.List;

/**
 * A list as stored bytes, ready to be written out without re-encoding.
 *
 * @param continueToken null on the last page
 * @param remainingItemCount null when unknown (selectors) or on the last page
 */
public record ListResult(long rv, List<byte[]> items, String continueToken, Long remainingItemCount) {}
