package org.siyu.launcher.internal.persistence;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.siyu.api.persistence.PersistenceUnit;

/** A unit as bundles see it: its SessionFactory, joined into the thread's transaction. */
final class PersistenceUnitService implements PersistenceUnit {

    private final String name;
    private final SessionFactory factory;
    private final DataSource dataSource;

    PersistenceUnitService(String name, SessionFactory factory, DataSource dataSource) {
        this.name = name;
        this.factory = factory;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <R> R inTransaction(Work<R> work) {
        if (!factory.isOpen()) {
            throw new IllegalStateException("persistence unit '" + name + "' is closed: its bundle has stopped");
        }
        return TransactionScope.required(dataSource, scope -> work.execute(scope.session(name, factory)));
    }

    SessionFactory factory() {
        return factory;
    }
}
