/**
 * Persistence for bundles: each bundle contributes its entity classes and Flyway migrations; the platform
 * builds one Hibernate SessionFactory per bundle over the one database and offers it back as a
 * {@link org.siyu.api.persistence.PersistenceUnit} service.
 *
 * <p>Transactions span bundles: work started through one unit joins the transaction already open on the
 * calling thread, whatever unit opened it, so a change made through two bundles commits or rolls back as one.
 * Each bundle owns its tables (prefixed with its unit name) and its schema history; cross-bundle references
 * are ids, never JPA associations.
 */
@Export
@Version("1.0.0")
package org.siyu.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
