package org.clearroom.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.clearroom.forums.FlagOutcome;
import org.clearroom.forums.FlagReason;
import org.clearroom.platform.Blank;
import org.clearroom.platform.entity.PersistentEntity;

/** A reader's report on a post, open until a moderator resolves it. */
@Entity
@Table(name = "post_flag")
public class FlagEntity extends PersistentEntity {

    public static final String RESOURCE_PREFIX = "flags/";

    @Column(name = "post_id", nullable = false, length = 36)
    private String postId;

    @Column(name = "room_id", nullable = false, length = 36)
    private String roomId;

    @Column(nullable = false, length = 36)
    private String reporter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FlagReason reason;

    @Column(length = 1000)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private FlagOutcome outcome;

    @Column(name = "resolved_by", length = 36)
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(length = 500)
    private String note;

    protected FlagEntity() {}

    public FlagEntity(PostEntity post, String reporter, FlagReason reason, String text, Instant createdAt) {
        super(createdAt);
        this.postId = post.id();
        this.roomId = post.roomId();
        this.reporter = Objects.requireNonNull(reporter, "someone flags");
        this.reason = Objects.requireNonNull(reason, "a flag has a reason");
        if (reason == FlagReason.OTHER && Blank.blank(text)) {
            throw new IllegalArgumentException("an OTHER flag says why");
        }
        this.text = Blank.blank(text) ? null : text.strip();
    }

    public String resource() {
        return RESOURCE_PREFIX + id();
    }

    public String postId() {
        return postId;
    }

    public String roomId() {
        return roomId;
    }

    public String reporter() {
        return reporter;
    }

    public FlagReason reason() {
        return reason;
    }

    public String text() {
        return text;
    }

    public FlagOutcome outcome() {
        return outcome;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String note() {
        return note;
    }

    public boolean open() {
        return outcome == null;
    }

    public void resolve(FlagOutcome how, String moderator, String why, Instant at) {
        if (!open()) {
            throw new IllegalStateException("the flag is resolved already");
        }
        outcome = Objects.requireNonNull(how, "a resolution has an outcome");
        resolvedBy = Objects.requireNonNull(moderator, "someone resolves");
        note = Blank.blank(why) ? null : why.strip();
        resolvedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public void moveTo(String room) {
        roomId = room;
    }
}
