package org.siyu.launcher.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API bearer tokens. Only a SHA-256 of each token is stored, so a copy of the database grants nothing. Tokens
 * live {@link #LIFETIME}.
 */
public final class Tokens {

    public static final Duration LIFETIME = Duration.ofHours(12);

    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();

    public Tokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Issues a new token for {@code username}. */
    public String issue(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO siyu_api_token (token_hash, username, created_at, expires_at) VALUES (?,?,?,?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, username);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now.plus(LIFETIME)));
            ps.executeUpdate();
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM siyu_api_token WHERE expires_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the token: " + e.getMessage(), e);
        }
        return token;
    }

    /** The user name a valid, unexpired token belongs to. */
    public Optional<String> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT username FROM siyu_api_token WHERE token_hash = ? AND expires_at > ?")) {
            ps.setString(1, hash(token));
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the token: " + e.getMessage(), e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
