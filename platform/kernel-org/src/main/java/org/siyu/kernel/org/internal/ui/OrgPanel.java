package org.siyu.kernel.org.internal.ui;

import static org.siyu.kernel.org.internal.ui.Texts.t;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.kernel.org.internal.Org;
import org.siyu.kernel.org.internal.OrgValidationException;

/**
 * The organisation of one session: the units as a tree (left), the staff of the selected unit and the units below
 * it (right), and for admins the forms to add or edit a unit, a staff member and an account's link. A refused change
 * marks the field it names; the status line says what happened.
 */
class OrgPanel extends Composite<VerticalLayout> {

    private final Org org;
    private final Locale locale;
    private final String actor;
    private final boolean admin;
    private final TreeGrid<OrgUnit> units = new TreeGrid<>();
    private final Grid<Staff> staff = new Grid<>();
    private final Grid<Map.Entry<String, String>> accounts = new Grid<>();
    private final Span status = new Span();
    private final UnitForm unitForm;
    private final StaffForm staffForm;
    private final AccountForm accountForm;

    OrgPanel(Org org, Locale locale, String actor, boolean admin) {
        this.org = org;
        this.locale = locale;
        this.actor = actor;
        this.admin = admin;
        this.unitForm = new UnitForm(org, locale, this);
        this.staffForm = new StaffForm(org, locale, this);
        this.accountForm = new AccountForm(org, locale, this);

        units.setId("org-units");
        units.addHierarchyColumn(OrgUnit::name).setHeader(t(locale, "Unit", "组织")).setFlexGrow(2);
        units.addColumn(OrgUnit::id).setHeader(t(locale, "Code", "编码")).setAutoWidth(true);
        units.addColumn(u -> Texts.kind(u.kind(), locale)).setHeader(t(locale, "Kind", "类型")).setAutoWidth(true);
        units.addColumn(u -> org.staff(u.id(), true).size()).setHeader(t(locale, "Staff", "导购数"))
                .setAutoWidth(true);
        units.asSingleSelect().addValueChangeListener(e -> unitSelected(e.getValue()));

        staff.setId("org-staff");
        staff.addColumn(Staff::id).setHeader(t(locale, "Code", "编码")).setAutoWidth(true);
        staff.addColumn(Staff::name).setHeader(t(locale, "Name", "姓名")).setAutoWidth(true);
        staff.addColumn(s -> org.unit(s.unitId()).map(OrgUnit::name).orElse(s.unitId()))
                .setHeader(t(locale, "Unit", "所属组织")).setFlexGrow(1);
        staff.addColumn(s -> s.account() == null ? "" : s.account()).setHeader(t(locale, "Account", "账号"))
                .setAutoWidth(true);
        staff.addColumn(s -> s.active() ? t(locale, "active", "在职") : t(locale, "left", "离职"))
                .setHeader(t(locale, "Status", "状态")).setAutoWidth(true);
        staff.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                staffForm.edit(e.getValue());
            }
        });

        accounts.setId("org-accounts");
        accounts.addColumn(Map.Entry::getKey).setHeader(t(locale, "Account", "账号")).setAutoWidth(true);
        accounts.addColumn(e -> org.unit(e.getValue()).map(OrgUnit::name).orElse(e.getValue()))
                .setHeader(t(locale, "Sees the customers of", "可见范围")).setFlexGrow(1);
        accounts.setAllRowsVisible(true);
        accounts.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                accountForm.edit(e.getValue().getKey(), e.getValue().getValue());
            }
        });

        status.setId("org-status");
        Button refresh = new Button(t(locale, "Refresh", "刷新"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("org-refresh");

        // Each side scrolls on its own: opened forms are taller than a laptop's editor area, and without it their
        // buttons were cut off below the panel, out of reach. The grids keep a usable height while forms are open.
        units.setMinHeight("12em");
        staff.setMinHeight("12em");
        VerticalLayout left = new VerticalLayout(units);
        left.setSizeFull();
        left.setPadding(false);
        left.getStyle().set("overflow", "auto");
        VerticalLayout right = new VerticalLayout(staff);
        right.setSizeFull();
        right.setPadding(false);
        right.getStyle().set("overflow", "auto");
        if (admin) {
            left.add(new Details(t(locale, "Unit", "组织单元"), unitForm));
            right.add(new Details(t(locale, "Staff member", "导购"), staffForm));
        }
        right.add(new Details(t(locale, "Accounts and their data scope", "账号数据范围"),
                admin ? new VerticalLayout(accounts, accountForm) : accounts));
        SplitLayout split = new SplitLayout(left, right);
        split.setSizeFull();
        split.setSplitterPosition(45);

        VerticalLayout root = getContent();
        root.setId("org-view");
        root.setSizeFull();
        Span mode = new Span(admin ? "" : t(locale, "Read-only: changing the organisation needs an admin account.",
                "只读：维护组织架构需要管理员账号。"));
        mode.setId("org-readonly");
        root.add(new HorizontalLayout(refresh, status, mode));
        root.addAndExpand(split);
        refresh();
    }

    /** Reloads the tree, the account links and the staff of the selected unit. */
    void refresh() {
        OrgUnit selected = units.asSingleSelect().getValue();
        TreeData<OrgUnit> data = new TreeData<>();
        List<OrgUnit> all = org.units();
        for (OrgUnit u : all) {
            OrgUnit parent = u.parentId() == null ? null : org.unit(u.parentId()).orElse(null);
            data.addItem(parent != null && data.contains(parent) ? parent : null, u);
        }
        units.setDataProvider(new TreeDataProvider<>(data));
        // the root and the regions open: stores are what people look for
        units.expand(all.stream().filter(u -> u.kind() != OrgUnit.Kind.STORE).toList());
        Optional<OrgUnit> again = selected == null ? Optional.empty() : org.unit(selected.id());
        again.ifPresentOrElse(units::select, () -> staff.setItems(org.staff(null, true)));
        accounts.setItems(List.copyOf(org.accounts().entrySet()));
        unitForm.refreshChoices();
        staffForm.refreshChoices();
        accountForm.refreshChoices();
    }

    private void unitSelected(OrgUnit unit) {
        staff.setItems(unit == null ? org.staff(null, true) : org.staff(unit.id(), true));
        if (unit != null) {
            unitForm.edit(unit);
            staffForm.placeIn(unit.id());
        }
    }

    String actor() {
        return actor;
    }

    /** After a form saved: refresh and say so. */
    void saved(String message) {
        status.setText(message);
        refresh();
    }

    /** A refused change: the form marks the field; the status line repeats the reason. */
    void refused(IllegalArgumentException e) {
        status.setText(e instanceof OrgValidationException v ? v.getMessage() : e.getMessage());
    }

    Locale locale() {
        return locale;
    }

    // for tests

    TreeGrid<OrgUnit> unitGrid() {
        return units;
    }

    List<Staff> staffShown() {
        return staff.getGenericDataView().getItems().toList();
    }

    String statusText() {
        return status.getText();
    }

    boolean formsShown() {
        return unitForm.getParent().isPresent();
    }

    UnitForm unitForm() {
        return unitForm;
    }

    StaffForm staffForm() {
        return staffForm;
    }

    AccountForm accountForm() {
        return accountForm;
    }
}
