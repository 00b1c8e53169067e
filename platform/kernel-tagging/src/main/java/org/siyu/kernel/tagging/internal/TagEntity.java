package org.siyu.kernel.tagging.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tagging_tag}. Assignments, moves and rule hits are plain SQL ({@link TagStore}). */
@Entity
@Table(name = "tagging_tag")
public class TagEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tagging_tag_seq")
    @SequenceGenerator(name = "tagging_tag_seq", sequenceName = "tagging_tag_seq", allocationSize = 1)
    private Integer id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "group_name", nullable = false, length = 64)
    private String group;

    @Column(name = "is_system", nullable = false)
    private boolean system;

    @Column(name = "title_en", length = 64)
    private String titleEn;

    @Column(name = "title_zh", length = 64)
    private String titleZh;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TagEntity() {
    }

    TagEntity(String name, String group, Instant createdAt) {
        this.name = name;
        this.group = group;
        this.createdAt = createdAt;
    }

    void titles(String titleEn, String titleZh) {
        this.titleEn = titleEn;
        this.titleZh = titleZh;
    }

    TagDef def() {
        return new TagDef(id, name, group, system, titleEn, titleZh);
    }
}
