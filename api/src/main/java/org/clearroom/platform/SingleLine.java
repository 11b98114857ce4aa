package org.clearroom.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name, title or label: one line of text shown where people decide whom to trust. Besides what every
 * text field refuses (NUL and other control characters but tab and line breaks, unpaired surrogates),
 * it refuses line breaks, tabs and Unicode's bidirectional controls (U+202A to U+202E, U+2066 to
 * U+2069), which can make a name read as another ("Trojan Source", CVE-2021-42574), and it is stored in
 * Unicode normalisation form NFC, so that one name has one spelling.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface SingleLine {}
