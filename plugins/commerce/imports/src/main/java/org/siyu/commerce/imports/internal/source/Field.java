package org.siyu.commerce.imports.internal.source;

import org.siyu.api.i18n.Text;

/**
 * What a column of an order report can be. A field is read from one column; columns mapped to nothing are ignored.
 * Order-level fields are taken from the first row of an order that has them; line fields from every row.
 */
public enum Field {
    ORDER_NO("orderNo", true, Text.of("Order number", "订单号")),
    SUB_ORDER_NO("subOrderNo", false, Text.of("Sub-order number", "子订单号")),
    BUYER("buyer", false, Text.of("Buyer account", "买家账号")),
    PHONE("phone", false, Text.of("Phone", "手机号")),
    RECEIVER("receiver", false, Text.of("Receiver name", "收货人")),
    STATUS("status", true, Text.of("Order status", "订单状态")),
    PAYABLE("payable", false, Text.of("Amount paid (yuan)", "实付金额（元）")),
    REFUND("refund", false, Text.of("Amount refunded (yuan)", "退款金额（元）")),
    CREATED_AT("createdAt", true, Text.of("Placed at", "下单时间")),
    PAID_AT("paidAt", false, Text.of("Paid at", "付款时间")),
    SHIPPED_AT("shippedAt", false, Text.of("Shipped at", "发货时间")),
    COMPLETED_AT("completedAt", false, Text.of("Completed at", "完成时间")),
    TITLE("title", true, Text.of("Item title", "商品名称")),
    QUANTITY("quantity", false, Text.of("Quantity", "数量")),
    SKU_CODE("skuCode", false, Text.of("SKU code", "商家编码")),
    UNIT_PRICE("unitPrice", false, Text.of("Unit price (yuan)", "单价（元）")),
    LINE_AMOUNT("lineAmount", false, Text.of("Line amount (yuan)", "商品金额（元）")),
    CARRIER("carrier", false, Text.of("Carrier", "物流公司")),
    TRACKING_NO("trackingNo", false, Text.of("Tracking number", "物流单号"));

    private final String token;
    private final boolean required;
    private final Text title;

    Field(String token, boolean required, Text title) {
        this.token = token;
        this.required = required;
        this.title = title;
    }

    /** The name used in mappings, REST parameters and the stored configuration, such as {@code orderNo}. */
    public String token() {
        return token;
    }

    /** Whether a file must have a column for it. */
    public boolean required() {
        return required;
    }

    public Text title() {
        return title;
    }

    /**
     * The field named {@code token} (case-insensitive; the enum name works too).
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static Field of(String token) {
        String t = token == null ? "" : token.strip();
        for (Field f : values()) {
            if (f.token.equalsIgnoreCase(t) || f.name().equalsIgnoreCase(t)) {
                return f;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Field f : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(f.token);
        }
        throw new IllegalArgumentException("'" + token + "' is not an order field: use one of " + names
                + " (or ignore)");
    }
}
