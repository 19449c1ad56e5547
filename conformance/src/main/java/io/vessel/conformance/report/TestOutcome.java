package io.vessel.conformance.report;

/**
 * One test case as the JUnit XML of a run records it.
 *
 * @param suite the suite's display name
 * @param name the test's display name
 * @param state passed, failed or skipped (errors count as failed)
 * @param seconds how long it ran
 * @param message the failure or skip message, or an empty string
 */
public record TestOutcome(String suite, String name, String state, double seconds, String message) {}
