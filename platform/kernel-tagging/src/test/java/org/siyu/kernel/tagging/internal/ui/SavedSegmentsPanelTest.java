package org.siyu.kernel.tagging.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import org.siyu.kernel.tagging.internal.FakeEventBus;
import org.siyu.kernel.tagging.internal.MutableClock;
import org.siyu.kernel.tagging.internal.Stores;
import org.siyu.kernel.tagging.internal.TagGroup;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.export.ExportFiles;
import org.siyu.kernel.tagging.internal.export.SegmentExport;
import org.siyu.support.jobs.Jobs;
import org.siyu.kernel.tagging.internal.saved.SavedSegments;
import org.siyu.kernel.tagging.internal.saved.SegmentInput;
import org.siyu.kernel.tagging.internal.scope.Scope;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.siyu.testkit.TestPersistenceUnit;

/** The Segments and Tags views on the server side, over the real service, with and without a data scope. */
class SavedSegmentsPanelTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path dir;

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final MutableClock clock = new MutableClock(T0);
    private final Tagging tagging = new Tagging(unit, new FakeEventBus(), clock);
    private final SavedSegments saved = new SavedSegments(tagging, clock);
    private final List<String> notes = new ArrayList<>();

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    private static User user(Predicate<String> permitted) {
        return user("alice", permitted);
    }

    private static User user(String name, Predicate<String> permitted) {
        return new User() {
            @Override
            public String username() {
                return name;
            }

            @Override
            public Role role() {
                return Role.OPERATOR;
            }

            @Override
            public boolean isPermitted(String permission) {
                return permitted.test(permission);
            }
        };
    }

    private SavedSegmentsPanel panel(Predicate<String> permitted) {
        return panel(user(permitted), new Scopes(null, null));
    }

    private SavedSegmentsPanel panel(User user, Scopes scopes) {
        return new SavedSegmentsPanel(tagging, saved, new SegmentExport(tagging, new Jobs(null), scopes,
                new ExportFiles(dir), clock, Stores.identity()), scopes, user, Locale.SIMPLIFIED_CHINESE, notes::add);
    }

    @Test
    void shouldSaveTheExpressionUnderANameAndShowTheFieldAtFault() {
        tagging.assign(1, "猫主人", "manual", "alice");
        SavedSegmentsPanel panel = panel(p -> true);
        panel.counter().expressionField().setValue("tag:猫主人 AND");
        panel.nameField().setValue("猫");
        panel.save();
        assertEquals("expression: expected tag:, NOT or '(' but the expression ended at position 11",
                panel.formErrorText());
        assertTrue(panel.counter().expressionField().isInvalid());

        panel.counter().expressionField().setValue("tag:猫主人");
        panel.save();
        assertEquals("", panel.formErrorText());
        assertEquals(List.of("已保存分群 猫"), notes);
        int id = panel.editing();
        assertEquals("tag:猫主人", saved.get(id).orElseThrow().expression());

        panel.counter().expressionField().setValue("NOT tag:猫主人");
        panel.save();
        assertEquals(1, saved.list().size(), "the opened segment is changed, not copied");
        assertEquals("NOT tag:猫主人", saved.get(id).orElseThrow().expression());

        panel.startNew();
        panel.nameField().setValue("猫");
        panel.counter().expressionField().setValue("tag:猫主人");
        panel.save();
        assertTrue(panel.formErrorText().startsWith("name: a segment called '猫' exists"), panel.formErrorText());
        assertTrue(panel.nameField().isInvalid());
    }

    @Test
    void shouldOfferTheDownloadWhenTheExportJobIsDone() throws Exception {
        tagging.assign(1, "猫主人", "manual", "alice");
        SavedSegmentsPanel panel = panel(p -> true);
        panel.counter().expressionField().setValue("tag:猫主人");
        String summary = (String) panel.export().get(30, TimeUnit.SECONDS);
        assertTrue(summary.startsWith("1 customers → segment-expr-"), summary);
        Path file;
        try (var files = java.nio.file.Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        assertTrue(summary.endsWith(file.getFileName().toString()), summary);
        // what the push shows in the browser: the job thread has no UI, the session's thread has
        com.vaadin.flow.component.UI.setCurrent(new com.vaadin.flow.component.UI());
        try {
            panel.finished(file, summary, null);
        } finally {
            com.vaadin.flow.component.UI.setCurrent(null);
        }
        Anchor download = panel.exportStatus().getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast)
                .findFirst().orElseThrow();
        assertEquals("segment-download", download.getId().orElseThrow());
        assertTrue(download.getText().startsWith("下载 segment-expr-"), download.getText());
    }

    @Test
    void shouldHideWhatTheUserMayNotDo() {
        SavedSegmentsPanel viewer = panel(p -> p.equals(TaggingPermissions.VIEW));
        assertFalse(viewer.nameField().isVisible());
        assertFalse(find(viewer, "segment-export").isVisible());
        assertTrue(find(panel(p -> true), "segment-export").isVisible());
    }

    @Test
    void shouldCreateATagInAGroupAndRetitleIt() {
        TagsPanel tags = new TagsPanel(tagging, null, () -> Scope.UNRESTRICTED, user(p -> true), Locale.SIMPLIFIED_CHINESE,
                notes::add);
        tags.refresh();
        tags.nameField().setValue("猫主人");
        tags.groupField().setValue(new TagGroup("default", "Default", "默认", false));
        tags.create();
        assertEquals("已创建标签 猫主人", tags.messageText());
        assertEquals("default", tagging.tag("猫主人").orElseThrow().group());

        tags.nameField().setValue("lifecycle.active");
        tags.titleZhField().setValue("活跃会员");
        tags.retitle();
        assertEquals("活跃会员", tagging.tag("lifecycle.active").orElseThrow().title("zh"));
        assertTrue(tags.rows().stream().anyMatch(r -> r.name().equals("lifecycle.active")
                && r.title().equals("活跃会员") && r.group().equals("生命周期") && r.system()));

        tags.nameField().setValue("rfm.R6");
        tags.groupField().setValue(new TagGroup("rfm", "RFM", "RFM 模型", true));
        tags.create();
        assertEquals("group: 'rfm' is a system group; its tags are maintained by the kernel", tags.messageText());
    }

    @Test
    void shouldCountListAndExportWithinAStoreManagersDataScope() throws Exception {
        Stores.tag(tagging);
        saved.create(new SegmentInput("VIP", "tag:VIP", null), "admin");
        SavedSegmentsPanel panel = panel(user(Stores.SH_MANAGER, p -> true), Stores.scopes());
        panel.refresh();
        assertEquals(List.of(2L), panel.gridItems().stream().map(SavedSegments.Counted::count).toList());
        assertEquals("客户数：您的数据范围内（组织 sh-jingan）", panel.listScopeText());

        panel.counter().expressionField().setValue("tag:VIP");
        assertTrue(panel.counter().countText().startsWith("2 位客户"), panel.counter().countText());
        String summary = (String) panel.export().get(30, TimeUnit.SECONDS);
        assertTrue(summary.startsWith("2 customers in the data scope of sh-jingan → segment-expr-scope-sh-jingan-"),
                summary);

        SavedSegmentsPanel closed = panel(user(Stores.SH_MANAGER, p -> true), new Scopes(Stores.org(), null));
        closed.refresh();
        assertEquals(List.of(0L), closed.gridItems().stream().map(SavedSegments.Counted::count).toList());
        assertTrue(closed.listScopeText().contains("OneID"), closed.listScopeText());
        closed.counter().expressionField().setValue("tag:VIP");
        assertEquals(null, closed.export().get(30, TimeUnit.SECONDS), "not started");
        assertTrue(closed.exportStatus().getElement().getTextRecursively().startsWith("无法导出：账号 sh-manager"),
                closed.exportStatus().getElement().getTextRecursively());
    }

    @Test
    void shouldCountTagsWithinTheUsersDataScope() {
        Stores.tag(tagging);
        TagsPanel tags = new TagsPanel(tagging, null, () -> Stores.scopes().of(Stores.BJ_MANAGER),
                user(Stores.BJ_MANAGER, p -> true), Locale.ENGLISH, notes::add);
        assertEquals(1, tags.rows().stream().filter(r -> r.name().equals("VIP")).findFirst().orElseThrow()
                .customers(), "customer 3 only");
        assertEquals("Customers: those of your data scope (unit bj-chaoyang)", tags.scopeText());
        TagsPanel all = new TagsPanel(tagging, null, () -> Scope.UNRESTRICTED, user(p -> true), Locale.ENGLISH,
                notes::add);
        assertEquals(4, all.rows().stream().filter(r -> r.name().equals("VIP")).findFirst().orElseThrow()
                .customers());
        assertEquals("", all.scopeText());
    }

    private static Component find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return root;
        }
        return root.getChildren().map(c -> find(c, id)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
