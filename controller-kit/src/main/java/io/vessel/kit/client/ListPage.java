package io.vessel.kit.client;

import java.util.List;

/** One page of a list: its items, the list's resourceVersion and the token for the next page. */
public record ListPage<T>(List<T> items, String resourceVersion, String continueToken) {}
