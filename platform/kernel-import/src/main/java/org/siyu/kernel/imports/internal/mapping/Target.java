package org.siyu.kernel.imports.internal.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.siyu.api.i18n.Text;

/**
 * What one column of the file becomes: an identity of a channel, a trait, tags, or nothing.
 *
 * @param kind what it is
 * @param name the channel id ({@link Kind#IDENTITY}) or the trait name ({@link Kind#TRAIT}); else {@code null}
 */
public record Target(Kind kind, String name) {

    public enum Kind { IDENTITY, TRAIT, TAGS, IGNORE }

    /** The traits a column can fill; OneID stores them ({@code campaign} as first-touch attribution). */
    public static final List<String> TRAITS = List.of("name", "nickname", "gender", "city", "remark", "campaign");

    public static final Target TAGS = new Target(Kind.TAGS, null);
    public static final Target IGNORE = new Target(Kind.IGNORE, null);

    public static Target identity(String channel) {
        return new Target(Kind.IDENTITY, channel);
    }

    public static Target trait(String name) {
        return new Target(Kind.TRAIT, name);
    }

    /**
     * Reads a target as written in a mapping: {@code tags}, {@code ignore} (or {@code -} or empty), a trait name, a
     * channel id; {@code trait:<name>} and {@code channel:<id>} say which when a channel has a trait's name.
     *
     * @param channels the ids of the registered channels
     * @throws IllegalArgumentException naming the token and what is accepted
     */
    public static Target parse(String token, Set<String> channels) {
        String t = token == null ? "" : token.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("-") || t.equals("ignore")) {
            return IGNORE;
        }
        if (t.equals("tags")) {
            return TAGS;
        }
        if (t.startsWith("trait:") && TRAITS.contains(t.substring(6))) {
            return trait(t.substring(6));
        }
        if (t.startsWith("channel:") && channels.contains(t.substring(8))) {
            return identity(t.substring(8));
        }
        if (TRAITS.contains(t)) {
            return trait(t);
        }
        if (channels.contains(t)) {
            return identity(t);
        }
        throw new IllegalArgumentException("'" + token + "' is not a column target: use a channel ("
                + String.join(", ", channels.stream().sorted().toList()) + "), a trait ("
                + String.join(", ", TRAITS) + "), tags or ignore");
    }

    /** The form {@link #parse} reads back. */
    public String token() {
        return switch (kind) {
            case IGNORE -> "ignore";
            case TAGS -> "tags";
            case TRAIT -> name;
            case IDENTITY -> TRAITS.contains(name) || name.equals("tags") || name.equals("ignore")
                    ? "channel:" + name : name;
        };
    }

    /** A label for the admin's selects. */
    public Text label(Text channelName) {
        return switch (kind) {
            case IGNORE -> Text.of("Ignore", "忽略");
            case TAGS -> Text.of("Tags (several: | or ,)", "标签（多个用 | 或 ，分隔）");
            case TRAIT -> traitLabel(name);
            case IDENTITY -> Text.of("Identity: " + channelName.en(),
                    "身份：" + (channelName.zh() == null ? channelName.en() : channelName.zh()));
        };
    }

    static Text traitLabel(String trait) {
        return switch (trait) {
            case "name" -> Text.of("Name", "姓名");
            case "nickname" -> Text.of("Nickname", "昵称");
            case "gender" -> Text.of("Gender", "性别");
            case "city" -> Text.of("City", "城市");
            case "remark" -> Text.of("Remark", "备注");
            case "campaign" -> Text.of("Campaign", "活动");
            default -> Text.of(trait);
        };
    }
}
