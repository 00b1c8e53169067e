package org.siyu.kernel.org.internal.ui;

import static org.siyu.kernel.org.internal.ui.Texts.t;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.kernel.org.internal.Org;
import org.siyu.kernel.org.internal.OrgValidationException;

/** Add or edit a staff member: code, name, unit, admin account, still working here. */
class StaffForm extends Composite<FormLayout> {

    private final Org org;
    private final OrgPanel panel;
    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<String> unit = new ComboBox<>();
    private final TextField account = new TextField();
    private final Checkbox active = new Checkbox();
    private final FieldErrors errors = new FieldErrors();

    StaffForm(Org org, Locale locale, OrgPanel panel) {
        this.org = org;
        this.panel = panel;
        id.setId("org-staff-id");
        id.setLabel(t(locale, "Code", "工号"));
        name.setId("org-staff-name");
        name.setLabel(t(locale, "Name", "姓名"));
        unit.setId("org-staff-unit");
        unit.setLabel(t(locale, "Unit", "所属组织"));
        unit.setItemLabelGenerator(u -> org.unit(u).map(x -> x.name() + " (" + u + ")").orElse(u));
        account.setId("org-staff-account");
        account.setLabel(t(locale, "Admin account (optional)", "后台账号（可选）"));
        active.setId("org-staff-active");
        active.setLabel(t(locale, "Works here", "在职"));
        active.setValue(true);
        errors.add("id", id).add("name", name).add("unitId", unit).add("account", account);

        Button save = new Button(t(locale, "Save staff member", "保存导购"), e -> save());
        save.setId("org-staff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button(t(locale, "New staff member", "新建导购"), e -> {
            String in = unit.getValue();
            edit(null);
            unit.setValue(in);
        });
        fresh.setId("org-staff-new");
        getContent().add(id, name, unit, account, active, new HorizontalLayout(save, fresh));
    }

    void refreshChoices() {
        unit.setItems(org.units().stream().map(OrgUnit::id).toList());
    }

    /** Loads a member, or empties the form for a new one ({@code null}). */
    void edit(Staff s) {
        errors.clear();
        id.setReadOnly(s != null);
        id.setValue(s == null ? "" : s.id());
        name.setValue(s == null ? "" : s.name());
        unit.setValue(s == null ? null : s.unitId());
        account.setValue(s == null || s.account() == null ? "" : s.account());
        active.setValue(s == null || s.active());
    }

    /** A unit was selected in the tree: a new member goes there. */
    void placeIn(String unitId) {
        if (!id.isReadOnly()) {
            unit.setValue(unitId);
        }
    }

    void save() {
        try {
            if (unit.getValue() == null) {
                throw new OrgValidationException("unitId", "is required: the org unit the member works in");
            }
            String acct = account.getValue().strip();
            Staff saved = org.saveStaff(new Staff(id.getValue().strip(), name.getValue().strip(), unit.getValue(),
                    acct.isEmpty() ? null : acct, active.getValue()), panel.actor());
            errors.clear();
            id.setReadOnly(true);
            panel.saved(t(panel.locale(), "Saved staff member ", "已保存导购 ") + saved.name() + " (" + saved.id() + ")");
        } catch (IllegalArgumentException e) {
            errors.show(e);
            panel.refused(e);
        }
    }

    // for tests

    void fill(String code, String staffName, String unitId, String acct, boolean works) {
        id.setReadOnly(false);
        id.setValue(code);
        name.setValue(staffName);
        unit.setValue(unitId);
        account.setValue(acct == null ? "" : acct);
        active.setValue(works);
    }

    String error(String field) {
        return errors.error(field);
    }
}
