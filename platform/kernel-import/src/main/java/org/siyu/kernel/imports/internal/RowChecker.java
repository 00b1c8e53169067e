package org.siyu.kernel.imports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.siyu.api.identity.ChannelType;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.support.csv.Row;
import org.siyu.kernel.imports.internal.mapping.Mapping;
import org.siyu.kernel.imports.internal.mapping.Target;

/**
 * Checks one row against the mapping with the rules OneID and tagging apply, so that the dry run finds what the real
 * run would refuse: at least one identity; each identity valid for its channel ({@link ChannelType#normalize});
 * traits not longer than OneID stores; tag names not blank, at most 64 characters, no control characters; no cells
 * beyond the header. A row with any error is rejected as a whole.
 */
public final class RowChecker {

    /** What a tags cell is split at: {@code |}, comma, full-width comma, 、 and semicolons. */
    static final Pattern TAG_SEPARATORS = Pattern.compile("[|,，、;；]");
    static final int MAX_TAG = 64;
    /** OneID's limits (kernel-identity Traits): campaign is attribution (200), other traits 1,000 characters. */
    static final int MAX_TRAIT = 1000;
    static final int MAX_CAMPAIGN = 200;
    /** What a decoder puts where the bytes were not of the chosen encoding. */
    private static final char REPLACEMENT = '\uFFFD';

    private final Mapping mapping;
    private final ChannelRegistry channels;

    public RowChecker(Mapping mapping, ChannelRegistry channels) {
        this.mapping = mapping;
        this.channels = channels;
    }

    public Mapping mapping() {
        return mapping;
    }

    public CheckedRow check(Row row) {
        List<RowError> errors = new ArrayList<>();
        List<String> headers = mapping.headers();
        List<Target> targets = mapping.targets();
        for (int i = headers.size(); i < row.cells().length; i++) {
            if (!row.cells()[i].isBlank()) {
                errors.add(new RowError(row.number(), "#" + (i + 1), row.cells()[i], "the row has a value in column "
                        + (i + 1) + " but the header names only " + headers.size() + " columns: a delimiter inside "
                        + "a value must be in double quotes"));
                break;
            }
        }
        Set<String> identities = new LinkedHashSet<>();
        Map<String, String> traits = new LinkedHashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        boolean identityGiven = false;
        for (int i = 0; i < headers.size(); i++) {
            Target target = targets.get(i);
            if (target.kind() == Target.Kind.IGNORE) {
                continue;
            }
            String raw = row.cell(i);
            String value = raw.strip();
            if (value.isEmpty()) {
                continue;
            }
            String column = headers.get(i);
            identityGiven |= target.kind() == Target.Kind.IDENTITY;
            if (value.indexOf(REPLACEMENT) >= 0) {
                errors.add(new RowError(row.number(), column, shown(target, value), "the cell has bytes that are not "
                        + "text in the file's encoding: choose the encoding the file was saved in (UTF-8 or GB18030)"));
                continue;
            }
            switch (target.kind()) {
                case IDENTITY -> identity(row.number(), column, target.name(), value, errors)
                        .ifPresent(identities::add);
                case TRAIT -> {
                    int max = target.name().equals("campaign") ? MAX_CAMPAIGN : MAX_TRAIT;
                    if (value.length() > max) {
                        errors.add(new RowError(row.number(), column, value, "the " + target.name() + " is "
                                + value.length() + " characters long; at most " + max + " are kept"));
                    } else {
                        traits.put(target.name(), value);
                    }
                }
                case TAGS -> tags(row.number(), column, value, tags, errors);
                default -> { }
            }
        }
        if (!identityGiven) {
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                if (targets.get(i).kind() == Target.Kind.IDENTITY) {
                    columns.add(headers.get(i));
                }
            }
            errors.add(new RowError(row.number(), String.join(" / ", columns), "", "no identity: the row needs a "
                    + "value in at least one of the columns " + String.join(", ", columns)));
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(headers.indexOf(a.column()), headers.indexOf(b.column())));
            return new CheckedRow(row.number(), null, List.of(), List.copyOf(errors));
        }
        return new CheckedRow(row.number(), new ResolveRequest(List.copyOf(identities), traits), List.copyOf(tags),
                List.of());
    }

    private Optional<String> identity(int row, String column, String channelId, String value, List<RowError> errors) {
        Optional<ChannelType> channel = channels.channel(channelId);
        String detail;
        if (channel.isEmpty()) {
            detail = "the channel " + channelId + " is not registered any more (its bundle stopped); map the column "
                    + "to another channel or ignore it";
        } else {
            try {
                String normalized = channel.get().normalize(value);
                if (normalized != null && !normalized.isEmpty()) {
                    return Optional.of(channelId + ":" + normalized);
                }
                detail = "not a valid " + channelId + ": the value is empty after normalization";
            } catch (IllegalArgumentException e) {
                detail = "not a valid " + channelId + ": " + e.getMessage();
            }
        }
        String shown = channelId.equals("phone") ? Mask.phone(value) : value;
        // the channel's own message may quote the full number: mask it there too
        errors.add(new RowError(row, column, shown, detail.replace(value, shown)));
        return Optional.empty();
    }

    private static void tags(int row, String column, String value, Set<String> tags, List<RowError> errors) {
        String[] pieces = TAG_SEPARATORS.split(value, -1);
        for (int p = 0; p < pieces.length; p++) {
            String tag = pieces[p].strip();
            if (tag.isEmpty()) {
                if (p > 0 && p < pieces.length - 1) { // "VIP||猫" or "VIP, ,猫"; a trailing separator is harmless
                    errors.add(new RowError(row, column, value, "tag " + (p + 1) + " is blank: remove the extra "
                            + "separator"));
                }
                continue;
            }
            if (tag.length() > MAX_TAG) {
                errors.add(new RowError(row, column, tag, "the tag is " + tag.length() + " characters long; at most "
                        + MAX_TAG + " are allowed"));
            } else if (tag.chars().anyMatch(Character::isISOControl)) {
                errors.add(new RowError(row, column, tag, "the tag contains a control character (a line break?)"));
            } else {
                tags.add(tag);
            }
        }
    }

    private static String shown(Target target, String value) {
        return target.kind() == Target.Kind.IDENTITY && "phone".equals(target.name()) ? Mask.phone(value) : value;
    }
}
