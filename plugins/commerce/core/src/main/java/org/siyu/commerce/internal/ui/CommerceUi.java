package org.siyu.commerce.internal.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.Money;

/** What the commerce views share: texts in both languages, times, statuses, refusals shown to the user. */
final class CommerceUi {

    static final Text GROUP = Text.of("Commerce", "交易云");
    static final String ORDER_TYPE = "commerce.order";

    private CommerceUi() {
    }

    static String t(Locale locale, String en, String zh) {
        return Text.of(en, zh).get(locale);
    }

    static String time(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.systemDefault()).format(instant);
    }

    static String status(OrderStatus status, Locale locale) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case CREATED -> t(locale, "Awaiting payment", "待支付");
            case PAID -> t(locale, "Paid", "已支付");
            case SHIPPED -> t(locale, "Shipped", "已发货");
            case COMPLETED -> t(locale, "Completed", "已完成");
            case CANCELLED -> t(locale, "Cancelled", "已取消");
            case REFUNDED -> t(locale, "Refunded", "已退款");
        };
    }

    static String money(long fen) {
        return Money.yuan(fen);
    }

    /** An amount typed in yuan, in fen; one that does not parse is refused as {@code field}, like the service would. */
    static long fen(String yuan, String field) {
        try {
            return Money.fen(yuan);
        } catch (IllegalArgumentException e) {
            throw Errors.invalid(field, e.getMessage());
        }
    }

    /** {@code fen} of an optional amount: empty is {@code null}. */
    static Long optionalFen(String yuan, String field) {
        return yuan == null || yuan.isBlank() ? null : fen(yuan, field);
    }

    /** The selection of an order: the inspector lists its properties. */
    static Selection selection(Order o, Locale locale) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(t(locale, "Status", "状态"), status(o.status(), locale));
        properties.put(t(locale, "Customer", "客户"), String.valueOf(o.customerId()));
        properties.put(t(locale, "Channel", "渠道"), o.channel());
        properties.put(t(locale, "Payable", "应付"), money(o.payableFen()));
        properties.put(t(locale, "Refunded", "已退款"), money(o.refundedFen()));
        properties.put(t(locale, "Created", "下单时间"), time(o.createdAt(), locale));
        return new Selection(ORDER_TYPE, String.valueOf(o.id()), t(locale, "Order ", "订单 ") + o.id(), properties);
    }

    /**
     * Runs an action; a refusal (bad input, a conflict, a decline) is shown to the user and answered {@code false},
     * anything else too, with its text, so that the view stays usable.
     */
    static boolean attempt(ViewContext context, Runnable action) {
        return attempt(context, new FieldErrors(), action);
    }

    /**
     * Runs an action of a form: a refusal naming one of {@code errors}' fields is shown under that field, other
     * refusals and failures as in {@link #attempt(ViewContext, Runnable)}. The marks of an earlier attempt go.
     */
    static boolean attempt(ViewContext context, FieldErrors errors, Runnable action) {
        errors.clear();
        try {
            action.run();
            return true;
        } catch (CommerceException e) {
            if (!errors.show(e)) {
                warn(e.getMessage());
            }
            return false;
        } catch (IllegalArgumentException e) {
            warn(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            warn(t(context.locale(), "Failed: ", "失败：") + e.getMessage());
            context.log("commerce: " + e);
            return false;
        }
    }

    static void warn(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.ERROR);
    }
}
