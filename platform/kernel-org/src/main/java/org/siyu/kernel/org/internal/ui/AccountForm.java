package org.siyu.kernel.org.internal.ui;

import static org.siyu.kernel.org.internal.ui.Texts.t;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.siyu.api.org.OrgUnit;
import org.siyu.kernel.org.internal.Org;

/**
 * Links an admin account to a unit: from then on it sees the customers owned by that unit's staff and the staff of
 * the units below. An empty unit unlinks it (it sees everything its role allows).
 */
class AccountForm extends Composite<FormLayout> {

    private final Org org;
    private final OrgPanel panel;
    private final TextField account = new TextField();
    private final ComboBox<String> unit = new ComboBox<>();
    private final FieldErrors errors = new FieldErrors();

    AccountForm(Org org, Locale locale, OrgPanel panel) {
        this.org = org;
        this.panel = panel;
        account.setId("org-account-name");
        account.setLabel(t(locale, "Admin account", "后台账号"));
        unit.setId("org-account-unit");
        unit.setLabel(t(locale, "Unit (empty: sees everything)", "所属组织（留空：不限范围）"));
        unit.setItemLabelGenerator(u -> org.unit(u).map(x -> x.name() + " (" + u + ")").orElse(u));
        unit.setClearButtonVisible(true);
        errors.add("account", account).add("unitId", unit);
        Button link = new Button(t(locale, "Link account", "保存数据范围"), e -> save());
        link.setId("org-account-save");
        getContent().add(account, unit, link);
    }

    void refreshChoices() {
        unit.setItems(org.units().stream().map(OrgUnit::id).toList());
    }

    void edit(String acct, String unitId) {
        errors.clear();
        account.setValue(acct);
        unit.setValue(unitId);
    }

    void save() {
        try {
            String acct = account.getValue().strip();
            org.linkAccount(acct, unit.getValue(), panel.actor());
            errors.clear();
            panel.saved(unit.getValue() == null
                    ? t(panel.locale(), "Unlinked ", "已取消关联 ") + acct
                    : t(panel.locale(), "Linked ", "已关联 ") + acct + " → " + unit.getValue());
        } catch (IllegalArgumentException e) {
            errors.show(e);
            panel.refused(e);
        }
    }

    // for tests

    void fill(String acct, String unitId) {
        account.setValue(acct);
        unit.setValue(unitId);
    }

    String error(String field) {
        return errors.error(field);
    }
}
