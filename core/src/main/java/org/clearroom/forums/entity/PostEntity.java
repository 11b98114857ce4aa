package org.clearroom.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.clearroom.platform.control.Digests;
import org.clearroom.platform.entity.PersistentEntity;

/**
 * A post: its current Markdown, the sanitised HTML rendered from it, and the digest the ledger holds.
 * Earlier versions live in {@code post_revision}. Hiding keeps the content; purging drops it for good.
 */
@Entity
@Table(name = "forum_post")
public class PostEntity extends PersistentEntity {

    public static final String RESOURCE_PREFIX = "posts/";

    @Column(name = "thread_id", nullable = false, length = 36)
    private String threadId;

    @Column(name = "room_id", nullable = false, length = 36)
    private String roomId;

    @Column(nullable = false, length = 36)
    private String author;

    @Column(columnDefinition = "text")
    private String body;

    @Column(columnDefinition = "text")
    private String html;

    @Column(nullable = false, length = 64)
    private String digest;

    @Column(nullable = false)
    private int revision;

    @Column(name = "revised_at")
    private Instant revisedAt;

    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @Column(name = "hidden_by", length = 36)
    private String hiddenBy;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    @Column(name = "purged_at")
    private Instant purgedAt;

    protected PostEntity() {}

    public PostEntity(ThreadEntity thread, String author, String body, String html, Instant createdAt) {
        super(createdAt);
        this.threadId = thread.id();
        this.roomId = thread.roomId();
        this.author = Objects.requireNonNull(author, "a post has an author");
        this.body = Objects.requireNonNull(body, "a post has a body");
        this.html = Objects.requireNonNull(html, "a post has its rendering");
        this.digest = Digests.sha256Hex(body);
        this.revision = 1;
    }

    public String resource() {
        return RESOURCE_PREFIX + id();
    }

    public String threadId() {
        return threadId;
    }

    public String roomId() {
        return roomId;
    }

    public String author() {
        return author;
    }

    public String body() {
        return body;
    }

    public String html() {
        return html;
    }

    public String digest() {
        return digest;
    }

    public int revision() {
        return revision;
    }

    public Instant revisedAt() {
        return revisedAt;
    }

    public boolean hidden() {
        return hiddenAt != null;
    }

    public String hiddenReason() {
        return hiddenReason;
    }

    public boolean purged() {
        return purgedAt != null;
    }

    /** A new version by its author; the caller keeps the revision row. */
    public void revise(String newBody, String newHtml, Instant at) {
        if (purged()) {
            throw new IllegalStateException("a purged post cannot be revised");
        }
        body = Objects.requireNonNull(newBody, "a revision has a body");
        html = Objects.requireNonNull(newHtml, "a revision has its rendering");
        digest = Digests.sha256Hex(newBody);
        revision++;
        revisedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** @return whether this changed anything */
    public boolean hide(String moderator, String reason, Instant at) {
        if (hidden()) {
            return false;
        }
        hiddenReason = Objects.requireNonNull(reason, "hiding needs a reason").strip();
        hiddenBy = Objects.requireNonNull(moderator, "someone hides");
        hiddenAt = at.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /** @return whether this changed anything */
    public boolean unhide() {
        if (!hidden()) {
            return false;
        }
        hiddenAt = null;
        hiddenBy = null;
        hiddenReason = null;
        return true;
    }

    public void moveTo(String room) {
        roomId = Objects.requireNonNull(room, "a post moves with its thread");
    }
}
