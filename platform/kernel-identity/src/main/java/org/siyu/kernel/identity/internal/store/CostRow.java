package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A row of {@code identity_acquisition_cost}: the cost of one channel and campaign on one day. */
@Entity
@Table(name = "identity_acquisition_cost")
@IdClass(CostRow.Key.class)
public class CostRow {

    /** The primary key: channel, campaign ({@code ""} for none) and day. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String channel;
        private String campaign;
        private LocalDate day;

        protected Key() {
        }

        public Key(String channel, String campaign, LocalDate day) {
            this.channel = channel;
            this.campaign = campaign;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(channel, k.channel) && Objects.equals(campaign, k.campaign)
                    && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channel, campaign, day);
        }
    }

    @Id
    @Column(name = "channel", length = 32)
    private String channel;

    @Id
    @Column(name = "campaign", length = 200)
    private String campaign;

    @Id
    @Column(name = "cost_day")
    private LocalDate day;

    @Column(name = "cost_fen", nullable = false)
    private long costFen;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    protected CostRow() {
    }

    public CostRow(String channel, String campaign, LocalDate day) {
        this.channel = channel;
        this.campaign = campaign;
        this.day = day;
    }

    public String getChannel() {
        return channel;
    }

    /** The campaign, {@code ""} for none. */
    public String getCampaign() {
        return campaign;
    }

    public LocalDate getDay() {
        return day;
    }

    public long getCostFen() {
        return costFen;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public void record(long fen, Instant at, String by) {
        this.costFen = fen;
        this.recordedAt = at;
        this.recordedBy = by;
    }
}
