package org.siyu.kernel.tagging.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.User;
import org.siyu.api.tags.TagInfo;
import org.siyu.kernel.tagging.internal.TagDef;
import org.siyu.kernel.tagging.internal.TagGroup;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.support.jobs.Jobs;
import org.siyu.kernel.tagging.internal.scope.Scope;
import org.siyu.kernel.tagging.internal.system.SystemTags;

/**
 * The tag manager: every tag with its group, kind (system or manual) and customer count (of the user's data scope:
 * a scoped count says so, a scope that cannot be worked out counts nobody and says why); with {@code tagging.edit}
 * a form that creates a tag in a group or sets the titles of the selected one, and the button that recomputes the
 * system tags now.
 */
class TagsPanel extends Composite<VerticalLayout> {

    /** One grid row. */
    record Row(String name, String title, String group, boolean system, long customers) {
    }

    private final Tagging tagging;
    private final SystemTags systemTags;
    private final Supplier<Scope> scope;
    private final User user;
    private final Locale locale;
    private final Consumer<String> notify;
    private final Grid<Row> grid = new Grid<>();
    private final TextField name = new TextField();
    private final ComboBox<TagGroup> group = new ComboBox<>();
    private final TextField titleEn = new TextField();
    private final TextField titleZh = new TextField();
    private final Span message = new Span();
    private final Span scopeNote = new Span();

    TagsPanel(Tagging tagging, SystemTags systemTags, Supplier<Scope> scope, User user, Locale locale,
            Consumer<String> notify) {
        this.tagging = tagging;
        this.systemTags = systemTags;
        this.scope = scope;
        this.user = user;
        this.locale = locale;
        this.notify = notify;
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale == null ? Locale.ENGLISH : locale);
        grid.setId("tags-grid");
        grid.addColumn(Row::name).setHeader(t("Tag", "标签")).setFlexGrow(1).setSortable(true);
        grid.addColumn(Row::title).setHeader(t("Title", "显示名")).setAutoWidth(true);
        grid.addColumn(Row::group).setHeader(t("Group", "分组")).setAutoWidth(true).setSortable(true);
        grid.addColumn(r -> r.system() ? t("system", "系统") : t("manual", "手工"))
                .setHeader(t("Kind", "类型")).setAutoWidth(true);
        grid.addColumn(r -> numbers.format(r.customers())).setHeader(t("Customers", "客户数"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setComparator(Row::customers).setSortable(true);
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        Button refresh = new Button(t("Refresh", "刷新"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("tags-refresh");
        Button recompute = new Button(t("Recompute system tags", "重新计算系统标签"), VaadinIcon.COG.create(),
                e -> recompute());
        recompute.setId("tags-recompute");
        boolean mayEdit = user.isPermitted(TaggingPermissions.EDIT);
        recompute.setVisible(mayEdit && systemTags != null);

        name.setId("tag-name");
        name.setLabel(t("Tag name", "标签名"));
        name.setMaxLength(64);
        group.setId("tag-group");
        group.setLabel(t("Group", "分组"));
        String language = locale == null ? "en" : locale.getLanguage();
        group.setItemLabelGenerator(g -> g.title(language) + " (" + g.name() + ")");
        titleEn.setId("tag-title-en");
        titleEn.setLabel(t("English title", "英文显示名"));
        titleZh.setId("tag-title-zh");
        titleZh.setLabel(t("Chinese title", "中文显示名"));
        Button create = new Button(t("Create tag", "创建标签"), VaadinIcon.PLUS.create(), e -> create());
        create.setId("tag-create");
        Button retitle = new Button(t("Save titles", "保存显示名"), VaadinIcon.EDIT.create(), e -> retitle());
        retitle.setId("tag-retitle");
        retitle.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout form = new HorizontalLayout(name, group, titleEn, titleZh, create, retitle);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.setVisible(mayEdit);
        message.setId("tags-message");
        scopeNote.setId("tags-scope");
        scopeNote.getStyle().set("color", "var(--lumo-secondary-text-color)");

        VerticalLayout root = getContent();
        root.setId("tags-view");
        root.setSizeFull();
        root.add(new HorizontalLayout(refresh, recompute), form, message, scopeNote);
        root.addAndExpand(grid);
        addAttachListener(e -> refresh());
    }

    void refresh() {
        grid.setItems(rows());
        group.setItems(tagging.groups().stream().filter(g -> !g.system()).toList());
    }

    List<Row> rows() {
        String language = locale == null ? "en" : locale.getLanguage();
        Map<String, String> groupTitles = tagging.groups().stream()
                .collect(Collectors.toMap(TagGroup::name, g -> g.title(language)));
        Scope in = scope.get();
        scopeNote.setText(in.unrestricted() ? "" : in.closed() ? in.problem().get(locale)
                : t("Customers: those of your data scope (unit ", "客户数：您的数据范围内（组织 ") + in.unit() + t(")", "）"));
        return tagging.list(in.within()).stream().map((TagInfo t) -> new Row(t.name(),
                        tagging.tag(t.name()).map((TagDef d) -> d.title(language)).orElse(t.name()),
                        groupTitles.getOrDefault(t.group(), t.group()), t.system(), t.customers()))
                .toList();
    }

    /** Creates the tag of the form in the chosen group. */
    void create() {
        try {
            TagDef def = tagging.createTag(name.getValue(), group.isEmpty() ? "" : group.getValue().name(),
                    titleEn.getValue(), titleZh.getValue());
            message.setText(t("Created tag ", "已创建标签 ") + def.name());
            name.clear();
            refresh();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    /** Sets the titles of the tag named in the form (the selected one). */
    void retitle() {
        try {
            TagDef def = tagging.retitle(name.getValue(), titleEn.getValue(), titleZh.getValue());
            message.setText(t("Saved the titles of ", "已保存显示名：") + def.name());
            refresh();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    void recompute() {
        Jobs.Started started = systemTags.recompute(user.username(), t("Recompute system tags", "重新计算系统标签"));
        String text = started == null ? t("A re-evaluation is running already.", "重新计算正在进行中。")
                : started.job() != null ? t("Started job #", "已启动任务 #") + started.job().id()
                : t("Started in the background (no job service: see the log).", "已在后台启动（无任务服务，见日志）。");
        message.setText(text);
        notify.accept(text);
    }

    private void select(Row row) {
        if (row == null) {
            return;
        }
        tagging.tag(row.name()).ifPresent(def -> {
            name.setValue(def.name());
            titleEn.setValue(def.titleEn() == null ? "" : def.titleEn());
            titleZh.setValue(def.titleZh() == null ? "" : def.titleZh());
        });
    }

    String scopeText() {
        return scopeNote.getText();
    }

    String messageText() {
        return message.getText();
    }

    TextField nameField() {
        return name;
    }

    ComboBox<TagGroup> groupField() {
        return group;
    }

    TextField titleZhField() {
        return titleZh;
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }
}
