package org.siyu.api.security;

/**
 * The role of an admin account. Roles are ordered: an operator holds everything a viewer holds, an admin
 * everything an operator holds.
 */
public enum Role {
    /** Reads data and views; changes nothing. */
    VIEWER,
    /** Operates the brand's data every day: customers, tags, orders. */
    OPERATOR,
    /** Manages the platform: plugins, accounts, configuration. */
    ADMIN;

    /** Whether this role holds everything {@code other} holds. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
