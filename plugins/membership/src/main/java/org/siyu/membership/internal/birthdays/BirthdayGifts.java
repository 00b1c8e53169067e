package org.siyu.membership.internal.birthdays;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.SettingsSource;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.model.Birthday;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.TemplateValues;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.tiers.Tiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Birthday gifts: a member's birthday (month and day) and, on it, the coupon of the member's tier
 * ({@link Tier#birthdayTemplateId()}), sent by the daily job.
 *
 * <ul>
 *   <li><b>Once a year</b>: the coupon's issue key is {@code birthday:<year>}, so a second run, a replay or a birthday
 *       changed to another day of the same year sends nothing more.</li>
 *   <li><b>Set before the day</b>: a birthday counts from the day after it was given, so giving "today" to get a
 *       coupon at once does not work (the usual rule of member programmes).</li>
 *   <li><b>Catch-up</b>: the job looks back {@value #CATCH_UP_DAYS} days, so a node that was down on the day still
 *       sends.</li>
 *   <li>29 February is celebrated on 28 February in other years.</li>
 *   <li>A customer OneID merged away: the survivor gets the gift, unless it has a birthday of its own.</li>
 * </ul>
 */
@Component(service = BirthdayGifts.class)
public class BirthdayGifts {

    private static final Logger LOG = LoggerFactory.getLogger(BirthdayGifts.class);

    /** Days the daily job looks back for birthdays it has not sent. */
    public static final int CATCH_UP_DAYS = 3;
    /** The actor of the coupons sent. */
    public static final String ACTOR = "birthday";

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final PersistenceUnit unit;
    private final Tiers tiers;
    private final Coupons coupons;
    private final Supplier<Settings> settings;
    private final Clock clock;

    @Activate
    public BirthdayGifts(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference Tiers tiers,
            @Reference Coupons coupons, @Reference SettingsSource settings) {
        this(unit, tiers, coupons, settings, Clock.systemUTC());
        try {
            seedDefaults();
        } catch (RuntimeException e) {
            // the pending row stays: the next start tries again; gifts work meanwhile for tiers given a template
            LOG.warn("Default birthday coupons not created: {}", e.toString());
        }
    }

    public BirthdayGifts(PersistenceUnit unit, Tiers tiers, Coupons coupons, Supplier<Settings> settings, Clock clock) {
        this.unit = unit;
        this.tiers = tiers;
        this.coupons = coupons;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Once per database (V4's pending row, removed in the same transaction): a birthday coupon template for each
     * default tier whose birthday gift is a coupon and still reads as seeded, linked to the tier.
     *
     * @return the templates created
     */
    public int seedDefaults() {
        Instant now = clock.instant();
        return unit.inTransaction(em -> {
            if (em.createNativeQuery("delete from mb_pending_seed where name = 'birthday-templates'").executeUpdate() == 0) {
                return 0;
            }
            int created = 0;
            for (Tier tier : Tiers.all(em)) {
                long fen = switch (tier.code() + "|" + tier.birthdayGift()) {
                    case "silver|生日券 ¥20" -> 2_000;
                    case "gold|生日券 ¥50" -> 5_000;
                    default -> 0;
                };
                if (fen == 0 || tier.birthdayTemplateId() != null) {
                    continue;
                }
                CouponTemplate template = coupons.create(new TemplateValues(tier.nameZh() + "生日券 ¥" + fen / 100,
                        CouponTemplate.Kind.AMOUNT_OFF, fen, 0, null, 0, null, null, 30, 10_000_000), "system");
                tier.update(tier.values().withBirthdayTemplate(template.id()), "system", now);
                created++;
            }
            LOG.info("Created {} default birthday coupon templates", created);
            return created;
        });
    }

    /**
     * A birthday as a person types it: {@code MM-dd} ({@code 05-12}) or a date {@code yyyy-MM-dd} whose year is
     * dropped.
     *
     * @throws MembershipException INVALID ({@code birthday}) naming the accepted forms
     */
    public static MonthDay parse(String text) {
        if (text == null || text.isBlank()) {
            throw MembershipException.invalid("birthday", "birthday is missing: give MM-dd (05-12) or yyyy-MM-dd");
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate date = LocalDate.parse(t);
                if (date.isAfter(LocalDate.now())) {
                    throw MembershipException.invalid("birthday", "birthday '" + t + "' is in the future");
                }
                return MonthDay.from(date);
            }
            return MonthDay.parse("--" + t);
        } catch (DateTimeParseException e) {
            throw MembershipException.invalid("birthday", "birthday '" + t + "' is not MM-dd (05-12) or yyyy-MM-dd");
        }
    }

    /** {@code MM-dd}. */
    public static String format(MonthDay birthday) {
        return birthday.format(MONTH_DAY);
    }

    /** Sets (or changes) a customer's birthday. */
    public void set(int customerId, MonthDay birthday, String actor) {
        if (customerId <= 0) {
            throw MembershipException.invalid("customerId", "customerId must be a customer id > 0, was " + customerId);
        }
        Instant now = clock.instant();
        unit.inTransaction(em -> {
            Birthday row = em.find(Birthday.class, customerId);
            if (row == null) {
                em.persist(new Birthday(customerId, birthday, now, actor));
            } else {
                row.set(birthday, now, actor);
            }
            return null;
        });
    }

    /** A customer's birthday, if given. */
    public Optional<MonthDay> of(int customerId) {
        return unit.inTransaction(em -> Optional.ofNullable(em.find(Birthday.class, customerId)).map(Birthday::birthday));
    }

    /** Whether the customer's birthday gift of {@code year} was sent. */
    public boolean sent(int customerId, int year) {
        return unit.inTransaction(em -> !em.createQuery("select c.id from Coupon c where c.customerId = :c "
                        + "and c.issueKey = :k").setParameter("c", customerId).setParameter("k", key(year))
                .getResultList().isEmpty());
    }

    /** What a run did. */
    public record Sent(int sent, int alreadySent, int noGift, int failed) {

        @Override
        public String toString() {
            return sent + " birthday coupons sent (" + alreadySent + " already sent, " + noGift
                    + " members whose tier has no birthday coupon, " + failed + " failed)";
        }
    }

    /** Sends the gifts of the birthdays of today and the {@value #CATCH_UP_DAYS} days before (the daily job). */
    public Sent sendDue() {
        ZoneId zone = settings.get().zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        int[] n = new int[4];
        for (LocalDate day = today.minusDays(CATCH_UP_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            Sent s = send(day, zone);
            n[0] += s.sent();
            n[1] += s.alreadySent();
            n[2] += s.noGift();
            n[3] += s.failed();
        }
        return new Sent(n[0], n[1], n[2], n[3]);
    }

    private Sent send(LocalDate day, ZoneId zone) {
        Instant startOfDay = day.atStartOfDay(zone).toInstant();
        List<Integer> born = unit.inTransaction(em -> {
            List<Integer> ids = new ArrayList<>(bornOn(em, day.getMonthValue(), day.getDayOfMonth(), startOfDay));
            if (day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
                ids.addAll(bornOn(em, 2, 29, startOfDay));
            }
            return ids;
        });
        Map<String, Tier> ladder = Tiers.index(tiers.list());
        Tier entry = tiers.list().getFirst();
        int sent = 0;
        int already = 0;
        int noGift = 0;
        int failed = 0;
        for (int customer : born) {
            int[] recipient = {customer};
            Tier tier = unit.inTransaction(em -> {
                Member m = em.find(Member.class, customer);
                if (m != null && m.mergedInto() != 0) {
                    if (em.find(Birthday.class, m.mergedInto()) != null) {
                        return null; // the survivor's own birthday counts
                    }
                    recipient[0] = m.mergedInto();
                    m = em.find(Member.class, m.mergedInto());
                }
                return m == null ? entry : ladder.getOrDefault(m.tierCode(), entry);
            });
            if (tier == null) {
                continue;
            }
            if (tier.birthdayTemplateId() == null) {
                noGift++;
                continue;
            }
            try {
                if (coupons.issue(tier.birthdayTemplateId(), recipient[0], key(day.getYear()), ACTOR).created()) {
                    sent++;
                } else {
                    already++;
                }
            } catch (MembershipException e) {
                // out of stock, archived, ended: the others still get theirs; the operator sees the count and the log
                failed++;
                LOG.warn("Birthday coupon of {} for customer {} not sent: {}", day, recipient[0], e.getMessage());
            }
        }
        return new Sent(sent, already, noGift, failed);
    }

    private static List<Integer> bornOn(EntityManager em, int month, int dayOfMonth, Instant setBefore) {
        return em.createQuery("select b.customerId from Birthday b where b.month = :m and b.day = :d "
                        + "and b.setAt < :before order by b.customerId", Integer.class)
                .setParameter("m", month).setParameter("d", dayOfMonth).setParameter("before", setBefore)
                .getResultList();
    }

    static String key(int year) {
        return "birthday:" + year;
    }
}
