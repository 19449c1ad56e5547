package io.vessel.server.api;

/** One entry of {@code Status.details.causes}: a reason (e.g. FieldValueInvalid), a message, a field path. */
public record StatusCause(String reason, String message, String field) {}
