package org.clearroom.access;

/** What a rule grants on one resource. Nothing is allowed without a rule. */
public enum Permission {
    VIEW,
    CONTRIBUTE,
    UPLOAD,
    DOWNLOAD,
    MODERATE,
    PRESENT,
    ATTEND
}
