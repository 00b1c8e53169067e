package org.siyu.commerce.internal.payment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.siyu.api.commerce.PaymentGateway;
import org.siyu.api.i18n.Text;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.commerce.internal.CommerceEntities;
import org.siyu.commerce.internal.store.Db;

/**
 * {@code sandbox}: behaves like a payment provider without moving money, for demos and tests. It keeps its own books
 * in {@code cm_sandbox_charge}, written in the order's transaction: one charge per order (charging an order again
 * answers the first transaction, as a provider's idempotency key would), refunds only of a known transaction and up
 * to what it charged, and a decline for test amounts ({@link SandboxConfig#declineSuffix()}).
 */
@Component(service = PaymentGateway.class, configurationPid = SandboxConfig.PID)
@Designate(ocd = SandboxConfig.class)
public class SandboxGateway implements PaymentGateway {

    public static final String ID = "sandbox";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PersistenceUnit unit;
    private final Clock clock;
    private volatile String declineSuffix;

    @Activate
    public SandboxGateway(@Reference(target = CommerceEntities.TARGET) PersistenceUnit unit, SandboxConfig config) {
        this(unit, Clock.systemUTC(), config.declineSuffix());
    }

    /** For tests. */
    public SandboxGateway(PersistenceUnit unit, Clock clock, String declineSuffix) {
        this.unit = unit;
        this.clock = clock;
        this.declineSuffix = suffix(declineSuffix);
    }

    @Modified
    void modified(SandboxConfig config) {
        declineSuffix = suffix(config.declineSuffix());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text title() {
        return Text.of("Sandbox (test payments)", "沙箱（测试支付）");
    }

    @Override
    public Result charge(long orderId, long amountFen) {
        return Db.inTransaction(unit, (c, s) -> {
            Optional<String> earlier = Db.one(c, "SELECT transaction_id FROM cm_sandbox_charge WHERE order_id = ?",
                    rs -> rs.getString(1), orderId);
            if (earlier.isPresent()) {
                return Result.ok(earlier.get());
            }
            String suffix = declineSuffix;
            if (!suffix.isEmpty() && Long.toString(amountFen).endsWith(suffix)) {
                return Result.declined("sandbox: card declined (test amount: " + amountFen + " fen ends in " + suffix
                        + ")");
            }
            String transaction = "sbx_" + random();
            Db.update(c, "INSERT INTO cm_sandbox_charge (order_id, transaction_id, amount_fen, refunded_fen, charged_at)"
                    + " VALUES (?, ?, ?, 0, ?)", orderId, transaction, amountFen, clock.instant());
            return Result.ok(transaction);
        });
    }

    @Override
    public Result refund(long orderId, String transactionId, long amountFen) {
        return Db.inTransaction(unit, (c, s) -> {
            Optional<long[]> charge = Db.one(c, "SELECT amount_fen, refunded_fen FROM cm_sandbox_charge"
                    + " WHERE order_id = ? AND transaction_id = ? FOR UPDATE",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, orderId, transactionId);
            if (charge.isEmpty()) {
                return Result.declined("sandbox: no charge " + transactionId + " for order " + orderId);
            }
            long left = charge.get()[0] - charge.get()[1];
            if (amountFen <= 0 || amountFen > left) {
                return Result.declined("sandbox: refund of " + amountFen + " fen refused, " + left + " fen refundable");
            }
            Db.update(c, "UPDATE cm_sandbox_charge SET refunded_fen = refunded_fen + ? WHERE order_id = ?", amountFen,
                    orderId);
            return Result.ok("sbx_r_" + random());
        });
    }

    private static String random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String suffix(String value) {
        String s = value == null ? "" : value.strip();
        if (!s.matches("\\d{0,6}")) {
            throw new IllegalArgumentException("declineSuffix: '" + value + "' must be up to 6 digits");
        }
        return s;
    }
}
