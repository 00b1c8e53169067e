package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.Merge;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.Staff;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagService;
import org.siyu.api.ui.ViewContext;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.IdentityPermissions;

/**
 * One customer as an editor tab: header, identities, traits, tags with their why, level and lifecycle, owner,
 * timeline and merges. Every part that needs another bundle (tagging, the event bus, org) says "not available" while
 * that bundle does not run. Changes need {@link IdentityPermissions#EDIT}; after each the editor reads the customer
 * again.
 */
class CustomerEditor extends Composite<VerticalLayout> {

    /** How many events the timeline shows. */
    static final int TIMELINE = 100;

    /** Event data longer than this is cut in the timeline. */
    static final int SHORT_DATA = 120;

    private final CustomerServices services;
    private final int id;
    private final ViewContext context;
    private final Locale locale;
    private final boolean canEdit;

    CustomerEditor(CustomerServices services, int id, ViewContext context) {
        this.services = services;
        this.id = id;
        this.context = context;
        this.locale = context.locale();
        this.canEdit = context.user().isPermitted(IdentityPermissions.EDIT);
        getContent().setId("customer-editor-" + id);
        getContent().setWidthFull();
        render();
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    /** Reads the customer and builds every section again. */
    void render() {
        VerticalLayout root = getContent();
        root.removeAll();
        Optional<Customer> found = services.oneId().customer(id)
                .filter(c -> services.scope(context.user().username()).allowsOwner(c.owner()));
        if (found.isEmpty()) {
            // the same words whether it does not exist or is out of scope: the editor does not tell which
            root.add(note("customer-missing", t("Customer " + id + " does not exist or is not in your data scope.",
                    "客户 " + id + " 不存在，或不在您的数据范围内。")));
            return;
        }
        Customer c = found.get();
        TagService tags = services.tags();
        List<TagAssignment> assigned = tags == null ? List.of() : tags.tags(id);
        root.add(header(c));
        root.add(section(t("Identities", "身份")), identities(c));
        root.add(section(t("Traits", "属性")), traits(c));
        root.add(section(t("Tags", "标签")), tags(c, tags, assigned));
        root.add(section(t("Level and lifecycle", "流量产权与生命周期")), levels(tags, assigned));
        root.add(section(t("Owner", "归属导购")), owner(c));
        root.add(section(t("Timeline", "时间线")), timeline());
        root.add(section(t("Merges", "合并记录")), merges());
    }

    private Component header(Customer c) {
        VerticalLayout header = new VerticalLayout();
        header.setPadding(false);
        header.setSpacing(false);
        H3 title = new H3(CustomerUi.title(c, locale));
        title.setId("customer-title");
        Span line = new Span("ID " + c.id() + " · " + t("created ", "创建于 ") + CustomerUi.time(c.createdAt(), locale)
                + " · " + t("first channel ", "首次渠道 ") + c.firstChannel()
                + " · " + t("campaign ", "活动 ") + (c.campaign() == null ? "—" : c.campaign()));
        line.setId("customer-header");
        header.add(title, line);
        if (c.mergedInto() != 0) {
            HorizontalLayout merged = new HorizontalLayout(
                    note("customer-merged", t("This customer was merged into customer " + c.mergedInto() + ".",
                            "该客户已合并到客户 " + c.mergedInto() + "。")),
                    link(c.mergedInto()));
            merged.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            header.add(merged);
        }
        return header;
    }

    private Component identities(Customer c) {
        Div list = new Div();
        list.setId("customer-identities");
        for (String identity : c.identities()) {
            list.add(new Div(CustomerUi.shown(identity)));
        }
        if (c.identities().isEmpty()) {
            list.add(new Div(t("none (merged into another customer)", "无（已合并到其他客户）")));
        }
        return list;
    }

    private Component traits(Customer c) {
        Div list = new Div();
        list.setId("customer-traits");
        c.traits().forEach((name, value) -> list.add(new Div(name + ": " + value)));
        if (c.traits().isEmpty()) {
            list.add(new Div(t("none", "无")));
        }
        return list;
    }

    private Component tags(Customer c, TagService tags, List<TagAssignment> assigned) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-tags");
        if (tags == null) {
            box.add(note("customer-tags-unavailable", t("Tagging is not available (bundle org.siyu.kernel.tagging).",
                    "标签服务不可用（插件 org.siyu.kernel.tagging）。")));
            return box;
        }
        for (TagAssignment a : assigned) {
            Span line = new Span(a.tag() + " — " + CustomerUi.whyAndWhen(a, locale));
            HorizontalLayout row = new HorizontalLayout(line);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (canEdit) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> change(() -> tags.unassign(id, a.tag(),
                        context.user().username())));
                remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                remove.setAriaLabel(t("Remove tag ", "移除标签 ") + a.tag());
                row.add(remove);
            }
            box.add(row);
        }
        if (assigned.isEmpty()) {
            box.add(new Span(t("no tags", "没有标签")));
        }
        if (canEdit && c.mergedInto() == 0) {
            TextField name = new TextField();
            name.setId("customer-tag-name");
            name.setPlaceholder(t("tag name", "标签名"));
            Button add = new Button(t("Add tag", "添加标签"), VaadinIcon.PLUS.create(), e -> {
                String tag = name.getValue() == null ? "" : name.getValue().strip();
                if (!tag.isEmpty()) {
                    change(() -> tags.assign(id, tag, "manual", context.user().username()));
                }
            });
            add.setId("customer-tag-add");
            HorizontalLayout form = new HorizontalLayout(name, add);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            box.add(form);
        }
        return box;
    }

    private Component levels(TagService tags, List<TagAssignment> assigned) {
        Div box = new Div();
        box.setId("customer-levels");
        if (tags == null) {
            box.add(new Div(t("not available without tagging", "标签服务不可用")));
            return box;
        }
        String level = CustomerUi.level(assigned);
        String lifecycle = CustomerUi.lifecycle(assigned);
        box.add(new Div(t("Level: ", "流量产权：") + (level == null ? "—" : level)));
        box.add(new Div(t("Lifecycle: ", "生命周期：") + (lifecycle == null ? "—" : lifecycle)));
        return box;
    }

    private Component owner(Customer c) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-owner");
        OrgService org = services.org();
        String current = c.owner() == null ? "—" : c.owner();
        if (org != null && c.owner() != null) {
            current = org.staffMember(c.owner()).map(s -> s.name() + " (" + s.id() + ")" + (s.active() ? ""
                    : t(", inactive", "，已停用"))).orElse(c.owner());
        }
        box.add(new Span(t("Owner: ", "归属导购：") + current));
        if (org == null) {
            box.add(note("customer-owner-no-org", t("Org units and staff are not available (bundle org.siyu.kernel.org): "
                    + "the owner is entered as a staff id.", "组织架构不可用（插件 org.siyu.kernel.org）：请直接填写导购编号。")));
        }
        if (!canEdit || c.mergedInto() != 0) {
            return box;
        }
        HorizontalLayout form = new HorizontalLayout();
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (org != null) {
            ComboBox<Staff> picker = new ComboBox<>();
            picker.setId("customer-owner-picker");
            picker.setPlaceholder(t("choose a guide", "选择导购"));
            picker.setItems(org.staff(null, true).stream().filter(Staff::active).toList());
            picker.setItemLabelGenerator(s -> s.name() + " (" + s.id() + ")");
            Button assign = new Button(t("Assign", "指派"), e -> {
                if (picker.getValue() != null) {
                    change(() -> services.oneId().assignOwner(id, picker.getValue().id(), context.user().username()));
                }
            });
            assign.setId("customer-owner-assign");
            form.add(picker, assign);
        } else {
            TextField staff = new TextField();
            staff.setId("customer-owner-id");
            staff.setPlaceholder(t("staff id", "导购编号"));
            Button assign = new Button(t("Assign", "指派"), e -> change(() -> services.oneId().assignOwner(id,
                    staff.getValue(), context.user().username())));
            assign.setId("customer-owner-assign");
            form.add(staff, assign);
        }
        if (c.owner() != null) {
            Button clear = new Button(t("Clear", "清除"), e -> change(() -> services.oneId().assignOwner(id, null,
                    context.user().username())));
            clear.setId("customer-owner-clear");
            form.add(clear);
        }
        box.add(form);
        return box;
    }

    private Component timeline() {
        EventBus bus = services.bus();
        if (bus == null) {
            return note("customer-timeline-unavailable", t("The event bus is not available: no timeline.",
                    "事件总线不可用：无法显示时间线。"));
        }
        List<Event> events = bus.timeline(id, TIMELINE);
        if (events.isEmpty()) {
            return note("customer-timeline-empty", t("No events yet.", "暂无事件。"));
        }
        Grid<Event> grid = new Grid<>();
        grid.setId("customer-timeline");
        grid.addColumn(e -> CustomerUi.time(e.time(), locale)).setHeader(t("Time", "时间")).setAutoWidth(true);
        grid.addColumn(Event::type).setHeader(t("Type", "类型")).setAutoWidth(true);
        grid.addColumn(Event::source).setHeader(t("Source", "来源")).setAutoWidth(true);
        grid.addColumn(e -> shortData(e.data())).setHeader(t("Data", "数据")).setFlexGrow(1);
        grid.setItems(events);
        grid.setHeight("320px");
        return grid;
    }

    /** The event's data with phone identities masked, cut to {@value #SHORT_DATA} characters. */
    static String shortData(String raw) {
        if (raw == null) {
            return "";
        }
        String data = CustomerUi.maskPhones(raw);
        return data.length() <= SHORT_DATA ? data : data.substring(0, SHORT_DATA - 1) + "…";
    }

    private Component merges() {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-merges");
        List<Merge> merges = services.oneId().merges(id);
        if (merges.isEmpty()) {
            box.add(new Span(t("no merges", "没有合并记录")));
        }
        for (Merge m : merges) {
            int other = m.survivor() == id ? m.merged() : m.survivor();
            String what = m.survivor() == id
                    ? t("customer " + m.merged() + " merged into this one", "客户 " + m.merged() + " 合并到本客户")
                    : t("merged into customer " + m.survivor(), "合并到客户 " + m.survivor());
            Span line = new Span("#" + m.id() + " " + what + " · " + m.rule() + " · " + m.evidence() + " · "
                    + m.actor() + " · " + CustomerUi.time(m.at(), locale) + (m.undone() ? t(" · undone", " · 已撤销") : ""));
            HorizontalLayout row = new HorizontalLayout(line, link(other));
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (canEdit && !m.undone()) {
                Button undo = new Button(t("Undo", "撤销"), VaadinIcon.ARROW_BACKWARD.create(), e -> confirmUndo(m));
                undo.setId("customer-merge-undo-" + m.id());
                undo.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
                row.add(undo);
            }
            box.add(row);
        }
        return box;
    }

    private void confirmUndo(Merge m) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(t("Undo merge " + m.id() + "?", "撤销合并 " + m.id() + "？"));
        dialog.setText(t("Customer " + m.merged() + " gets back the identities it brought to customer " + m.survivor()
                        + "; the two are not merged again by the rules.",
                "客户 " + m.merged() + " 将取回其带到客户 " + m.survivor() + " 的身份；规则不会再次合并二者。"));
        dialog.setCancelable(true);
        dialog.setCancelText(t("Cancel", "取消"));
        dialog.setConfirmText(t("Undo merge", "撤销合并"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> undo(m.id()));
        dialog.open();
    }

    /** Undoes a merge (after the confirmation) and shows the result. */
    void undo(long mergeId) {
        change(() -> services.oneId().undoMerge(mergeId, context.user().username()));
    }

    private Button link(int customer) {
        Button open = new Button(t("Open customer ", "打开客户 ") + customer,
                e -> context.openEditor(CustomerUi.TYPE, String.valueOf(customer)));
        open.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return open;
    }

    /** Runs a change; a refusal (unknown staff, merged customer, already undone) is shown, not thrown. */
    private void change(Runnable work) {
        try {
            work.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            context.notify(e.getMessage());
        }
        render();
    }

    private static H4 section(String title) {
        H4 h = new H4(title);
        h.getStyle().set("margin-bottom", "0");
        return h;
    }

    private static Span note(String id, String text) {
        Span note = new Span(text);
        note.setId(id);
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return note;
    }
}
