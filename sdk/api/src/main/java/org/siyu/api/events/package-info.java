/**
 * The event bus: typed events in a CloudEvents-shaped envelope, published durably and delivered asynchronously.
 *
 * <p><b>Publishing</b> ({@link org.siyu.api.events.EventBus#publish}) writes the event to an outbox in the
 * transaction that is open on the calling thread (see {@link org.siyu.api.persistence.PersistenceUnit}), so a
 * business change and the events it announces commit or roll back together. Outside a transaction the event is
 * committed on its own before {@code publish} returns.
 *
 * <p><b>Delivery</b> is asynchronous and at least once, in offset order per subject (customer), to every
 * {@link org.siyu.api.events.EventSubscriber} service whose types match. Each subscriber has its own queue and its
 * own durable position: a slow or failing subscriber never blocks the others. A failing event is retried with
 * back-off and, after the configured number of attempts, goes to the dead-letter list, from where it can be
 * replayed. Subscribers must be idempotent (use {@link org.siyu.api.events.Event#id()}).
 *
 * <p><b>Transient events</b> (since 1.1, {@link org.siyu.api.events.EventBus#post}) skip the outbox: queued in memory
 * for the subscribers that asked for them ({@link org.siyu.api.events.EventSubscriber#TRANSIENT}), at most once, for
 * signals worth less than a write (live-room likes, presence). See ADR 0013.
 */
@Export
@Version("1.1.0")
package org.siyu.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
