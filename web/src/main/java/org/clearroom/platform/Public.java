package org.clearroom.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few operations anyone may call without signing in (signing in itself, the verifier key).
 * Every other operation answers 401 to a caller without credentials before its body is even read
 * ({@link org.clearroom.identity.SignInFirst}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {}
