package org.siyu.launcher.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobInfo.State;

/** The job records in table {@code siyu_job} (migration {@code V2__jobs.sql}). Plain JDBC, autocommit. */
final class JobStore {

    static final int MAX_MESSAGE = 1000;

    private final DataSource dataSource;

    JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a new job and returns its id. */
    long insert(String kind, String title, String actor, State state, Instant started) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO siyu_job (kind, title, actor, state, total, done,"
                        + " message, started_at) VALUES (?,?,?,?,-1,0,NULL,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, cut(kind, 100));
            ps.setString(2, cut(title, 255));
            ps.setString(3, cut(actor, 64));
            ps.setString(4, state.name());
            ps.setTimestamp(5, Timestamp.from(started));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the job '" + title + "': " + e.getMessage(), e);
        }
    }

    /** Writes everything that can change: state, progress, message and the two times. */
    void update(JobInfo job) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE siyu_job SET state=?, total=?, done=?, message=?,"
                        + " started_at=?, finished_at=? WHERE id=?")) {
            ps.setString(1, job.state().name());
            ps.setLong(2, job.total());
            ps.setLong(3, job.done());
            ps.setString(4, cut(job.message(), MAX_MESSAGE));
            ps.setTimestamp(5, Timestamp.from(job.started()));
            ps.setTimestamp(6, job.finished() == null ? null : Timestamp.from(job.finished()));
            ps.setLong(7, job.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update job " + job.id() + ": " + e.getMessage(), e);
        }
    }

    Optional<JobInfo> find(long id) {
        List<JobInfo> found = query("SELECT * FROM siyu_job WHERE id=?", 1, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<JobInfo> recent(int limit) {
        return query("SELECT * FROM siyu_job ORDER BY id DESC", limit);
    }

    /**
     * Marks what a previous run left queued or running as {@code INTERRUPTED}: that node is gone and its threads with
     * it. Returns how many rows changed.
     */
    int interruptLeftovers(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE siyu_job SET state=?, message=?, finished_at=? WHERE state=?")) {
            int changed = 0;
            for (State left : List.of(State.RUNNING, State.QUEUED)) {
                ps.setString(1, State.INTERRUPTED.name());
                ps.setString(2, left == State.RUNNING
                        ? "the node stopped while the job was running; start it again"
                        : "the node stopped before the job started; start it again");
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, left.name());
                changed += ps.executeUpdate();
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark interrupted jobs: " + e.getMessage(), e);
        }
    }

    private List<JobInfo> query(String sql, int limit, Object... args) {
        List<JobInfo> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.setMaxRows(Math.max(1, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    jobs.add(new JobInfo(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                            rs.getString("actor"), State.valueOf(rs.getString("state")), rs.getLong("total"),
                            rs.getLong("done"), rs.getString("message"), rs.getTimestamp("started_at").toInstant(),
                            finished == null ? null : finished.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read jobs: " + e.getMessage(), e);
        }
        return jobs;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
