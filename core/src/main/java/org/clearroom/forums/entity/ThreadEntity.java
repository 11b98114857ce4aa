package org.clearroom.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.clearroom.platform.entity.PersistentEntity;

/** A thread: a title in a room, with its posts counted and its moderation state. */
@Entity
@Table(name = "forum_thread")
public class ThreadEntity extends PersistentEntity {

    public static final String RESOURCE_PREFIX = "threads/";

    @Column(name = "room_id", nullable = false, length = 36)
    private String roomId;

    @Column(length = 200)
    private String title;

    @Column(nullable = false, length = 36)
    private String author;

    @Column(name = "last_post_at", nullable = false)
    private Instant lastPostAt;

    @Column(name = "post_count", nullable = false)
    private int postCount;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "purged_at")
    private Instant purgedAt;

    protected ThreadEntity() {}

    public ThreadEntity(String roomId, String title, String author, Instant createdAt) {
        super(createdAt);
        this.roomId = Objects.requireNonNull(roomId, "a thread lives in a room");
        this.title = Objects.requireNonNull(title, "a thread has a title").strip();
        this.author = Objects.requireNonNull(author, "a thread has an author");
        this.lastPostAt = createdAt();
    }

    public String resource() {
        return RESOURCE_PREFIX + id();
    }

    public String roomId() {
        return roomId;
    }

    public String title() {
        return title;
    }

    public String author() {
        return author;
    }

    public Instant lastPostAt() {
        return lastPostAt;
    }

    public int postCount() {
        return postCount;
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean locked() {
        return locked;
    }

    public boolean purged() {
        return purgedAt != null;
    }

    /** Counts a new post; a locked thread takes none. */
    public void posted(Instant at) {
        if (locked) {
            throw new IllegalStateException("a locked thread takes no posts");
        }
        postCount++;
        lastPostAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** @return whether this changed anything */
    public boolean pin(boolean pin) {
        boolean changed = pinned != pin;
        pinned = pin;
        return changed;
    }

    /** @return whether this changed anything */
    public boolean lock(boolean lock) {
        boolean changed = locked != lock;
        locked = lock;
        return changed;
    }

    public void moveTo(String room) {
        roomId = Objects.requireNonNull(room, "a thread moves to a room");
    }
}
