package org.siyu.kernel.identity.internal.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.Customer;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.ui.Selection;
import org.siyu.kernel.identity.internal.channel.Mask;
import org.siyu.kernel.identity.internal.channel.PhoneChannel;
import org.siyu.kernel.identity.internal.rest.CustomersResource;

/** What the customer list, the editor and the search documents share: names, times, levels, the why of a tag. */
public final class CustomerUi {

    /** The record type of customers: editors, selections and search documents. */
    public static final String TYPE = "customer";

    /** The navigator group of the customer views (the tagging views use the same). */
    static final Text GROUP = Text.of("Customers", "客户");

    /** The tag group of lifecycle stages (tagging's system group). */
    static final String LIFECYCLE_GROUP = "lifecycle";

    /** A stored phone identity (E.164 after normalisation) inside free text. */
    private static final Pattern PHONE_IDENTITY = Pattern.compile(PhoneChannel.ID + ":\\+\\d{7,15}(?!\\d)");

    private CustomerUi() {
    }

    /**
     * The customer id in a record id.
     *
     * @throws NoSuchElementException if it is not a positive number; the shell says there is no such record
     */
    static int customerId(String recordId) {
        try {
            int id = Integer.parseInt(recordId.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // answered below
        }
        throw new NoSuchElementException("no customer with id '" + recordId + "'");
    }

    /** The name, else the nickname, else {@code 客户 #id} / {@code Customer #id}. */
    public static String title(Customer c, Locale locale) {
        String name = c.traits().get("name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String nickname = c.traits().get("nickname");
        if (nickname != null && !nickname.isBlank()) {
            return nickname;
        }
        return Text.of("Customer #", "客户 #").get(locale) + c.id();
    }

    /** The first phone of the customer, masked ({@code +86138****0000}), or null. */
    public static String maskedPhone(Customer c) {
        for (String identity : c.identities()) {
            if (identity.startsWith(PhoneChannel.ID + ":")) {
                return Mask.identity(identity).substring(PhoneChannel.ID.length() + 1);
            }
        }
        return null;
    }

    /** An identity as the admin shows it: phones masked, other channel ids as they are. */
    static String shown(String identity) {
        return identity.startsWith(PhoneChannel.ID + ":") ? Mask.identity(identity) : identity;
    }

    /**
     * Text with every phone identity in it masked. Event data is written by OneID and plugins for machines, and
     * {@code customer.created} / {@code customer.updated} list the customer's new identity keys unmasked; the admin
     * must not show them.
     */
    static String maskPhones(String text) {
        return text == null ? null
                : PHONE_IDENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(Mask.identity(m.group())));
    }

    /** A time in the user's language, in the server's zone; empty for null. */
    static String time(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale == null ? Locale.ENGLISH : locale)
                .withZone(ZoneId.systemDefault())
                .format(instant);
    }

    /**
     * Why a customer has a tag, readable: {@code rule 复购客户 from event evt-123}, {@code manual by alice},
     * {@code import from customers.csv row 7}, {@code system: rfm}, {@code plugin org.siyu.live: …}.
     */
    static String why(TagAssignment a, Locale locale) {
        String source = a.source() == null ? "" : a.source();
        String evidence = a.evidence() == null || a.evidence().isBlank() ? null : a.evidence();
        if (source.startsWith("rule:")) {
            String rule = source.substring("rule:".length());
            return evidence == null ? Text.of("rule " + rule, "规则 " + rule).get(locale)
                    : Text.of("rule " + rule + " from event " + evidence, "规则 " + rule + "，事件 " + evidence).get(locale);
        }
        if (source.startsWith("plugin:")) {
            String plugin = source.substring("plugin:".length());
            return Text.of("plugin " + plugin, "插件 " + plugin).get(locale) + (evidence == null ? "" : ": " + evidence);
        }
        return switch (source) {
            case "manual" -> evidence == null ? Text.of("manual", "手动").get(locale)
                    : Text.of("manual by " + evidence, "手动，操作人 " + evidence).get(locale);
            case "import" -> evidence == null ? Text.of("import", "导入").get(locale)
                    : Text.of("import from " + evidence, "导入，来源 " + evidence).get(locale);
            case "system" -> Text.of("system", "系统").get(locale) + (evidence == null ? "" : ": " + evidence);
            default -> source + (evidence == null ? "" : ": " + evidence);
        };
    }

    /** The why with when: {@code manual by alice · 2026年11月23日 16:00:00}. */
    static String whyAndWhen(TagAssignment a, Locale locale) {
        return why(a, locale) + (a.at() == null ? "" : " · " + time(a.at(), locale));
    }

    /** The latest assigned tag of the ownership groups (reach.* tags), or null. */
    static String level(List<TagAssignment> tags) {
        return latestOf(tags, List.copyOf(CustomersResource.LEVEL_GROUPS), "reach.");
    }

    /** The latest assigned lifecycle tag ({@code lifecycle.*}), or null. */
    static String lifecycle(List<TagAssignment> tags) {
        return latestOf(tags, List.of(LIFECYCLE_GROUP), "lifecycle.");
    }

    private static String latestOf(List<TagAssignment> tags, List<String> groups, String prefix) {
        String latest = null;
        Instant at = null;
        for (TagAssignment a : tags) {
            boolean fits = groups.contains(a.group()) || (a.tag() != null && a.tag().startsWith(prefix));
            if (fits && (at == null || a.at() == null || !a.at().isBefore(at))) {
                latest = a.tag();
                at = a.at();
            }
        }
        return latest;
    }

    /** The selection of a customer: the inspector lists these properties. */
    static Selection selection(Customer c, String level, Locale locale) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(Text.of("Name", "姓名").get(locale), title(c, locale));
        String phone = maskedPhone(c);
        if (phone != null) {
            properties.put(Text.of("Phone", "手机").get(locale), phone);
        }
        properties.put(Text.of("First channel", "首次渠道").get(locale), c.firstChannel());
        properties.put(Text.of("Campaign", "活动").get(locale), c.campaign() == null ? "" : c.campaign());
        properties.put(Text.of("Owner", "归属导购").get(locale), c.owner() == null ? "" : c.owner());
        properties.put(Text.of("Created", "创建时间").get(locale), time(c.createdAt(), locale));
        properties.put(Text.of("Level", "流量产权").get(locale), level == null ? "" : level);
        properties.put(Text.of("Identities", "身份").get(locale), String.valueOf(c.identities().size()));
        return new Selection(TYPE, String.valueOf(c.id()), title(c, locale), properties);
    }
}
