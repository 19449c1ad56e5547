package io.vessel.conformance.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test once per kubectl present on the machine ({@link Kubectl#available()}); the test
 * method takes a {@link KubectlBinary} as its first parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kubectl")
@ParameterizedTest(name = "[{index}] {0}")
@MethodSource("io.vessel.conformance.harness.Kubectl#available")
public @interface ForEachKubectl {}
