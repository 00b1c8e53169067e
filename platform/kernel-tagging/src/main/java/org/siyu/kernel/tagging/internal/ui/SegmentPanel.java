package org.siyu.kernel.tagging.internal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.i18n.Text;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.kernel.tagging.internal.scope.Scope;

/**
 * A segment expression field with its live count: the count is computed on the server as the user pauses typing
 * (lazy value change), and a syntax error is shown under the field with a caret under its position. The count is of
 * the user's data scope: a scoped count says so, and a scope that cannot be worked out counts nobody and says why.
 */
class SegmentPanel extends Composite<VerticalLayout> {

    /** Pause in typing, in milliseconds, after which the expression is counted. */
    static final int LAZY_MILLIS = 300;

    /** Counts an expression among some customers ({@code null}: all): {@code Tagging::count}. */
    @FunctionalInterface
    interface Counter {
        /**
         * How many customers of {@code within} the expression selects.
         *
         * @throws SegmentSyntaxException if the expression is not valid
         */
        long count(String expression, RoaringBitmap within);
    }

    private final Counter counter;
    private final Supplier<Scope> scope;
    private final Locale locale;
    private final NumberFormat numbers;
    private final TextField expression = new TextField();
    private final Span count = new Span();
    private final Span scopeNote = new Span();
    private final Div error = new Div();
    private final Span errorText = new Span();
    private final Pre caret = new Pre();

    SegmentPanel(Counter counter, Supplier<Scope> scope, Locale locale) {
        this.counter = counter;
        this.scope = scope;
        this.locale = locale;
        this.numbers = NumberFormat.getIntegerInstance(locale == null ? Locale.ENGLISH : locale);

        expression.setId("segment-expression");
        expression.setLabel(Text.of("Segment expression", "分群表达式").get(locale));
        expression.setPlaceholder("tag:VIP AND (tag:猫主人 OR tag:狗主人) AND NOT tag:unsubscribed");
        expression.setHelperText(Text.of(
                "tag:<name> (quote names with spaces: tag:\"VIP 会员\"), AND, OR, NOT, parentheses",
                "tag:<标签名>（含空格的名称加引号：tag:\"VIP 会员\"），AND、OR、NOT、括号").get(locale));
        expression.setWidthFull();
        expression.setClearButtonVisible(true);
        expression.setValueChangeMode(ValueChangeMode.LAZY);
        expression.setValueChangeTimeout(LAZY_MILLIS);
        expression.addValueChangeListener(e -> evaluate(e.getValue()));

        count.setId("segment-count");
        scopeNote.setId("segment-scope");
        scopeNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
        error.setId("segment-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        caret.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
        error.add(errorText, caret);
        error.setVisible(false);

        VerticalLayout root = getContent();
        root.setId("segment-view");
        root.setWidthFull();
        root.add(expression, error, count, scopeNote);
    }

    /** Counts {@code text} and shows the count, or the error with its position. */
    void evaluate(String text) {
        if (text == null || text.isBlank()) {
            count.setText("");
            scopeNote.setText("");
            showError(null, null);
            return;
        }
        try {
            Scope in = scope.get();
            long start = System.nanoTime();
            long n = counter.count(text, in.within());
            long micros = (System.nanoTime() - start) / 1_000;
            count.setText(Text.of(numbers.format(n) + " customers (" + micros + " µs)",
                    numbers.format(n) + " 位客户（" + micros + " 微秒）").get(locale));
            showScope(in);
            showError(null, null);
        } catch (SegmentSyntaxException e) {
            count.setText("");
            scopeNote.setText("");
            showError(e, text);
        }
    }

    /** Says whose customers were counted: nothing when all, the unit, or why nobody. */
    private void showScope(Scope in) {
        if (in.unrestricted()) {
            scopeNote.setText("");
        } else if (in.closed()) {
            scopeNote.setText(in.problem().get(locale));
            scopeNote.getStyle().set("color", "var(--lumo-error-text-color)");
        } else {
            scopeNote.setText(Text.of("in your data scope (unit " + in.unit() + ")",
                    "您的数据范围内（组织 " + in.unit() + "）").get(locale));
            scopeNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
        }
    }

    private void showError(SegmentSyntaxException e, String text) {
        expression.setInvalid(e != null);
        error.setVisible(e != null);
        if (e == null) {
            errorText.setText("");
            caret.setText("");
            return;
        }
        errorText.setText(e.getMessage());
        int at = Math.max(0, Math.min(e.position(), text.length()));
        caret.setText(text + "\n" + " ".repeat(columns(text.substring(0, at))) + "^");
    }

    /** How many monospace columns {@code prefix} takes: Chinese and full-width characters take two. */
    static int columns(String prefix) {
        int columns = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            boolean wide = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uff60');
            columns += wide ? 2 : 1;
        }
        return columns;
    }

    String countText() {
        return count.getText();
    }

    String scopeText() {
        return scopeNote.getText();
    }

    String errorText() {
        return error.isVisible() ? errorText.getText() : "";
    }

    TextField expressionField() {
        return expression;
    }

    /** The expression as typed, stripped. */
    String expression() {
        return expression.getValue() == null ? "" : expression.getValue().strip();
    }

    /** Puts {@code text} into the field and counts it. */
    void load(String text) {
        expression.setValue(text == null ? "" : text);
        evaluate(text);
    }
}
