package org.siyu.commerce.codes.internal;

import java.time.Instant;

/** The refusals of {@link CodeService}, each of which a REST resource turns into its status. */
public final class CodeExceptions {

    private CodeExceptions() {
    }

    /** No such code (or not a code at all): 404. */
    public static final class UnknownCode extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnknownCode(String input) {
            super("there is no product code '" + input + "'");
        }
    }

    /** The code is bound already: 409. */
    public static final class AlreadyBound extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient CodeInfo code;

        AlreadyBound(CodeInfo code) {
            super("the code " + CodeFormat.display(code.code()) + " was bound on " + code.boundAt()
                    + "; a code binds once");
            this.code = code;
        }

        public Instant boundAt() {
            return code.boundAt();
        }
    }

    /** Commerce is not installed: 503. */
    public static final class CommerceUnavailable extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        CommerceUnavailable() {
            super("commerce is not installed");
        }
    }
}
