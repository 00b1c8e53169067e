package org.siyu.commerce.imports.internal;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.commerce.Sku;
import org.siyu.api.persistence.PersistenceUnit;

/**
 * Commerce as the SDK contract describes {@code record}, {@code sku} and {@code order}, over tables of the fakes unit
 * in the caller's transaction (commerce core is written in parallel): idempotent by {@code (channel, externalId)}
 * (recording again answers the stored order with {@code created=false}), {@code INVALID} naming the field for a
 * missing channel, order number, customer, status, time or line, or a line whose SKU code the catalogue lacks. An
 * order number containing {@code REFUSE} is refused as commerce would refuse bad input.
 */
class FakeCommerce {

    private final PersistenceUnit unit;
    private final AtomicLong nextId = new AtomicLong(1000);
    /** How many record calls were made. */
    final AtomicInteger recordCalls = new AtomicInteger();

    FakeCommerce(PersistenceUnit unit) {
        this.unit = unit;
    }

    void addSku(String code) {
        unit.inTransaction(em -> em.createNativeQuery("insert into fakes_sku (code) values (:c)")
                .setParameter("c", code).executeUpdate());
    }

    CommerceService.Recorded record(ExternalOrder o) {
        recordCalls.incrementAndGet();
        return unit.inTransaction(em -> {
            require(o.channel() != null && !o.channel().isBlank(), "channel", "the channel is required");
            require(o.externalId() != null && !o.externalId().isBlank(), "externalId", "the order number is required");
            if (o.externalId().contains("REFUSE")) {
                throw new CommerceException(CommerceException.Reason.INVALID, "externalId", "order " + o.externalId()
                        + " is refused");
            }
            Optional<Order> stored = find(em, o.channel(), o.externalId());
            if (stored.isPresent()) {
                return new CommerceService.Recorded(stored.get(), false);
            }
            require(o.customerId() > 0, "customerId", "the customer is required");
            require(o.status() != null, "status", "the status is required");
            require(o.createdAt() != null, "createdAt", "the order time is required");
            require(!o.lines().isEmpty(), "lines", "at least one line");
            for (int i = 0; i < o.lines().size(); i++) {
                OrderLine line = o.lines().get(i);
                require(line.quantity() >= 1, "lines[" + i + "].quantity", "at least 1");
                if (line.skuCode() != null) {
                    require(sku(em, line.skuCode()), "lines[" + i + "].skuCode", "no SKU " + line.skuCode());
                }
            }
            long id = nextId.incrementAndGet();
            em.createNativeQuery("insert into fakes_order (id, channel, external_id, customer_id, status, payable_fen, "
                            + "refunded_fen, created_at, paid_at) values (:id, :c, :e, :cu, :s, :p, :r, :t, :pt)")
                    .setParameter("id", id).setParameter("c", o.channel()).setParameter("e", o.externalId())
                    .setParameter("cu", o.customerId()).setParameter("s", o.status().name())
                    .setParameter("p", o.payableFen()).setParameter("r", o.refundedFen())
                    .setParameter("t", o.createdAt()).setParameter("pt", o.paidAt()).executeUpdate();
            for (int i = 0; i < o.lines().size(); i++) {
                OrderLine line = o.lines().get(i);
                em.createNativeQuery("insert into fakes_line (order_id, seq, sku_code, title, quantity, unit_fen, "
                                + "amount_fen) values (:o, :s, :k, :t, :q, :u, :a)")
                        .setParameter("o", id).setParameter("s", i).setParameter("k", line.skuCode())
                        .setParameter("t", line.title()).setParameter("q", line.quantity())
                        .setParameter("u", line.unitPriceFen()).setParameter("a", line.amountFen()).executeUpdate();
            }
            return new CommerceService.Recorded(find(em, o.channel(), o.externalId()).orElseThrow(), true);
        });
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new CommerceException(CommerceException.Reason.INVALID, field, message);
        }
    }

    private static boolean sku(EntityManager em, String code) {
        return !em.createNativeQuery("select code from fakes_sku where code = :c").setParameter("c", code)
                .getResultList().isEmpty();
    }

    private static Optional<Order> find(EntityManager em, String channel, String externalId) {
        List<?> rows = em.createNativeQuery("select id, customer_id, status, payable_fen, refunded_fen, created_at, "
                        + "paid_at from fakes_order where channel = :c and external_id = :e")
                .setParameter("c", channel).setParameter("e", externalId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        long id = ((Number) r[0]).longValue();
        List<OrderLine> lines = new ArrayList<>();
        for (Object l : em.createNativeQuery("select sku_code, title, quantity, unit_fen, amount_fen from fakes_line "
                + "where order_id = :o order by seq").setParameter("o", id).getResultList()) {
            Object[] x = (Object[]) l;
            lines.add(new OrderLine((String) x[0], (String) x[1], ((Number) x[2]).intValue(),
                    ((Number) x[3]).longValue(), ((Number) x[4]).longValue()));
        }
        long payable = ((Number) r[3]).longValue();
        OrderStatus status = OrderStatus.valueOf((String) r[2]);
        return Optional.of(new Order(id, ((Number) r[1]).intValue(), channel, externalId, status, lines, List.of(),
                payable, payable, status == OrderStatus.CREATED || status == OrderStatus.CANCELLED ? 0 : payable,
                ((Number) r[4]).longValue(), null, null, null, instant(r[5]), instant(r[6])));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The stored order of a channel's order number. */
    Optional<Order> stored(String channel, String externalId) {
        return unit.inTransaction(em -> find(em, channel, externalId));
    }

    Optional<Sku> sku(String skuCode) {
        return unit.inTransaction(em -> sku(em, skuCode)) ? Optional.of(new Sku(1, 1, skuCode, skuCode, 0,
                Map.of(), 0)) : Optional.empty();
    }

    /**
     * The fake as the service: {@code record} and {@code sku} answered here, every other method (and any the SDK adds
     * while commerce is being written) refused with {@link UnsupportedOperationException}.
     */
    CommerceService service() {
        return (CommerceService) Proxy.newProxyInstance(CommerceService.class.getClassLoader(),
                new Class<?>[] {CommerceService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "record" -> record((ExternalOrder) args[0]);
                    case "sku" -> sku((String) args[0]);
                    case "toString" -> "FakeCommerce";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
