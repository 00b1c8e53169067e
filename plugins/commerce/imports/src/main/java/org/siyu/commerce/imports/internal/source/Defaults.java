package org.siyu.commerce.imports.internal.source;

import static org.siyu.api.commerce.OrderStatus.CANCELLED;
import static org.siyu.api.commerce.OrderStatus.COMPLETED;
import static org.siyu.api.commerce.OrderStatus.CREATED;
import static org.siyu.api.commerce.OrderStatus.PAID;
import static org.siyu.api.commerce.OrderStatus.REFUNDED;
import static org.siyu.api.commerce.OrderStatus.SHIPPED;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siyu.api.commerce.OrderStatus;

/**
 * The shipped configuration of each source, in the shape of the marketplaces' seller-backend order exports
 * (天猫/淘宝 卖家中心 "订单报表" and "宝贝报表", 京东商家后台 "订单导出", 抖店 "订单导出"). The header names are the ones
 * those exports use, with the variants seen across their versions; operators edit them per source when a
 * marketplace renames a column.
 */
public final class Defaults {

    private Defaults() {
    }

    public static SourceConfig of(Source source) {
        return switch (source) {
            case TMALL -> tmall();
            case JD -> jd();
            case DOUYIN -> douyin();
        };
    }

    private static SourceConfig tmall() {
        Map<Field, List<String>> h = new EnumMap<>(Field.class);
        h.put(Field.ORDER_NO, List.of("订单编号", "主订单编号", "订单号"));
        h.put(Field.SUB_ORDER_NO, List.of("子订单编号"));
        h.put(Field.BUYER, List.of("买家会员名", "买家昵称", "买家旺旺"));
        h.put(Field.PHONE, List.of("联系手机", "收货人手机号", "联系电话"));
        h.put(Field.RECEIVER, List.of("收货人姓名", "收货人"));
        h.put(Field.STATUS, List.of("订单状态", "状态"));
        h.put(Field.PAYABLE, List.of("买家实际支付金额", "实付金额", "买家应付货款"));
        h.put(Field.REFUND, List.of("退款金额"));
        h.put(Field.CREATED_AT, List.of("订单创建时间", "创建时间"));
        h.put(Field.PAID_AT, List.of("订单付款时间", "付款时间"));
        h.put(Field.SHIPPED_AT, List.of("发货时间"));
        h.put(Field.COMPLETED_AT, List.of("确认收货时间", "交易成功时间"));
        h.put(Field.TITLE, List.of("宝贝标题", "标题", "商品标题"));
        h.put(Field.QUANTITY, List.of("宝贝总数量", "购买数量", "数量"));
        h.put(Field.SKU_CODE, List.of("商家编码", "外部系统编号"));
        h.put(Field.UNIT_PRICE, List.of("价格", "单价"));
        h.put(Field.LINE_AMOUNT, List.of());
        h.put(Field.CARRIER, List.of("物流公司"));
        h.put(Field.TRACKING_NO, List.of("物流单号", "运单号"));
        Map<String, OrderStatus> s = new LinkedHashMap<>();
        s.put("等待买家付款", CREATED);
        s.put("买家已付款", PAID);
        s.put("等待卖家发货", PAID);
        s.put("买家已付款，等待卖家发货", PAID);
        s.put("卖家部分发货", PAID);
        s.put("卖家已发货", SHIPPED);
        s.put("等待买家确认收货", SHIPPED);
        s.put("卖家已发货，等待买家确认", SHIPPED);
        s.put("交易成功", COMPLETED);
        s.put("交易关闭", CANCELLED);
        s.put("交易自动关闭", CANCELLED);
        s.put("付款以前，卖家或买家主动关闭交易", CANCELLED);
        s.put("退款成功", REFUNDED);
        return new SourceConfig(Source.TMALL, h, s, false);
    }

    private static SourceConfig jd() {
        Map<Field, List<String>> h = new EnumMap<>(Field.class);
        h.put(Field.ORDER_NO, List.of("订单号", "订单编号"));
        h.put(Field.SUB_ORDER_NO, List.of());
        h.put(Field.BUYER, List.of("下单帐号", "下单账号", "账号", "帐号", "客户账号", "京东账号"));
        h.put(Field.PHONE, List.of("联系电话", "手机号", "客户电话"));
        h.put(Field.RECEIVER, List.of("客户姓名", "收货人"));
        h.put(Field.STATUS, List.of("订单状态"));
        h.put(Field.PAYABLE, List.of("应付金额", "订单金额"));
        h.put(Field.REFUND, List.of("退款金额"));
        h.put(Field.CREATED_AT, List.of("下单时间"));
        h.put(Field.PAID_AT, List.of("付款确认时间", "支付时间", "付款时间"));
        h.put(Field.SHIPPED_AT, List.of("出库时间", "发货时间"));
        h.put(Field.COMPLETED_AT, List.of("订单完成时间", "完成时间"));
        h.put(Field.TITLE, List.of("商品名称"));
        h.put(Field.QUANTITY, List.of("订购数量", "商品数量", "数量"));
        h.put(Field.SKU_CODE, List.of("商家SKU", "商家SKUID", "货号", "商品ID"));
        h.put(Field.UNIT_PRICE, List.of("京东价", "商品单价"));
        h.put(Field.LINE_AMOUNT, List.of());
        h.put(Field.CARRIER, List.of("承运商", "快递公司"));
        h.put(Field.TRACKING_NO, List.of("运单号", "快递单号"));
        Map<String, OrderStatus> s = new LinkedHashMap<>();
        s.put("等待付款", CREATED);
        s.put("等待出库", PAID);
        s.put("等待发货", PAID);
        s.put("等待确认收货", SHIPPED);
        s.put("已出库", SHIPPED);
        s.put("完成", COMPLETED);
        s.put("已完成", COMPLETED);
        s.put("已取消", CANCELLED);
        s.put("(删除)锁定", CANCELLED);
        s.put("锁定", CANCELLED);
        s.put("退款成功", REFUNDED);
        s.put("已退款", REFUNDED);
        return new SourceConfig(Source.JD, h, s, false);
    }

    private static SourceConfig douyin() {
        Map<Field, List<String>> h = new EnumMap<>(Field.class);
        h.put(Field.ORDER_NO, List.of("主订单编号", "订单编号"));
        h.put(Field.SUB_ORDER_NO, List.of("子订单编号"));
        h.put(Field.BUYER, List.of("买家ID", "用户ID", "抖音号", "买家昵称"));
        h.put(Field.PHONE, List.of("收件人手机号", "收件人电话", "收货人手机号"));
        h.put(Field.RECEIVER, List.of("收件人", "收件人姓名"));
        h.put(Field.STATUS, List.of("订单状态"));
        h.put(Field.PAYABLE, List.of("订单应付金额", "应付金额", "实付金额"));
        h.put(Field.REFUND, List.of("退款金额"));
        h.put(Field.CREATED_AT, List.of("订单提交时间", "下单时间"));
        h.put(Field.PAID_AT, List.of("支付完成时间", "支付时间"));
        h.put(Field.SHIPPED_AT, List.of("发货时间"));
        h.put(Field.COMPLETED_AT, List.of("订单完成时间", "完成时间"));
        h.put(Field.TITLE, List.of("商品名称", "选购商品"));
        h.put(Field.QUANTITY, List.of("商品数量"));
        h.put(Field.SKU_CODE, List.of("商家编码", "商品编码"));
        h.put(Field.UNIT_PRICE, List.of("商品单价", "单价"));
        h.put(Field.LINE_AMOUNT, List.of("商品金额"));
        h.put(Field.CARRIER, List.of("快递公司", "物流公司"));
        h.put(Field.TRACKING_NO, List.of("快递单号", "物流单号"));
        Map<String, OrderStatus> s = new LinkedHashMap<>();
        s.put("待支付", CREATED);
        s.put("待付款", CREATED);
        s.put("待发货", PAID);
        s.put("备货中", PAID);
        s.put("已支付", PAID);
        s.put("已发货", SHIPPED);
        s.put("待收货", SHIPPED);
        s.put("已完成", COMPLETED);
        s.put("已签收", COMPLETED);
        s.put("已关闭", CANCELLED);
        s.put("已取消", CANCELLED);
        s.put("退款成功", REFUNDED);
        s.put("售后完成", REFUNDED);
        return new SourceConfig(Source.DOUYIN, h, s, true);
    }
}
