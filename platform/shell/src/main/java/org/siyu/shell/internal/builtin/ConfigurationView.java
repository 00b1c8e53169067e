package org.siyu.shell.internal.builtin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.siyu.api.ui.ViewContext;
import org.siyu.shell.backend.Configurations.Attribute;
import org.siyu.shell.backend.Configurations.Description;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Access;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;

/**
 * Configuration: the described PIDs ({@code config-list}); choosing one renders a form from its attributes
 * ({@code config-form}, fields {@code config-field-<attribute>}); Save ({@code config-save}) validates on the
 * server and shows a refusal next to the form ({@code config-error}).
 */
final class ConfigurationView extends SplitLayout {

    private final ShellBackend backend;
    private final ViewContext ctx;
    private final Messages m;
    private final VerticalLayout form = new VerticalLayout();

    ConfigurationView(ShellBackend backend, ViewContext ctx) {
        this.backend = backend;
        this.ctx = ctx;
        this.m = Messages.of(ctx.locale());
        setId("config-view");
        setSizeFull();
        setSplitterPosition(30);
        Grid<Description> list = new Grid<>();
        list.setId("config-list");
        list.setSizeFull();
        list.addThemeVariants(GridVariant.LUMO_COMPACT);
        list.addColumn(d -> d.name() == null || d.name().isBlank() ? d.pid() : d.name()).setHeader(m.t("config.title"));
        list.addColumn(Description::pid).setHeader("PID");
        List<Description> descriptions;
        try {
            descriptions = backend.configurations().list(ctx.locale());
        } catch (RuntimeException e) {
            descriptions = List.of();
            form.add(Ui.errorPanel(Ui.describe(e)));
        }
        list.setItems(descriptions);
        list.setEmptyStateText(m.t("config.none"));
        list.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::render));
        form.setId("config-form");
        form.setSizeFull();
        form.getStyle().set("overflow", "auto").set("box-sizing", "border-box");
        form.add(new Span(m.t("config.pick")));
        addToPrimary(list);
        addToSecondary(form);
    }

    private void render(Description d) {
        form.removeAll();
        H4 title = new H4(d.name() == null ? d.pid() : d.name());
        form.add(title);
        if (d.description() != null && !d.description().isBlank()) {
            form.add(new Span(d.description()));
        }
        Map<String, Object> current;
        try {
            current = backend.configurations().values(d.pid());
        } catch (RuntimeException e) {
            form.add(Ui.errorPanel(Ui.describe(e)));
            return;
        }
        FormLayout fields = new FormLayout();
        Map<String, Supplier<String>> readers = new LinkedHashMap<>();
        for (Attribute a : d.attributes()) {
            Object value = current.getOrDefault(a.id(), a.defaultValue());
            String text = value == null ? "" : String.valueOf(value);
            Component field = field(a, text, readers);
            field.setId(Ui.id("config-field-", a.id()));
            fields.add(field);
        }
        Span error = new Span();
        error.setId("config-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(m.t("common.save"), e -> save(d, readers, error));
        save.setId("config-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(ctx.user().isPermitted(Access.CONFIG_EDIT));
        form.add(fields, save, error);
    }

    private Component field(Attribute a, String text, Map<String, Supplier<String>> readers) {
        String label = a.name() == null || a.name().isBlank() ? a.id() : a.name();
        String type = a.type() == null ? "String" : a.type();
        Component field;
        if (a.options() != null && !a.options().isEmpty()) {
            Select<String> select = new Select<>();
            select.setLabel(label);
            select.setItems(a.options().keySet());
            select.setItemLabelGenerator(k -> a.options().getOrDefault(k, k));
            if (a.options().containsKey(text)) {
                select.setValue(text);
            }
            readers.put(a.id(), () -> Objects.toString(select.getValue(), ""));
            field = select;
        } else if ("Boolean".equalsIgnoreCase(type)) {
            Checkbox box = new Checkbox(label, Boolean.parseBoolean(text));
            readers.put(a.id(), () -> String.valueOf(box.getValue()));
            field = box;
        } else if ("Double".equalsIgnoreCase(type)) {
            NumberField number = new NumberField(label);
            try {
                number.setValue(text.isBlank() ? null : Double.valueOf(text));
            } catch (NumberFormatException e) {
                number.setValue(null);
            }
            readers.put(a.id(), () -> number.getValue() == null ? "" : String.valueOf(number.getValue()));
            field = number;
        } else if ("Password".equalsIgnoreCase(type)) {
            PasswordField password = new PasswordField(label);
            password.setValue(text);
            readers.put(a.id(), password::getValue);
            field = password;
        } else {
            // String, Integer and Long: a text field, so a bad number reaches the server's validation and its message
            TextField tf = new TextField(label);
            tf.setValue(text);
            if ("Integer".equalsIgnoreCase(type) || "Long".equalsIgnoreCase(type)) {
                tf.setAllowedCharPattern("[-0-9]");
            }
            readers.put(a.id(), tf::getValue);
            field = tf;
        }
        if (field instanceof HasHelper helper && a.description() != null) {
            helper.setHelperText(a.description());
        }
        return field;
    }

    private void save(Description d, Map<String, Supplier<String>> readers, Span error) {
        if (!ctx.user().isPermitted(Access.CONFIG_EDIT)) {
            error.setText(m.t("error.denied"));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        readers.forEach((id, reader) -> values.put(id, reader.get()));
        try {
            backend.configurations().update(d.pid(), values, ctx.user().username());
            error.setText("");
            Ui.success(m.t("config.saved", d.pid()));
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
        }
    }
}
