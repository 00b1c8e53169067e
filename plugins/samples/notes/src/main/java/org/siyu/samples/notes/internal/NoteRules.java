package org.siyu.samples.notes.internal;

import java.util.ArrayList;
import java.util.List;
import org.siyu.api.i18n.Text;

/**
 * What makes a note valid. The repository enforces these rules on every write; the editor asks them first to
 * show each problem next to its field, in the user's language. Plain Java, so the rules are tested without
 * a framework.
 */
final class NoteRules {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_BODY_LENGTH = 100_000;

    /**
     * A broken rule.
     *
     * @param field   the field at fault: {@code title} or {@code body}
     * @param message what is wrong, in English and Chinese; the English form starts with the field's name
     */
    record Violation(String field, Text message) {
    }

    private NoteRules() {
    }

    /** The rules that {@code title} and {@code body} break; empty if none. {@code null} counts as empty. */
    static List<Violation> check(String title, String body) {
        List<Violation> violations = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            violations.add(new Violation("title", Text.of("title must not be blank", "标题不能为空")));
        } else if (t.length() > MAX_TITLE_LENGTH) {
            violations.add(new Violation("title", Text.of(
                    "title must be at most " + MAX_TITLE_LENGTH + " characters",
                    "标题最多 " + MAX_TITLE_LENGTH + " 个字符")));
        }
        if (body != null && body.length() > MAX_BODY_LENGTH) {
            violations.add(new Violation("body", Text.of(
                    "body must be at most " + MAX_BODY_LENGTH + " characters",
                    "正文最多 " + MAX_BODY_LENGTH + " 个字符")));
        }
        return violations;
    }

    /**
     * Throws if {@code title} or {@code body} break a rule.
     *
     * @throws IllegalArgumentException naming the field, such as "title must not be blank"
     */
    static void require(String title, String body) {
        List<Violation> violations = check(title, body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.getFirst().message().en());
        }
    }
}
