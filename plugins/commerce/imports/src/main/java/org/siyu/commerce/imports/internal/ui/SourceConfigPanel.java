package org.siyu.commerce.imports.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import java.util.function.Consumer;
import org.siyu.api.i18n.Text;
import org.siyu.commerce.imports.internal.OrderImporter;
import org.siyu.commerce.imports.internal.source.Source;

/**
 * Edits a marketplace's mapping in its text form (one line per field: {@code header <field><TAB>name|name},
 * one per status: {@code status <text><TAB><STATUS>}, and {@code amountsPerLine<TAB>true|false}); a wrong line is
 * named and nothing is saved. Reset goes back to the shipped defaults.
 */
class SourceConfigPanel extends Composite<VerticalLayout> {

    private final OrderImporter importer;
    private final Locale locale;
    private final Select<Source> source = new Select<>();
    private final TextArea text = new TextArea();
    private final Span state = new Span();

    SourceConfigPanel(OrderImporter importer, Locale locale, String actor, Consumer<String> notify) {
        this.importer = importer;
        this.locale = locale;
        source.setId("order-import-config-source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(s -> s.title().get(locale));
        source.addValueChangeListener(e -> show());
        text.setId("order-import-config");
        text.setWidthFull();
        text.setHeight("22em");
        text.setHelperText(t("One line per field (header <field>⇥<names separated by |>, tried in order), per status "
                + "(status <marketplace text>⇥CREATED|PAID|SHIPPED|COMPLETED|CANCELLED|REFUNDED) and amountsPerLine⇥"
                + "true|false (amounts per row, summed over an order's rows)", "每个字段一行（header <字段>⇥<表头名，用 | "
                + "分隔，按顺序尝试>），每个状态一行（status <平台状态>⇥CREATED|PAID|SHIPPED|COMPLETED|CANCELLED|REFUNDED），"
                + "以及 amountsPerLine⇥true|false（金额按行给出并按订单求和）"));
        Button save = new Button(t("Save mapping", "保存映射"), e -> {
            try {
                importer.saveConfig(source.getValue(), text.getValue(), actor);
                notify.accept(t("Mapping saved", "映射已保存"));
                show();
            } catch (IllegalArgumentException ex) {
                notify.accept(ex.getMessage());
            }
        });
        save.setId("order-import-config-save");
        Button reset = new Button(t("Reset to defaults", "恢复默认"), e -> {
            importer.resetConfig(source.getValue(), actor);
            notify.accept(t("Default mapping restored", "已恢复默认映射"));
            show();
        });
        reset.setId("order-import-config-reset");
        getContent().setPadding(false);
        getContent().add(new HorizontalLayout(source, state), text, new HorizontalLayout(save, reset));
        source.setValue(Source.TMALL);
    }

    private void show() {
        Source s = source.getValue();
        if (s == null) {
            return;
        }
        text.setValue(importer.config(s).encode());
        state.setText(importer.customized(s) ? t("edited", "已修改") : t("default", "默认"));
    }

    private String t(String en, String zh) {
        return Text.of(en, zh).get(locale);
    }
}
