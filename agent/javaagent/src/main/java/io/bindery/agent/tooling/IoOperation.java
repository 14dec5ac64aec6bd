package io.bindery.agent.tooling;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives which blocking operation a method performs, one of
 * the {@code io.bindery.agent.bootstrap.Io} operation constants, bound per transformation by
 * {@link Advices#timed}. One advice class thereby serves every kind of blocking operation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface IoOperation {
}
