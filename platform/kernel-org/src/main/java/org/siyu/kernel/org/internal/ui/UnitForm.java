package org.siyu.kernel.org.internal.ui;

import static org.siyu.kernel.org.internal.ui.Texts.t;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.siyu.api.org.OrgUnit;
import org.siyu.kernel.org.internal.Org;
import org.siyu.kernel.org.internal.OrgValidationException;

/** Add or edit a unit: code, name, parent, kind. Selecting a unit in the tree loads it; "New" starts a child of it. */
class UnitForm extends Composite<FormLayout> {

    private final Org org;
    private final OrgPanel panel;
    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<String> parent = new ComboBox<>();
    private final ComboBox<OrgUnit.Kind> kind = new ComboBox<>();
    private final FieldErrors errors = new FieldErrors();

    UnitForm(Org org, Locale locale, OrgPanel panel) {
        this.org = org;
        this.panel = panel;
        id.setId("org-unit-id");
        id.setLabel(t(locale, "Code", "编码"));
        id.setHelperText(t(locale, "Stable: letters, digits, '-', e.g. sh-jingan", "创建后不变：字母、数字、-，如 sh-jingan"));
        name.setId("org-unit-name");
        name.setLabel(t(locale, "Name", "名称"));
        parent.setId("org-unit-parent");
        parent.setLabel(t(locale, "Parent", "上级"));
        parent.setItemLabelGenerator(p -> org.unit(p).map(u -> u.name() + " (" + p + ")").orElse(p));
        parent.setClearButtonVisible(true);
        kind.setId("org-unit-kind");
        kind.setLabel(t(locale, "Kind", "类型"));
        kind.setItems(OrgUnit.Kind.values());
        kind.setItemLabelGenerator(k -> Texts.kind(k, locale));
        kind.setValue(OrgUnit.Kind.STORE);
        errors.add("id", id).add("name", name).add("parentId", parent).add("kind", kind);

        Button save = new Button(t(locale, "Save unit", "保存"), e -> save());
        save.setId("org-unit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button(t(locale, "New unit below", "新建下级"), e -> newChild());
        fresh.setId("org-unit-new");
        getContent().add(id, name, parent, kind, new HorizontalLayout(save, fresh));
    }

    void refreshChoices() {
        parent.setItems(org.units().stream().filter(u -> u.kind() != OrgUnit.Kind.STORE).map(OrgUnit::id).toList());
    }

    void edit(OrgUnit unit) {
        errors.clear();
        id.setValue(unit.id());
        id.setReadOnly(true);
        name.setValue(unit.name());
        parent.setValue(unit.parentId());
        kind.setValue(unit.kind());
    }

    /** Empties the form for a new unit below the one shown (or below the root). */
    void newChild() {
        errors.clear();
        String under = id.isReadOnly() && !id.isEmpty() ? id.getValue() : org.units().stream()
                .filter(u -> u.parentId() == null).map(OrgUnit::id).findFirst().orElse(null);
        id.setReadOnly(false);
        id.clear();
        name.clear();
        parent.setValue(org.unit(under).filter(u -> u.kind() != OrgUnit.Kind.STORE).map(OrgUnit::id).orElse(null));
        kind.setValue(org.unit(under).map(u -> u.kind() == OrgUnit.Kind.HQ ? OrgUnit.Kind.REGION : OrgUnit.Kind.STORE)
                .orElse(OrgUnit.Kind.STORE));
    }

    void save() {
        try {
            if (kind.getValue() == null) {
                throw new OrgValidationException("kind", "is required: HQ, REGION or STORE");
            }
            OrgUnit saved = org.saveUnit(new OrgUnit(id.getValue().strip(), parent.getValue(), name.getValue().strip(),
                    kind.getValue()), panel.actor());
            errors.clear();
            id.setReadOnly(true);
            panel.saved(t(panel.locale(), "Saved unit ", "已保存组织 ") + saved.name() + " (" + saved.id() + ")");
        } catch (IllegalArgumentException e) {
            errors.show(e);
            panel.refused(e);
        }
    }

    // for tests

    void fill(String code, String unitName, String parentId, OrgUnit.Kind unitKind) {
        id.setReadOnly(false);
        id.setValue(code);
        name.setValue(unitName);
        parent.setValue(parentId);
        kind.setValue(unitKind);
    }

    String error(String field) {
        return errors.error(field);
    }

    List<String> parentChoices() {
        return parent.getListDataView().getItems().toList();
    }
}
