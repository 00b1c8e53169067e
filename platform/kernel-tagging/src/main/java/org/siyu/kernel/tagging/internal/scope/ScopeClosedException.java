package org.siyu.kernel.tagging.internal.scope;

import org.siyu.api.i18n.Text;

/** Work refused because the account has a data scope that cannot be worked out now ({@link Scope#closed()}). */
public final class ScopeClosedException extends RuntimeException {

    private final Text text;

    public ScopeClosedException(Text text) {
        super(text.en());
        this.text = text;
    }

    /** The reason in English and Chinese. */
    public Text text() {
        return text;
    }
}
