package org.siyu.membership.internal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.MonthDay;

/** A row of {@code mb_birthday}: the birthday a customer gave, month and day. */
@Entity
@Table(name = "mb_birthday")
public class Birthday {

    @Id
    @Column(name = "customer_id")
    private int customerId;
    @Column(name = "birth_month", nullable = false)
    private int month;
    @Column(name = "birth_day", nullable = false)
    private int day;
    @Column(name = "set_at", nullable = false)
    private Instant setAt;
    @Column(name = "set_by", nullable = false, length = 100)
    private String setBy;

    protected Birthday() {
    }

    public Birthday(int customerId, MonthDay birthday, Instant at, String actor) {
        this.customerId = customerId;
        set(birthday, at, actor);
    }

    public int customerId() { return customerId; }
    public MonthDay birthday() { return MonthDay.of(month, day); }
    public Instant setAt() { return setAt; }
    public String setBy() { return setBy; }

    public void set(MonthDay birthday, Instant at, String actor) {
        this.month = birthday.getMonthValue();
        this.day = birthday.getDayOfMonth();
        this.setAt = at;
        this.setBy = actor;
    }
}
