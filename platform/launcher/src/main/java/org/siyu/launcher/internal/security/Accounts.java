package org.siyu.launcher.internal.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.siyu.api.security.Role;
import org.siyu.shell.backend.AuditTrail;
import org.siyu.shell.backend.Authenticator;

/**
 * Admin accounts with bcrypt-hashed passwords (cost {@value #COST}). Every sign-in attempt is audited.
 */
public final class Accounts implements Authenticator {

    static final int COST = 12;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final DataSource dataSource;
    private final AuditTrail audit;
    /** A hash to compare against when the user does not exist, so timing does not tell which part was wrong. */
    private volatile byte[] dummyHash;

    public Accounts(DataSource dataSource, AuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    private byte[] dummyHash() {
        byte[] hash = dummyHash;
        if (hash == null) {
            hash = BCrypt.withDefaults().hash(COST, "not-a-password".toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    /** What {@link #ensureAdmin} did. */
    public record InitialAdmin(boolean created, String password, Path passwordFile) {
    }

    /**
     * Creates the account {@code admin} when there is no account at all. The password is {@code given}, or a
     * random one written to {@code secretsDir/initial-admin-password} with mode 600.
     */
    public InitialAdmin ensureAdmin(String given, Path secretsDir) throws IOException {
        if (count() > 0) {
            return new InitialAdmin(false, null, null);
        }
        String password = given != null ? given : randomPassword(20);
        Path file = null;
        if (given == null) {
            Files.createDirectories(secretsDir);
            file = secretsDir.resolve("initial-admin-password");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        }
        create("admin", password, Role.ADMIN, "system");
        return new InitialAdmin(true, password, file);
    }

    /** Creates an account; the password must have at least 8 characters. */
    public void create(String username, String password, Role role, String actor) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("username must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password must have at least 8 characters");
        }
        String hash = BCrypt.withDefaults().hashToString(COST, password.toCharArray());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO siyu_account (username, password_hash, role, created_at) VALUES (?,?,?,?)")) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, role.name());
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create account " + username + ": " + e.getMessage(), e);
        }
        audit.record(actor, "account.create", username, null, "role=" + role);
    }

    @Override
    public Optional<Account> authenticate(String username, String password, String remoteAddress) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String hash = null;
        Role role = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT password_hash, role FROM siyu_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(1);
                    role = Role.valueOf(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read accounts: " + e.getMessage(), e);
        }
        boolean ok;
        if (hash == null) {
            BCrypt.verifyer().verify(password.toCharArray(), dummyHash());
            ok = false;
        } else {
            ok = BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
        }
        String from = remoteAddress == null ? null : "from " + remoteAddress;
        if (!ok) {
            audit.record(truncate(username), "login.failed", truncate(username), null, from);
            return Optional.empty();
        }
        audit.record(username, "login", username, null, from);
        return Optional.of(new Account(username, role));
    }

    /** The role of an existing account. */
    public Optional<Role> role(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT role FROM siyu_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Role.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read accounts: " + e.getMessage(), e);
        }
    }

    int count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM siyu_account");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read accounts: " + e.getMessage(), e);
        }
    }

    static String randomPassword(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
